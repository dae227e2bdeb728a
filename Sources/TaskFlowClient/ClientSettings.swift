import Foundation

/// Builds an `APIClient` the way every front end should: the server from `--server`, else
/// `TASKFLOW_SERVER`, else the last server logged in to, else `http://127.0.0.1:5000`; the
/// session from `TASKFLOW_TOKEN` when set, else the credentials file.
public struct ClientSettings: Sendable {
    public var server: String?
    public var caFile: String?
    public var environment: [String: String]
    public var retryPolicy: RetryPolicy
    public var transport: TransportOptions

    public init(server: String? = nil, caFile: String? = nil,
                environment: [String: String] = ProcessInfo.processInfo.environment,
                retryPolicy: RetryPolicy = .never) {
        self.server = server
        self.caFile = caFile
        self.environment = environment
        self.retryPolicy = retryPolicy
        transport = TransportOptions()
        transport.caFile = caFile ?? environment["TASKFLOW_CA_FILE"].flatMap { $0.isEmpty ? nil : $0 }
    }

    public var store: FileCredentialStore { FileCredentialStore.standard(environment: environment) }

    public func resolvedServer() throws -> ServerAddress {
        if let server, !server.isEmpty { return try ServerAddress(server) }
        if let server = environment["TASKFLOW_SERVER"], !server.isEmpty { return try ServerAddress(server) }
        return try store.defaultServer() ?? .default
    }

    public func makeClient() throws -> APIClient {
        let session = try Session(server: try resolvedServer(), store: store, environmentToken: environment["TASKFLOW_TOKEN"])
        return APIClient(session: session, transport: CurlTransport(options: transport), retryPolicy: retryPolicy)
    }
}
