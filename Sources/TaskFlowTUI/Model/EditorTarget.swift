/// What an `$EDITOR` session is editing, so its text goes back to the right place.
public enum EditorTarget: Sendable, Equatable {
    /// A task's description, saved as soon as the editor exits.
    case description(taskID: String)
    /// The open form's description field.
    case form
}

/// How an `$EDITOR` session ended.
public enum EditorOutcome: Sendable, Equatable {
    case edited(String)
    /// The editor could not start or exited with an error; nothing changes.
    case failed(String)
}
