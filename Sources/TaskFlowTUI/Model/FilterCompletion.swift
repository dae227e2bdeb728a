import TaskFlowCore

/// Tab completion for the filter line: the last token's key, or the last value of its list.
/// As in a shell, the token is completed as far as the candidates agree, so a unique match
/// is filled in at once; when several remain they are listed, and further Tabs step
/// through them (as zsh's menu completion and vim's wildmenu do).
enum FilterCompletion {
    struct Completion: Equatable {
        /// The line with its last token completed as far as every candidate agrees.
        var line: String
        /// Every candidate, as the whole line it would make, in the order offered.
        var choices: [String]
        /// Every candidate as shown: the key (`status:`) or the value (`tomorrow`).
        var names: [String]
    }

    /// The completion of `line`'s last token, or nil when nothing fits it.
    static func complete(_ line: String) -> Completion? {
        guard let last = line.split(separator: " ", omittingEmptySubsequences: false).last, !last.isEmpty else { return nil }
        let token = String(last)
        let head = String(line.dropLast(token.count))
        let (prefix, partial, candidates): (String, String, [String])
        if let (written, value) = FilterSyntax.keyAndValue(token) {
            // Not a key: the token is text to search for, nothing to complete.
            guard let key = FilterSyntax.key(named: written) else { return nil }
            let done = value.split(separator: ",", omittingEmptySubsequences: false).dropLast().joined(separator: ",")
            let listHead = String(token.prefix(written.count)) + ":" + (done.isEmpty ? "" : done + ",")
            prefix = listHead
            partial = String(token.dropFirst(listHead.count)).lowercased()
            candidates = values(for: key, partial: partial)
        } else {
            prefix = ""
            partial = token.lowercased()
            candidates = FilterSyntax.keys.map { $0 + ":" }
        }
        let matches = candidates.filter { $0.hasPrefix(partial) && $0 != partial }
        guard let first = matches.first else { return nil }
        let common = matches.dropFirst().reduce(first) { String($0.commonPrefix(with: $1)) }
        return Completion(line: head + prefix + common, choices: matches.map { head + prefix + $0 }, names: matches)
    }

    /// What a value of `key` may be, for a value starting `partial`.
    static func values(for key: String, partial: String = "") -> [String] {
        switch key {
        case "status": TaskStatus.allCases.map(\.rawValue)
        case "priority": TaskPriority.allCases.map(\.rawValue)
        case "due": dueValues(partial: partial)
        default: []
        }
    }

    /// `due:` offers its words first; after `<` or `>` the days those take; and once
    /// something is typed, bare days too (`fr` → `fri`).
    private static func dueValues(partial: String) -> [String] {
        if let sign = partial.first, sign == "<" || sign == ">" {
            return FilterSyntax.dayWords.map { String(sign) + $0 }
        }
        guard !partial.isEmpty else { return FilterSyntax.dueWords }
        return FilterSyntax.dueWords + FilterSyntax.dayWords.filter { !FilterSyntax.dueWords.contains($0) }
    }
}
