import TerminalUI

/// The named commands of the screen. The names are what a `[keys]` section of the config
/// will rebind; the help text feeds the `?` overlay and the hint bar.
public enum TUICommand {
    public static let moveDown = Command("move-down", help: "Move down", hint: "move")
    public static let moveUp = Command("move-up", help: "Move up")
    public static let pageDown = Command("page-down", help: "Down one screen")
    public static let pageUp = Command("page-up", help: "Up one screen")
    public static let first = Command("first", help: "Go to the first task")
    public static let last = Command("last", help: "Go to the last task")
    public static let nextPane = Command("next-pane", help: "Next pane", hint: "pane")
    public static let previousPane = Command("previous-pane", help: "Previous pane")
    public static let open = Command("open", help: "Show the selected task's details", hint: "detail")
    public static let back = Command("back", help: "Back to the list", hint: "back")
    public static let markDone = Command("mark-done", help: "Mark the selected task done (again: back to todo)", hint: "done")
    public static let cycleStatus = Command("cycle-status", help: "Cycle status: todo → in progress → done", hint: "status")
    public static let cyclePriority = Command("cycle-priority", help: "Cycle priority: low → medium → high", hint: "priority")
    public static let refresh = Command("refresh", help: "Reload tasks and stats from the server", hint: "refresh")
    public static let help = Command("help", help: "Show or hide this help", hint: "help")
    public static let quit = Command("quit", help: "Quit", hint: "quit")
    public static let closeHelp = Command("close-help", help: "Close the help", hint: "close")
    public static let scrollDown = Command("scroll-down", help: "Scroll down", hint: "scroll")
    public static let scrollUp = Command("scroll-up", help: "Scroll up")

    public static let search = Command("search", help: "Search as you type (Enter keeps the result, Esc goes back)", hint: "search")
    public static let filter = Command(
        "filter", help: "Filter: status:todo,in-progress priority:high due:today|week|overdue|<7d|>2026-12-01 words",
        hint: "filter")
    public static let clearFilters = Command("clear-filters", help: "Clear every filter and the search", hint: "clear")
    public static let quickTodo = Command("filter-todo", help: "Show only todo tasks (again: all)")
    public static let quickInProgress = Command("filter-in-progress", help: "Show only tasks in progress (again: all)")
    public static let quickDone = Command("filter-done", help: "Show only done tasks (again: all)")
    public static let quickHigh = Command("filter-high", help: "Show only high priority tasks (again: all)")
    public static let quickOverdue = Command("filter-overdue", help: "Show only overdue tasks (again: all)")
    public static let sort = Command("sort", help: "Choose the sort field and direction", hint: "sort")

    public static let add = Command("add", help: "Add a task", hint: "add")
    public static let edit = Command("edit", help: "Edit the selected task", hint: "edit")
    public static let editDescription = Command("edit-description", help: "Edit the selected task's description in $EDITOR")
    public static let delete = Command("delete", help: "Delete the selected task (asks first)", hint: "delete")

    public static let acceptLine = Command("accept-line", help: "Keep the search or apply the filter", hint: "apply")
    public static let cancelLine = Command("cancel-line", help: "Back to the view before the line opened", hint: "cancel")
    public static let completeLine = Command("complete", help: "Complete a filter key or value", hint: "complete")

    public static let sortDown = Command("sort-down", help: "Next sort field", hint: "move")
    public static let sortUp = Command("sort-up", help: "Previous sort field")
    public static let flipSort = Command("flip-sort", help: "Flip the direction: ascending ↔ descending", hint: "flip")
    public static let applySort = Command("apply-sort", help: "Sort by the chosen field", hint: "apply")
    public static let cancelSort = Command("cancel-sort", help: "Close without changing the sort", hint: "cancel")

    public static let nextField = Command("next-field", help: "Next field", hint: "next field")
    public static let previousField = Command("previous-field", help: "Previous field")
    public static let submit = Command("submit", help: "Sign in", hint: "sign in")
    public static let cancel = Command("cancel", help: "Quit without signing in", hint: "quit")

    public static let saveForm = Command("save", help: "Save the task (the form stays open if the server refuses)", hint: "save")
    public static let cancelForm = Command("cancel-form", help: "Close the form (twice when something was typed)", hint: "cancel")
    public static let formEditor = Command("form-editor", help: "Edit the description in $EDITOR", hint: "$EDITOR")
    public static let nextValue = Command("next-value", help: "Next status or priority")
    public static let previousValue = Command("previous-value", help: "Previous status or priority")

    public static let confirm = Command("confirm", help: "Yes, do it", hint: "yes")
    public static let refuse = Command("refuse", help: "No, keep things as they are", hint: "no")
}

extension KeyContext {
    public static let list = KeyContext("list")
    public static let detail = KeyContext("detail")
    public static let stats = KeyContext("stats")
    public static let help = KeyContext("help")
    public static let login = KeyContext("login")
    /// The open search or filter line: only its own keys count, the rest is typed.
    public static let line = KeyContext("line")
    public static let sort = KeyContext("sort")
    /// The add/edit form: only its own keys count, the rest is typed into the field.
    public static let form = KeyContext("form")
    /// A yes/no question (delete this task?).
    public static let confirm = KeyContext("confirm")
}
