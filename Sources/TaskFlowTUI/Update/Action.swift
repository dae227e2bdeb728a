import Foundation
import TaskFlowClient
import TaskFlowCore
import TaskFlowSync
import TerminalUI
import TaskFlowSettings

/// Everything that can happen to the app: keys and resizes from the terminal, the clock,
/// and the results of effects coming back from the network.
public enum Action: Sendable {
    /// The program started: find out whether there is a session.
    case start
    case key(Key)
    case resize(Size)
    case tick(Date)
    /// Typing on the search line paused; searches if no key came after the one of `generation`.
    case typingPaused(generation: Int)

    case sessionFound(SessionInfo?)
    case loggedIn(SessionInfo)
    case loginFailed(String)

    case pageLoaded(page: Int, generation: Int, TaskPage, RateLimitStatus?)
    case pageFailed(page: Int, generation: Int, ServiceFailure)
    case statsLoaded(ScopedStats)
    case statsFailed(ServiceFailure)
    case taskSaved(TaskItem)
    case taskSaveFailed(id: String, ServiceFailure)
    /// The server took the form's task (created or changed).
    case formSaved(TaskItem)
    case formFailed(ServiceFailure)
    case taskDeleted(id: String)
    case tasksDeleted([String])
    case taskDeleteFailed(id: String, ServiceFailure)
    /// `$EDITOR` exited; the UI is back.
    case editorClosed(EditorOutcome, for: EditorTarget)
    /// The config file holds the view now, or could not be written (the message says why).
    case viewSaved(SavedView, path: String)
    case viewSaveFailed(String)

    case live(LiveUpdate)
    /// Short ids unique among all the user's tasks (the local copy's).
    case shortIDsLoaded(ShortIDs)
    /// Where `#` found its task in the list: a row, or nil when the list does not hold it.
    case taskLocated(id: String, row: Int?)
    /// An undo (`redo` false) or redo came back.
    case travelled(redo: Bool, Result<UndoOutcome, ServiceFailure>)
    case conflictLoaded(Result<Conflict, ServiceFailure>)
    /// A conflict was settled (or could not be), keeping `mine` of this client's fields.
    case conflictResolved(id: String, keepingMine: Set<TaskField>, Result<Void, ServiceFailure>)
}
