import TerminalUI

/// The `:` palette: every command the panes can run, found by typing part of its name or
/// description (letters in order, as fuzzy finders do), shown with its keys, run on Enter.
public struct CommandPalette: Sendable, Equatable {
    public var input = TextInputState()
    public var selected = 0

    /// The commands a pane can run (not those of lines, forms, popups and the sign-in).
    public static let runnable: [TUICommand] = TUICommand.allCases.filter { command in
        ![.acceptLine, .cancelLine, .completeLine, .sortDown, .sortUp, .flipSort, .applySort, .cancelSort, .nextField,
          .previousField, .submit, .cancel, .saveForm, .cancelForm, .formEditor, .nextValue, .previousValue, .confirm,
          .refuse, .closeHelp, .palette, .keepMine, .keepTheirs, .keepAllMine, .keepAllTheirs, .applyResolution,
          .leaveConflict].contains(command)
    }

    /// The matches for what is typed, best first: a match in the name before one in the
    /// description, an earlier and tighter match before a later one.
    public var matches: [TUICommand] {
        let query = Array(input.text.lowercased().filter { !$0.isWhitespace })
        guard !query.isEmpty else { return Self.runnable }
        return Self.runnable.compactMap { command -> (TUICommand, Int)? in
            let inName = Self.score(query, in: Array(command.name.lowercased()))
            let inHelp = Self.score(query, in: Array(command.help.lowercased())).map { $0 + 1000 }
            guard let score = [inName, inHelp].compactMap({ $0 }).min() else { return nil }
            return (command, score)
        }
        .sorted { $0.1 < $1.1 }
        .map(\.0)
    }

    public var choice: TUICommand? {
        let matches = matches
        return matches.isEmpty ? nil : matches[min(max(0, selected), matches.count - 1)]
    }

    /// Where `query` occurs in `text` as a subsequence: the span it covers plus where it
    /// starts (smaller is better); nil when it does not.
    static func score(_ query: [Character], in text: [Character]) -> Int? {
        var best: Int?
        for start in text.indices where text[start] == query[0] {
            var position = start, matched = 0
            while position < text.count, matched < query.count {
                if text[position] == query[matched] { matched += 1 }
                position += 1
            }
            guard matched == query.count else { break }
            let score = (position - start) * 4 + start
            best = min(best ?? score, score)
        }
        return best
    }
}
