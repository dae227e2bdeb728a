import Foundation
import Hummingbird
import Logging

/// One JSON access-log line and the request metrics per request. Logs the path without
/// its query string and never a header or body, so no password or token reaches the log.
struct ObservabilityMiddleware: RouterMiddleware {
    let metrics: ServerMetrics
    let accessLog: Bool

    func handle(_ request: Request, context: AppRequestContext, next: (Request, AppRequestContext) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        let response = try await next(request, context)
        let elapsed = ContinuousClock.now - start
        let route = context.endpointPath ?? "unmatched"
        metrics.record(route: route, method: request.method.rawValue, status: response.status.code, duration: elapsed)
        if accessLog {
            let ms = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
            context.logger.info(
                "request",
                metadata: [
                    "method": .string(request.method.rawValue), "path": .string(request.uri.path),
                    "status": .stringConvertible(response.status.code),
                    "durationMs": .stringConvertible((ms * 100).rounded() / 100),
                ])
        }
        return response
    }
}
