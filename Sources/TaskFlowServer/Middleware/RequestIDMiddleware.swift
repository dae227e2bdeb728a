import Foundation
import TaskFlowCore
import HTTPTypes
import Hummingbird

/// Gives every request an id: a sane incoming `X-Request-Id` is echoed, otherwise one is made.
struct RequestIDMiddleware: RouterMiddleware {
    func handle(_ request: Request, context: AppRequestContext, next: (Request, AppRequestContext) async throws -> Response) async throws -> Response {
        var context = context
        context.requestID = request.headers[.requestID].flatMap(Self.sane) ?? ULID.make()
        context.logger[metadataKey: "requestId"] = .string(context.requestID)
        var response = try await next(request, context)
        response.headers[.requestID] = context.requestID
        return response
    }

    /// 1–128 characters from a conservative set, so ids can be logged and echoed safely.
    static func sane(_ value: String) -> String? {
        guard (1...128).contains(value.utf8.count),
              value.utf8.allSatisfy({ $0 < 128 && (isalnum(Int32($0)) != 0 || "-_.:".utf8.contains($0)) })
        else { return nil }
        return value
    }
}

extension HTTPField.Name {
    static let requestID = Self("X-Request-Id")!
    static let idempotencyKey = Self("Idempotency-Key")!
    static let rateLimitLimit = Self("RateLimit-Limit")!
    static let rateLimitRemaining = Self("RateLimit-Remaining")!
    static let rateLimitReset = Self("RateLimit-Reset")!
    static let rateLimitPolicy = Self("RateLimit-Policy")!
    static let forwardedFor = Self("X-Forwarded-For")!
}
