import TaskFlowCore

/// Why a request failed, reduced to what the screen needs: a message, whether the session
/// is over (which sends the user to the login screen instead of an error), and the API's
/// error code and field problems, which forms show beside their fields.
public struct ServiceFailure: Error, Sendable, Equatable {
    public var message: String
    public var sessionEnded: Bool
    /// `validation_failed`, `not_found`…; nil when no answer came back.
    public var code: String?
    public var problems: [FieldProblem]

    public init(message: String, sessionEnded: Bool = false, code: String? = nil, problems: [FieldProblem] = []) {
        self.message = message
        self.sessionEnded = sessionEnded
        self.code = code
        self.problems = problems
    }

    public var isNotFound: Bool { code == "not_found" }
}
