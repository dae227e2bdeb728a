import TaskFlowClient
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

extension ServiceFailure {
    /// Runs `body`, turning what it throws into what the screen shows: the client's error
    /// (an ended session sends the user to sign in), a failure as it is, anything else as
    /// its description after `prefix`.
    static func translating<T>(prefix: String = "", _ body: () async throws -> T) async throws(ServiceFailure) -> T {
        do {
            return try await body()
        } catch let error as ClientError {
            throw ServiceFailure(
                message: error.message, sessionEnded: error.category == .auth && error.status != 403, code: error.code,
                problems: error.details)
        } catch let error as ServiceFailure {
            throw error
        } catch {
            throw ServiceFailure(message: prefix + String(describing: error))
        }
    }
}
