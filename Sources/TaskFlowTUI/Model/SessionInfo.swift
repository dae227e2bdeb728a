import TaskFlowCore

/// Who is signed in where, for the header.
public struct SessionInfo: Sendable, Equatable {
    public var server: String
    /// Unknown when the session is a bare token (`TASKFLOW_TOKEN`).
    public var user: User?

    public init(server: String, user: User?) {
        self.server = server
        self.user = user
    }
}
