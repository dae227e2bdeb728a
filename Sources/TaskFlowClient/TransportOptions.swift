import Foundation
import TaskFlowCore

/// How the libcurl transport connects. Defaults suit an interactive client.
public struct TransportOptions: Sendable, Equatable {
    /// Time allowed to open the connection (TCP and TLS).
    public var connectTimeout: Duration = .seconds(5)
    /// Time allowed for a whole request, answer included.
    public var requestTimeout: Duration = .seconds(30)
    /// A PEM file of extra trusted certificate authorities, for servers with a private CA.
    public var caFile: String?
    public var userAgent: String = "taskflow/\(TaskFlowVersion.current)"
    /// Answers larger than this are refused rather than held in memory.
    public var maxResponseBytes: Int = 64 << 20
    /// Connect through this Unix socket (a `unix:` server) instead of the URL's host.
    public var unixSocketPath: String?

    public init() {}
}

extension Duration {
    var milliseconds: Int {
        let (seconds, attoseconds) = components
        return Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000)
    }
}
