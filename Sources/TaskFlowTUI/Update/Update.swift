import Foundation
import TaskFlowClient
import TaskFlowCore
import TerminalUI

/// The app's one state transition: applies `action` to `state` and returns the effects to
/// perform. Synchronous and free of I/O, so every behaviour can be tested with values.
public func update(_ state: inout AppState, _ action: Action) -> [Effect] {
    transition(&state, action) + state.startLiveOnceLoaded()
}

private func transition(_ state: inout AppState, _ action: Action) -> [Effect] {
    switch action {
    case .start:
        return [.loadSession]
    case .key(let key):
        return state.handle(key)
    case .resize(let size):
        state.size = size
        state.keepCursorVisible()
        return state.requestVisiblePages()
    case .tick(let now):
        state.now = now
        // An open live connection means nothing changed unannounced: the data is current.
        if state.connection == .live, state.lastSync != nil { state.lastSync = now }
        if let message = state.message, message.expires <= now { state.message = nil }
        // A new day moves the bounds of a relative due filter ("<7d", "today").
        if state.screen == .main, !state.dueFilter.isEmpty,
           FilterSyntax(now: now).applying(due: state.dueFilter, to: state.query) != state.query {
            return state.reload()
        }
        return []
    case .typingPaused(let generation):
        return state.typingPaused(generation: generation)
    case .sessionFound(let info):
        guard let info else {
            state.showLogin(message: nil)
            return []
        }
        return state.enterMain(info)
    case .loggedIn(let info):
        return state.enterMain(info)
    case .loginFailed(let message):
        guard case .login(var form) = state.screen else { return [] }
        form.message = message
        form.isSubmitting = false
        form.password.setText("")
        form.focus = .password
        state.screen = .login(form)
        return []
    case .pageLoaded(let page, let generation, let answer, let rateLimit):
        return state.receive(answer, page: page, generation: generation, rateLimit: rateLimit)
    case .pageFailed(let page, let generation, let failure):
        state.tasks.requestFailed(page, generation: generation)
        return state.report(failure, doing: "load tasks")
    case .statsLoaded(let answer):
        state.stats = answer.stats
        state.statsFollowFilter = answer.followsFilter
        state.statsFilter = answer.followsFilter ? state.statsRequestFilter : nil
        state.statsInFlight = false
        state.lastSync = state.now
        return state.statsStale ? state.requestStats() : []
    case .statsFailed(let failure):
        state.statsInFlight = false
        return state.report(failure, doing: "load stats")
    case .taskSaved(let task):
        state.pendingChanges[task.id] = nil
        state.tasks.replace(task)
        return state.requestStats()
    case .taskSaveFailed(let id, let failure):
        if let original = state.pendingChanges.removeValue(forKey: id) {
            state.tasks.replace(original)
            if !failure.sessionEnded {
                state.message = StatusMessage("Not saved: “\(original.title)”: \(failure.message)", now: state.now)
                return []
            }
        }
        return state.report(failure, doing: "save")
    case .formSaved(let task):
        return state.formSaved(task)
    case .formFailed(let failure):
        return state.formFailed(failure)
    case .taskDeleted(let id):
        return state.taskDeleted(id: id)
    case .tasksDeleted(let ids):
        return state.tasksDeleted(ids)
    case .taskDeleteFailed(let id, let failure):
        return state.taskDeleteFailed(id: id, failure)
    case .editorClosed(let outcome, let target):
        return state.editorClosed(outcome, for: target)
    case .viewSaved(let view, let path):
        return state.viewSaved(view, path: path)
    case .viewSaveFailed(let reason):
        state.message = StatusMessage("View not saved: \(reason)", now: state.now)
        return []
    case .live(let update):
        return state.apply(update)
    case .shortIDsLoaded(let ids):
        state.shortIDs = ids
        state.shortIDsCoverAll = true
        return []
    case .taskLocated(let id, let row):
        return state.located(id, row: row)
    case .travelled(let redo, let result):
        return state.travelled(redo: redo, result)
    case .conflictLoaded(let result):
        return state.conflictLoaded(result)
    case .conflictResolved(let id, let mine, let result):
        return state.conflictResolved(id: id, keepingMine: mine, result)
    }
}

extension AppState {
    /// Shows the main screen for a session and loads everything from scratch.
    mutating func enterMain(_ info: SessionInfo) -> [Effect] {
        session = info
        screen = .main
        tasks = TaskPages(pageSize: query.limit)
        cursor = 0
        listOffset = 0
        stats = nil
        pendingChanges = [:]
        pendingDeletes = [:]
        if taskForm != nil { taskForm?.message = "Signed in again: Enter saves" }
        liveWaitsForFirstLoad = true
        return reload()
    }

    /// Starts the live feed once the first page and the stats have come (or failed);
    /// checked after every action. Its start (loading libcurl, connecting, a catch-up
    /// sync) took CPU from the first frame's reads on two cores; what changes meanwhile,
    /// the feed's catch-up brings.
    mutating func startLiveOnceLoaded() -> [Effect] {
        guard liveWaitsForFirstLoad, screen == .main, tasks.inFlight.isEmpty, !statsInFlight else { return [] }
        liveWaitsForFirstLoad = false
        return [.startLive]
    }

    mutating func showLogin(message: String?) {
        let email = session?.user?.email ?? ""
        screen = .login(LoginForm(server: session?.server ?? defaultServer, email: email, message: message))
        pendingChanges = [:]
        pendingDeletes = [:]
        confirmation = nil
        showsHelp = false
    }

    /// A failure: the login screen when the session is over, else a message in the footer.
    mutating func report(_ failure: ServiceFailure, doing what: String) -> [Effect] {
        if failure.sessionEnded {
            showLogin(message: failure.message)
        } else {
            message = StatusMessage("Could not \(what): \(failure.message)", now: now)
        }
        return []
    }
}
