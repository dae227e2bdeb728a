/// One problem with one input field.
public struct FieldProblem: Sendable, Equatable, Error {
    public var field: String
    public var message: String

    public init(_ field: String, _ message: String) {
        self.field = field
        self.message = message
    }
}

/// Input that breaks the contract's rules, naming each field at fault.
public struct ValidationFailure: Error, Sendable, Equatable {
    public var problems: [FieldProblem]

    public init(_ problems: [FieldProblem]) { self.problems = problems }

    /// "title must not be empty" for the first problem, as the error's one-line message.
    public var summary: String {
        guard let first = problems.first else { return "invalid input" }
        return "\(first.field) \(first.message)"
    }
}
