import TaskFlowCore

/// Tab completion for the filter line: the last token's key, or the last value of its list.
/// Completes to the longest common prefix of the candidates, as shells do, so a unique match
/// is filled in at once and an ambiguous one as far as it is certain.
enum FilterCompletion {
    /// The line with its last token completed, or nil when nothing can be added.
    static func complete(_ line: String) -> String? {
        guard let last = line.split(separator: " ", omittingEmptySubsequences: false).last, !last.isEmpty else { return nil }
        let token = String(last)
        let head = String(line.dropLast(token.count))
        let (prefix, partial, candidates): (String, String, [String])
        if let (key, value) = FilterSyntax.keyAndValue(token) {
            let done = value.split(separator: ",", omittingEmptySubsequences: false).dropLast().joined(separator: ",")
            let listHead = key + ":" + (done.isEmpty ? "" : done + ",")
            prefix = listHead
            partial = String(token.dropFirst(listHead.count)).lowercased()
            candidates = values(for: key)
        } else {
            prefix = ""
            partial = token.lowercased()
            candidates = FilterSyntax.keys.map { $0 + ":" }
        }
        let matches = candidates.filter { $0.hasPrefix(partial) }
        guard let first = matches.first else { return nil }
        let common = matches.dropFirst().reduce(first) { String($0.commonPrefix(with: $1)) }
        guard common.count > partial.count else { return nil }
        return head + prefix + common
    }

    static func values(for key: String) -> [String] {
        switch key {
        case "status": TaskStatus.allCases.map(\.rawValue)
        case "priority": TaskPriority.allCases.map(\.rawValue)
        case "due": FilterSyntax.dueWords
        default: []
        }
    }
}
