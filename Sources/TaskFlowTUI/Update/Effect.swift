import TaskFlowCore
import TaskFlowSync
import TaskFlowSettings

/// Work `update` asks for. Effects are values; the `EffectRunner` performs them off the UI
/// thread and answers with actions.
public enum Effect: Sendable, Equatable {
    /// Look up the stored session (no network).
    case loadSession
    case logIn(server: String, email: String, password: String)
    case fetchPage(TaskQuery, generation: Int)
    /// The stats of the tasks this query filters to (where the service can count them).
    case fetchStats(TaskQuery)
    case updateTask(id: String, TaskChanges)
    /// The form's new task; answers `.formSaved` or `.formFailed`.
    case createTask(TaskChanges, idempotencyKey: String)
    /// The form's changes to a task; answers `.formSaved` or `.formFailed`.
    case saveTask(id: String, TaskChanges)
    case deleteTask(id: String)
    /// Changes to several tasks at once: one request, one undo step.
    case updateTasks([BulkChange])
    case deleteTasks([String])
    /// Suspend the UI and edit `text` in `$EDITOR`. The program performs this one itself,
    /// because it needs the terminal; it answers `.editorClosed`.
    case openEditor(text: String, for: EditorTarget)
    /// Wait for a pause in typing, then answer `.typingPaused(generation:)`.
    case waitForTypingPause(generation: Int)
    /// Start (or restart after a login) the live feed.
    case startLive
    /// Puts text on the clipboard (OSC 52); the program does it, as it owns the terminal.
    case copyToClipboard(String)
    /// Writes `view` as `[views.NAME]` into the config file at `path`; answers `.viewSaved`
    /// or `.viewSaveFailed`.
    case saveView(SavedView, path: String)
    /// Takes back the last action (or, `redo`, the last one taken back).
    case undo
    case redo
    /// Both versions of a conflict, for the conflict view; answers `.conflictLoaded`.
    case loadConflict(id: String)
    /// Settles a conflict keeping `mine` from this client's version; answers `.conflictResolved`.
    case resolveConflict(id: String, keepingMine: Set<TaskField>)
    /// Find the row of task `id` in the list of `query` (`#` to a task not loaded); answers `.taskLocated`.
    case locateTask(id: String, TaskQuery)
    case quit
}
