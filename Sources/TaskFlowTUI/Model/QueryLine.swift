import TaskFlowCore
import TerminalUI

/// The open search (`/`) or filter (`f`) line in the footer. It remembers the view it was
/// opened over, so Esc can put back the query, cursor and scroll exactly as they were.
public struct QueryLine: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// Searches as you type; the text is the query's `q`.
        case search
        /// Applied on Enter; the text is the filter language of `FilterSyntax`.
        case filter
    }

    public var kind: Kind
    public var input: TextInputState
    /// Why the filter line was refused; it stays open with the text so it can be fixed.
    public var problem: String?
    public let savedQuery: TaskQuery
    public let savedCursor: Int
    public let savedOffset: Int

    public init(kind: Kind, text: String, savedQuery: TaskQuery, savedCursor: Int, savedOffset: Int) {
        self.kind = kind
        input = TextInputState(text, maxLength: 200)
        self.savedQuery = savedQuery
        self.savedCursor = savedCursor
        self.savedOffset = savedOffset
    }

    /// What the footer shows before the text.
    public var prompt: String { kind == .search ? "/" : "filter: " }
}
