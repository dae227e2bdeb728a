import TaskFlowCore

/// Work `update` asks for. Effects are values; the `EffectRunner` performs them off the UI
/// thread and answers with actions.
public enum Effect: Sendable, Equatable {
    /// Look up the stored session (no network).
    case loadSession
    case logIn(server: String, email: String, password: String)
    case fetchPage(TaskQuery, generation: Int)
    case fetchStats
    case updateTask(id: String, TaskChanges)
    /// Wait for a pause in typing, then answer `.typingPaused(generation:)`.
    case waitForTypingPause(generation: Int)
    /// Start (or restart after a login) the live feed.
    case startLive
    case quit
}
