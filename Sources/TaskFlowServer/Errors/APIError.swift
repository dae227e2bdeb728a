import HTTPTypes
import TaskFlowCore

/// An answer in the contract's error shape. Codes and statuses are API.md's table.
public struct APIError: Error, Sendable {
    public let status: HTTPResponse.Status
    public let code: String
    public let message: String
    public var details: [FieldProblem] = []
    public var headers: HTTPFields = [:]

    init(_ status: HTTPResponse.Status, _ code: String, _ message: String, details: [FieldProblem] = []) {
        self.status = status
        self.code = code
        self.message = message
        self.details = details
    }

    static func badRequest(_ message: String) -> APIError { .init(.badRequest, "bad_request", message) }
    static func validation(_ failure: ValidationFailure) -> APIError {
        .init(.badRequest, "validation_failed", failure.summary, details: failure.problems)
    }
    static func validation(_ problem: FieldProblem) -> APIError { validation(ValidationFailure([problem])) }
    static func unauthorized(_ message: String) -> APIError { .init(.unauthorized, "unauthorized", message) }
    static let tokenExpired = APIError(.unauthorized, "token_expired", "access token has expired; refresh it")
    static func notFound(_ message: String) -> APIError { .init(.notFound, "not_found", message) }
    static func methodNotAllowed(_ allowed: [String]) -> APIError {
        var error = APIError(.methodNotAllowed, "method_not_allowed", "this endpoint answers only \(allowed.joined(separator: ", "))")
        error.headers[.allow] = allowed.joined(separator: ", ")
        return error
    }
    static func conflict(_ message: String) -> APIError { .init(.conflict, "conflict", message) }
    static func preconditionFailed(_ message: String) -> APIError { .init(.preconditionFailed, "precondition_failed", message) }
    static func payloadTooLarge(limit: Int = Validation.bodyMax) -> APIError {
        let size = limit >= 1 << 20 ? "\(limit >> 20) MiB" : "\(limit >> 10) KiB"
        return APIError(.contentTooLarge, "payload_too_large", "request body is larger than \(size)")
    }
    static let unsupportedMediaType = APIError(
        .unsupportedMediaType, "unsupported_media_type", "request body must be application/json")
    static func rateLimited(_ message: String, retryAfter: Int) -> APIError {
        var error = APIError(.tooManyRequests, "rate_limited", message)
        error.headers[.retryAfter] = String(max(1, retryAfter))
        return error
    }
    static func notImplemented(_ message: String) -> APIError { .init(.notImplemented, "not_implemented", message) }
    static let `internal` = APIError(.internalServerError, "internal", "something went wrong on the server; try again")
    static let unavailable = APIError(.serviceUnavailable, "unavailable", "the server cannot reach its database; nothing was changed; try again shortly")
}
