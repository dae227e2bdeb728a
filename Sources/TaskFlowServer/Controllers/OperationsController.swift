import COpenAPI
import Foundation
import Hummingbird

/// `/health`, `/ready`, `/metrics`, the OpenAPI document, and the plain-HTTP face of `/socket.io/`.
struct OperationsController: Sendable {
    let database: any HealthCheck
    let metrics: ServerMetrics
    let metricsAccess: MetricsAccess

    /// docs/openapi.yaml, embedded at build time.
    static let openAPIDocument = String(cString: taskflow_openapi_yaml())

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("health") { _, _ in JSONResponse.raw(Data(#"{"status":"ok"}"#.utf8)) }
        router.get("ready", use: ready)
        router.get("metrics") { request, _ in
            guard metricsAccess.admits(authorization: request.headers[.authorization]) else {
                var error = APIError.unauthorized("/metrics needs Authorization: Bearer <METRICS_TOKEN>")
                error.headers[.wwwAuthenticate] = "Bearer"
                return error.response()
            }
            return Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(string: metrics.exposition())))
        }
        router.get("api/v1/openapi.yaml") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "application/yaml; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(string: Self.openAPIDocument)))
        }
        // A WebSocket upgrade never reaches the router; anything else here is long-polling,
        // which this server does not offer.
        router.get("socket.io") { _, _ -> Response in
            throw APIError.badRequest(
                "not a WebSocket upgrade: only the WebSocket transport is supported, as GET /socket.io/?EIO=4&transport=websocket "
                    + "with Connection: Upgrade, Upgrade: websocket, Sec-WebSocket-Key and Sec-WebSocket-Version: 13")
        }
    }

    @Sendable func ready(_ request: Request, context: AppRequestContext) async throws -> Response {
        do {
            try await database.ping()
        } catch {
            return APIError.unavailable.response()
        }
        return JSONResponse.raw(Data(#"{"status":"ready"}"#.utf8))
    }
}
