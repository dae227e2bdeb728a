import Hummingbird

extension ServerConfiguration {
    /// `LISTEN=unix:PATH` when given, else HOST and PORT.
    var bindAddress: BindAddress {
        if let unixSocketPath { return .unixDomainSocket(path: unixSocketPath) }
        return .hostname(host, port: port)
    }
}
