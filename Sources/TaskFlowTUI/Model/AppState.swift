import Foundation
import TaskFlowClient
import TaskFlowCore
import TerminalUI
import TaskFlowSettings

/// Everything the screen shows, as plain values: `update` changes it, views draw it.
public struct AppState: Sendable {
    public enum Screen: Sendable, Equatable {
        /// Waiting to learn whether there is a session.
        case starting
        case login(LoginForm)
        case main
    }

    public var screen: Screen = .starting
    public var size: Size
    public var now: Date
    public var keymap: Keymap<TUICommand>

    public var session: SessionInfo?
    /// The server the login screen offers when there is no session.
    public var defaultServer: String

    public var query: TaskQuery
    /// The `due:` values of the filter as the user wrote them (`<7d`, `today`). The due
    /// bounds of `query` are always these read at `now`: again at each reload and when the
    /// day changes, so a relative filter stays relative.
    public var dueFilter: [String] = []
    public var tasks: TaskPages
    /// The views on the digit keys (`SavedViews`), and config.toml, where `V` saves one.
    public var views = SavedViews()
    public var configPath: String?
    /// The view whose key was pressed last, while its filter is still the one in force
    /// (`!`, `O` and a search refine it; the filter line, `F` or another view end it).
    public var activeView: String?
    /// The sort before the active view set its own, put back when the view is left.
    public var sortBeforeView: TaskSort?
    /// The selected row and the first visible one.
    public var cursor = 0
    public var listOffset = 0
    /// Keeps the cursor on this task while a reload moves rows around.
    public var followedTaskID: String?

    /// The ids behind the list's short ids and `#`: the local copy's (every task of the
    /// user, `shortIDsCoverAll`), else those of the tasks loaded.
    public var shortIDs = ShortIDs([String]())
    public var shortIDsCoverAll = false

    public var stats: TaskStats?
    public var statsInFlight = false
    /// Signed in, the live feed not started yet: it starts once the first page and the
    /// stats are in (`startLiveOnceLoaded`).
    public var liveWaitsForFirstLoad = false
    /// Something changed while the stats were being fetched: fetch again when they arrive.
    public var statsStale = false
    /// The stats count the tasks of the filter (the local copy); false: every task.
    public var statsFollowFilter = true
    /// The filter the stats on screen were counted for, as the filter line writes it; nil
    /// when they count every task whatever the filter (the server's stats).
    public var statsFilter: String? = ""
    /// The filter of the stats request on its way (one at a time).
    var statsRequestFilter = ""
    /// The stats row ↑/↓ select while the stats pane is focused (Enter filters by it).
    public var statsSelection = 0

    /// The search or filter line, while it is open.
    public var queryLine: QueryLine?
    /// Counts keystrokes on the search line; only the pause after the latest one searches.
    public var searchGeneration = 0
    /// The sort popup, while it is open.
    public var sortPicker: SortPicker?
    /// The add/edit form, while it is open (kept across a sign-in, so nothing typed is lost).
    public var taskForm: TaskForm?
    /// The edit form over the marked tasks, while it is open.
    public var bulkForm: BulkEditForm?
    /// A question waiting for y or n.
    public var confirmation: Confirmation?
    /// Tasks marked for a bulk action (`Space`, `v`, `*`; `Esc` clears), by id.
    public var marked: Set<String> = []
    /// The conflict view, while it is open.
    public var conflictResolver: ConflictResolver?
    /// The open `:` command palette.
    public var palette: CommandPalette?
    /// `y` was pressed: the next key says what to copy.
    public var yankPending = false
    /// What `x` marked done was before, so a second `x` puts it back there.
    public var statusBeforeDone: [String: TaskStatus] = [:]
    /// The last task marked or unmarked, where `v` marks a range from.
    public var markAnchor: String?
    /// Tasks deleted on screen while the server is asked, with the row each was on.
    public var pendingDeletes: [String: PendingDelete] = [:]
    /// Keys that make a create happen once however often it is sent (`Idempotency-Key`).
    public var makeIdempotencyKey: @Sendable () -> String = { UUID().uuidString.lowercased() }

    public var focus: Pane = .list
    public var detailScroll = 0
    public var showsHelp = false
    public var helpScroll = 0

    public var connection: LiveState = .connecting
    public var lastSync: Date?
    public var rateLimit: RateLimitStatus?
    /// The local copy's changes waiting to be sent, its conflicts, and whether the server
    /// was out of reach at the last try (nil without a local copy).
    public var localCopy: (pending: Int, conflicts: [String], unreachable: Bool)?
    public var message: StatusMessage? {
        didSet {
            // Every message, kept in full for the message log (the footer may cut it).
            guard let message, message != oldValue else { return }
            messageLog.append(message)
            if messageLog.count > 200 { messageLog.removeFirst(messageLog.count - 200) }
        }
    }
    /// The messages of this session, oldest first (`M` shows them).
    public var messageLog: [StatusMessage] = []
    /// The message log is open; the next key closes it.
    public var showsMessages = false
    /// What was wrong in config.toml and the themes at startup, every line in full, shown
    /// in a popup until the next key.
    public var settingsProblems: [String] = []
    /// Server copies of tasks changed optimistically, to put back if the server refuses.
    public var pendingChanges: [String: TaskItem] = [:]
    public var isLiveStarted = false
    public var shouldQuit = false

    public init(
        size: Size, now: Date, defaultServer: String, keymap: Keymap<TUICommand> = TUIKeymap.standard, pageSize: Int = 50,
        sort: TaskSort = .default
    ) {
        self.size = size
        self.now = now
        self.defaultServer = defaultServer
        self.keymap = keymap
        query = TaskQuery(limit: pageSize, sort: sort)
        tasks = TaskPages(pageSize: pageSize)
    }

    public struct PendingDelete: Sendable, Equatable {
        public var task: TaskItem
        public var row: Int
    }

    /// The task under the cursor, when its page is loaded.
    public var selectedTask: TaskItem? { tasks.task(at: cursor) }

    /// The ids of the tasks kept as conflicts (none without a local copy).
    public var conflictIDs: [String] { localCopy?.conflicts ?? [] }

    /// The filter in force as the filter line writes it (empty when there is none).
    public var filterText: String { FilterSyntax(now: now).text(of: query, due: dueFilter) }

    /// Where the screen's parts go at the current size.
    public var layout: Layout { Layout(size: size, focus: focus) }
}
