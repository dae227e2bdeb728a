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
        /// `V`: the name to save the filter and sort in force under, as a view.
        case viewName
        /// `#`: on Enter, goes to the task with this short id (or id head).
        case jump
    }

    /// What Tab offered when it could not decide: every candidate, and which one the
    /// line holds now (nil: none yet, the line holds what they share).
    public struct Choices: Sendable, Equatable {
        public var lines: [String]
        public var names: [String]
        public var index: Int?
    }

    public var kind: Kind
    public var input: TextInputState
    /// Why the filter line was refused; it stays open with the text so it can be fixed.
    public var problem: String?
    /// The candidates of the last Tab while they are still on offer.
    public var choices: Choices?
    public let savedQuery: TaskQuery
    /// The due values of the filter the line was opened over (see `AppState.dueFilter`).
    public let savedDueFilter: [String]
    public let savedCursor: Int
    public let savedOffset: Int

    public init(
        kind: Kind, text: String, savedQuery: TaskQuery, savedDueFilter: [String] = [], savedCursor: Int, savedOffset: Int
    ) {
        self.kind = kind
        input = TextInputState(text, maxLength: 200)
        self.savedQuery = savedQuery
        self.savedDueFilter = savedDueFilter
        self.savedCursor = savedCursor
        self.savedOffset = savedOffset
    }

    /// What the footer shows before the text.
    public var prompt: String {
        switch kind {
        case .search: "/"
        case .filter: "filter: "
        case .viewName: "save view as: "
        case .jump: "#"
        }
    }
}
