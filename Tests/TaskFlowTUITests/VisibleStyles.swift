import Foundation
import TaskFlowClient
import TaskFlowCore
import TaskFlowSync
import TerminalUI
@testable import TaskFlowTUI

/// Every style that text is drawn in somewhere a user looks: taken from the real views
/// rendered over a spread of states (each status, priority and due state on the selected
/// and the other rows, focused and not, every header state, messages, popups, forms), so
/// the set follows the views as they change.
enum VisibleStyles {
    static let tasks = [
        Fixtures.task(1, title: "Overdue high", status: .todo, priority: .high, dueInDays: -2),
        Fixtures.task(2, title: "Due today", status: .inProgress, priority: .medium, dueInDays: 0),
        Fixtures.task(3, title: "Done late", status: .done, priority: .low, dueInDays: -10),
        Fixtures.task(4, title: "Later", status: .todo, priority: .low, dueInDays: 5),
        Fixtures.task(5, title: "Done", status: .done, priority: .high),
        Fixtures.task(6, title: "Started", status: .inProgress, priority: .high, dueInDays: 1),
    ]

    static func all() -> Set<Style> {
        var styles: Set<Style> = []
        for state in states() { collect(ScreenView.render(state).frame, into: &styles) }
        return styles
    }

    private static func collect(_ buffer: ScreenBuffer, into styles: inout Set<Style>) {
        for y in 0..<buffer.height {
            for x in 0..<buffer.width {
                let cell = buffer[x, y]
                if !cell.text.trimmingCharacters(in: .whitespaces).isEmpty { styles.insert(cell.style) }
            }
        }
    }

    private static func states() -> [AppState] {
        let base = Fixtures.mainState(size: Size(width: 120, height: 30), all: tasks)
        var states: [AppState] = []
        for row in tasks.indices {
            var state = base
            for _ in 0..<row { _ = update(&state, .key(.down)) }
            states.append(state)
            _ = update(&state, .key(.tab))
            states.append(state)
        }
        let now = Fixtures.now
        let connections: [LiveState] = [.connecting, .live, .polling(reason: "no socket"), .offline(reason: "down", retryIn: .seconds(5)),
                                        .stopped(reason: "signed out")]
        for connection in connections {
            var state = base
            state.connection = connection
            state.rateLimit = RateLimitStatus(limit: 100, remaining: 3, resetAfter: 60, observedAt: now)
            states.append(state)
        }
        for isError in [true, false] {
            var state = base
            state.message = StatusMessage("Something happened", isError: isError, now: now)
            states.append(state)
        }
        for keys in [[Key.char("?")], [.char("o")], [.char("a")], [.char("e")], [.char("d")], [.char("f"), .char("x"), .enter], [.char("/")]] {
            var state = base
            for key in keys { _ = update(&state, .key(key)) }
            states.append(state)
        }
        // The search line with the old search selected, Tab's candidates on the filter line.
        // A refused filter line too.
        let refusedLine: [Key] = [.char("f")] + "status:doing".map { Key.char($0) } + [.enter]
        for keys in [[Key.char("/"), .char("x"), .enter, .char("/")], [.char("f"), .char("d"), .char("u"), .char("e"), .char(":"), .tab, .tab], refusedLine] {
            var state = base
            for key in keys { _ = update(&state, .key(key)) }
            states.append(state)
        }
        // One pane at a time (its "1/3"), and the form scrolled on the smallest screen.
        var narrow = Fixtures.mainState(size: Size(width: 60, height: 20), all: tasks)
        states.append(narrow)
        narrow.size = Size(width: 40, height: 10)
        _ = update(&narrow, .key(.char("e")))
        narrow.taskForm?.confirmsDiscard = true
        narrow.taskForm?.focus = .due
        states.append(narrow)
        // The form's problems under their fields, its notes, a due that is not a date.
        var refused = base
        _ = update(&refused, .key(.char("a")))
        refused.taskForm?.problems = [.title: "must not be empty"]
        refused.taskForm?.message = "Could not save: the server is down"
        refused.taskForm?.due.setText("soonish")
        states.append(refused)
        refused.taskForm?.message = nil
        refused.taskForm?.confirmsDiscard = true
        states.append(refused)
        // Tasks kept as conflicts (the badge on and off the bar, the detail's line), the
        // conflict view with a field kept as mine, and the stats pane focused on a bar and on
        // a due count.
        var conflicted = base
        _ = update(&conflicted, .live(.localCopy(pending: 0, conflicts: [tasks[0].id, tasks[1].id], unreachable: false)))
        states.append(conflicted)
        var theirs = tasks[0]
        theirs.title = "Renamed"
        theirs.priority = .low
        _ = update(&conflicted, .conflictLoaded(.success(Conflict(id: tasks[0].id, mine: tasks[0], theirs: theirs))))
        _ = update(&conflicted, .key(.char("m")))
        states.append(conflicted)
        var stats = base
        _ = update(&stats, .statsLoaded(ScopedStats(Fixtures.stats, followsFilter: true)))
        _ = update(&stats, .key(.tab))
        _ = update(&stats, .key(.tab))
        states.append(stats)
        for _ in 0..<6 { _ = update(&stats, .key(.down)) }
        states.append(stats)
        var login = base
        login.showLogin(message: "Session ended")
        states.append(login)
        return states
    }
}
