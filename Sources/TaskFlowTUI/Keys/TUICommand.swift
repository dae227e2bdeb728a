import TerminalUI

/// Every named command of the screen, once. `name` is what a `[keys]` section of the config
/// rebinds; `help` feeds the `?` overlay and `hint` the hint bar; `AppState.perform` switches
/// over all of them without a default, so a new command cannot be forgotten there.
public enum TUICommand: String, CaseIterable, KeyCommand {
    // Moving and panes
    case moveDown = "move-down"
    case moveUp = "move-up"
    case pageDown = "page-down"
    case pageUp = "page-up"
    case first
    case last
    case nextPane = "next-pane"
    case previousPane = "previous-pane"
    case openDetail = "open"
    case back
    case scrollDown = "scroll-down"
    case scrollUp = "scroll-up"
    // Changing tasks
    case markDone = "mark-done"
    case cycleStatus = "cycle-status"
    case cyclePriority = "cycle-priority"
    case cycleStatusBack = "cycle-status-back"
    case cyclePriorityBack = "cycle-priority-back"
    case add
    case edit
    case editDescription = "edit-description"
    case delete
    case undo
    case redo
    case yank
    case resolveConflict = "resolve-conflict"
    case jumpToID = "jump"
    // Marks for bulk actions
    case toggleMark = "mark"
    case markRange = "mark-range"
    case markAll = "mark-all"
    case clearMarks = "clear-marks"
    // The whole screen
    case refresh
    case toggleHelp = "help"
    case messageLog = "messages"
    case palette
    case closeHelp = "close-help"
    case quit
    // Search, filter and sort
    case search
    case filter
    case clearFilters = "clear-filters"
    case quickHigh = "filter-high"
    case quickOverdue = "filter-overdue"
    case sort
    // Saved views (1–3 are todo, doing and done until config.toml says otherwise)
    case view1 = "view-1"
    case view2 = "view-2"
    case view3 = "view-3"
    case view4 = "view-4"
    case view5 = "view-5"
    case view6 = "view-6"
    case view7 = "view-7"
    case view8 = "view-8"
    case view9 = "view-9"
    case saveView = "save-view"
    case filterByStat = "filter-by-row"
    // The search and filter line
    case acceptLine = "accept-line"
    case cancelLine = "cancel-line"
    case completeLine = "complete"
    // The sort popup
    case sortDown = "sort-down"
    case sortUp = "sort-up"
    case flipSort = "flip-sort"
    case applySort = "apply-sort"
    case cancelSort = "cancel-sort"
    // The conflict view
    case keepMine = "keep-mine"
    case keepTheirs = "keep-theirs"
    case keepAllMine = "all-mine"
    case keepAllTheirs = "all-theirs"
    case applyResolution = "apply-resolution"
    case leaveConflict = "leave-conflict"
    // The login screen and the add/edit form
    case nextField = "next-field"
    case previousField = "previous-field"
    case submit
    case cancel
    case saveForm = "save"
    case cancelForm = "cancel-form"
    case formEditor = "form-editor"
    case nextValue = "next-value"
    case previousValue = "previous-value"
    // The delete question
    case confirm
    case refuse

    public var name: String { rawValue }

    /// The digit of a view command (`view-4` → 4).
    public var viewKey: Int? {
        guard rawValue.hasPrefix("view-") else { return nil }
        return Int(rawValue.dropFirst("view-".count))
    }

    /// The command of view `key` (1–9).
    public static func view(_ key: Int) -> TUICommand? { TUICommand(rawValue: "view-\(key)") }
    public var help: String { text.help }
    public var hint: String? { text.hint }

