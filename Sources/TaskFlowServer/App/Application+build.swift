import Foundation
import Hummingbird
import HummingbirdCore
import HummingbirdWebSocket
import Logging
import NIOCore
import TaskFlowCore

/// The whole server: middleware, routes, the Socket.IO endpoint and background upkeep.
public func buildApplication(
    services: ServerServices, logger: Logger,
    onServerRunning: @escaping @Sendable (any Channel) async -> Void = { _ in }
) -> some ApplicationProtocol {
    let configuration = services.configuration
    let router = buildRouter(services: services)
    let socketIO = SocketIOEndpoint(
        hub: services.hub, sockets: services.sockets, tokens: services.tokens, accounts: services.accounts, metrics: services.metrics,
        pingInterval: .milliseconds(configuration.pingIntervalMillis), pingTimeout: .milliseconds(configuration.pingTimeoutMillis),
        connectTimeout: .milliseconds(configuration.socketAuthTimeoutMillis))
    // Socket.IO does its own heartbeat, so WebSocket-level auto-ping is off.
    let channel = HTTP1WebSocketUpgradeChannel.Configuration(
        http1: .init(idleTimeout: TimeAmount(configuration.connectionTimeouts.idle)),
        ws: .init(maxFrameSize: 1 << 20, autoPing: .disabled))
    let timeouts = configuration.connectionTimeouts
    return Application(
        router: CanonicalPathRouter(inner: router),
        server: HTTPServerBuilder { responder in
            GuardedChildChannel(
                inner: HTTP1WebSocketUpgradeChannel(responder: responder, configuration: channel) { request, _, _ in
                    guard SocketIOEndpoint.accepts(request) else { return .dontUpgrade }
                    return .upgrade([:]) { inbound, outbound, context in
                        await socketIO.serve(inbound: inbound, outbound: outbound, logger: context.logger)
                    }
                },
                timeouts: timeouts, upgradesTarget: SocketIOEndpoint.accepts(target:), production: configuration.production)
        },
        configuration: .init(address: configuration.bindAddress, serverName: "taskflow-server/\(TaskFlowVersion.current)"),
        services: [MaintenanceService(
            sessions: services.store, tasks: services.store, tombstoneLifetime: configuration.tombstoneLifetime, logger: logger,
            clock: services.clock)] + services.background,
        onServerRunning: onServerRunning,
        logger: logger)
}

/// Middleware (outermost first) and routes. Separate so tests can drive the router alone.
public func buildRouter(services: ServerServices) -> Router<AppRequestContext> {
    let configuration = services.configuration
    // HEAD answers as GET without the body (load balancers and `curl -I` use it).
    let router = Router(context: AppRequestContext.self, options: .autoGenerateHeadEndpoints)
    router.add(middleware: ActivityMiddleware(activity: services.activity))
    router.add(middleware: RequestIDMiddleware())
    router.add(middleware: ObservabilityMiddleware(metrics: services.metrics, accessLog: configuration.accessLog))
    router.add(middleware: SecurityHeadersMiddleware(production: configuration.production))
    router.add(middleware: AllowListCORSMiddleware(allowedOrigins: Set(configuration.allowedOrigins)))
    router.add(middleware: IdentityMiddleware(tokens: services.tokens, accounts: services.accounts, clientAddress: ClientAddress(trustedProxies: Set(configuration.trustedProxies))))
    if configuration.rateLimitEnabled {
        router.add(middleware: RateLimitMiddleware(
            store: services.rateLimits, limit: configuration.rateLimitMaxRequests, window: configuration.rateLimitWindowSeconds,
            clock: services.clock))
    }
    router.add(middleware: PreflightMiddleware())
    router.add(middleware: ErrorMiddleware())

    OperationsController(
        database: services.store, metrics: services.metrics, metricsAccess: MetricsAccess(token: configuration.metricsToken)).addRoutes(to: router)
    let api = router.group("api/v1")
    let auth = AuthService(
        store: services.store, tokens: services.tokens, hasher: services.hasher, limiter: services.rateLimits,
        configuration: configuration, clock: services.clock)
    AuthController(service: auth).addRoutes(to: api.group("auth"))
    // The batch route first: "batch" is not a task id.
    BatchController(store: services.store, events: services.events, clock: services.clock).addRoutes(to: api.group("tasks"))
    TaskController(store: services.store, events: services.events, clock: services.clock).addRoutes(to: api.group("tasks"))
    SyncController(store: services.store).addRoutes(to: api.group("sync"))
    // Last, so that it wraps only the not-found responder (see its comment).
    router.add(middleware: MethodNotAllowedMiddleware(routes: router.routes))
    return router
}

/// A logger writing JSON lines at the configured level.
public func makeServerLogger(configuration: ServerConfiguration) -> Logger {
    let level = Logger.Level(rawValue: configuration.logLevel) ?? .info
    return Logger(label: "taskflow-server") { label in JSONLogHandler(label: label, level: level) }
}