    private var text: (help: String, hint: String?) {
        switch self {
        case .moveDown: ("Move down", "move")
        case .moveUp: ("Move up", nil)
        case .pageDown: ("Down one screen", nil)
        case .pageUp: ("Up one screen", nil)
        case .first: ("Go to the first task", nil)
        case .last: ("Go to the last task", nil)
        case .nextPane: ("Next pane", "pane")
        case .previousPane: ("Previous pane", nil)
        case .openDetail: ("Show the selected task's details", "detail")
        case .back: ("Back to the list", "back")
        case .scrollDown: ("Scroll down", "scroll")
        case .scrollUp: ("Scroll up", nil)
        case .markDone: ("Mark the selected task done (again: back as it was)", "done")
        case .cycleStatus: ("Cycle status: todo → in progress → done", "status")
        case .cyclePriority: ("Cycle priority: low → medium → high", "priority")
        case .cycleStatusBack: ("Cycle status backwards: done → in progress → todo", nil)
        case .cyclePriorityBack: ("Cycle priority backwards: high → medium → low", nil)
        case .add: ("Add a task", "add")
        case .edit: ("Edit the task (marked: status, priority, due of all)", "edit")
        case .editDescription: ("Edit the selected task's description in $EDITOR", nil)
        case .delete: ("Delete the selected task (asks first)", "delete")
        case .undo: ("Undo your last change; a task changed since is left alone", "undo")
        case .redo: ("Redo the change you last undid", nil)
        case .yank: ("Copy the task: then i id, t title, j JSON (OSC 52)", nil)
        case .resolveConflict: ("Resolve a conflict field by field: the selected task's, else the first one", nil)
        case .jumpToID: ("Go to a task by its short id (the list's ID column) or the start of its id", "jump")
        case .toggleMark: ("Mark or unmark the task; x s p e d act on all marked", "mark")
        case .markRange: ("Mark from the last marked task to this one", nil)
        case .markAll: ("Mark every task in view", nil)
        case .clearMarks: ("Clear the marks", nil)
        case .refresh: ("Reload tasks and stats from the server", "refresh")
        case .toggleHelp: ("Show or hide this help", "help")
        case .messageLog: ("Show every message of this session in full", nil)
        case .palette: ("Find a command by name and run it", "commands")
        case .closeHelp: ("Close the help", "close")
        case .quit: ("Quit", "quit")
        case .search: ("Search as you type; typing replaces the old search, End adds to it (Enter keeps, Esc goes back)", "search")
        case .filter:
            ("Filter: status:todo,in-progress priority:high due:today|week|overdue|<7d|>2026-12-01 words (other word:… is text)", "filter")
        case .clearFilters: ("Clear every filter and the search", "clear")
        case .quickHigh: ("Show only high priority tasks (again: all)", nil)
        case .quickOverdue: ("Show only overdue tasks (again: all)", nil)
        case .sort: ("Choose the sort field and direction", "sort")
        case .view1: ("View 1 (todo unless config.toml says otherwise): its filter and sort (again: all tasks)", nil)
        case .view2: ("View 2 (doing: in progress): its filter and sort (again: all tasks)", nil)
        case .view3: ("View 3 (done): its filter and sort (again: all tasks)", nil)
        case .view4, .view5, .view6, .view7, .view8, .view9:
            ("View \(viewKey ?? 0) of config.toml ([views.NAME]): its filter and sort (again: all tasks)", nil)
        case .saveView: ("Save the current filter and sort as a view in config.toml (asks for a name)", nil)
        case .filterByStat: ("Show only the tasks of the selected stats row (status, priority, due)", "filter")
        case .acceptLine: ("Keep the search or apply the filter", "apply")
        case .cancelLine: ("Back to the view before the line opened", "cancel")
        case .completeLine: ("Complete a filter key or value (again: the next candidate)", "complete")
        case .sortDown: ("Next sort field", "move")
        case .sortUp: ("Previous sort field", nil)
        case .flipSort: ("Flip the direction: ascending ↔ descending", "flip")
        case .applySort: ("Sort by the chosen field", "apply")
        case .cancelSort: ("Close without changing the sort", "cancel")
        case .keepMine: ("Keep your value of this field", "mine")
        case .keepTheirs: ("Keep the server's value of this field", "theirs")
        case .keepAllMine: ("Keep your value of every field", "all mine")
        case .keepAllTheirs: ("Keep the server's value of every field", "all theirs")
        case .applyResolution: ("Settle the conflict as chosen: one change, u undoes it", "apply")
        case .leaveConflict: ("Close, leaving the conflict unresolved", "leave")
        case .nextField: ("Next field", "next field")
        case .previousField: ("Previous field", nil)
        case .submit: ("Sign in", "sign in")
        case .cancel: ("Quit without signing in", "quit")
        case .saveForm: ("Save the task (the form stays open if the server refuses)", "save")
        case .cancelForm: ("Close the form (twice when something was typed)", "cancel")
        case .formEditor: ("Edit the description in $EDITOR", "$EDITOR")
        case .nextValue: ("Next status or priority", nil)
        case .previousValue: ("Previous status or priority", nil)
        case .confirm: ("Yes, do it", "yes")
        case .refuse: ("No, keep things as they are", "no")
        }
    }
}
