import Foundation

/// A TaskFlow server's base address, normalised so one server has one spelling
/// (`http://127.0.0.1:5000`): scheme and host lower-cased, no trailing slash. A server on a
/// Unix socket is `unix:/path/to/server.sock`; its requests go to `http://localhost/…`
/// through that socket.
public struct ServerAddress: Sendable, Hashable, CustomStringConvertible {
    public static let `default` = ServerAddress(validated: URL(string: "http://127.0.0.1:5000")!)

    public let url: URL
    /// The socket to connect through instead of the URL's host and port.
    public let unixSocketPath: String?

    private init(validated url: URL, unixSocketPath: String? = nil) {
        self.url = url
        self.unixSocketPath = unixSocketPath
    }

    /// Accepts `http://host:port`, `https://host`, a bare `host:port` (taken as http), or
    /// `unix:/absolute/path`.
    public init(_ text: String) throws {
        if text.hasPrefix("unix:") {
            let path = String(text.dropFirst("unix:".count))
            guard path.hasPrefix("/") else { throw ClientError(.invalidServer(text)) }
            self.init(validated: URL(string: "http://localhost")!, unixSocketPath: path)
            return
        }
        var trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if !trimmed.contains("://") { trimmed = "http://" + trimmed }
        while trimmed.hasSuffix("/") { trimmed.removeLast() }
        guard var parts = URLComponents(string: trimmed),
              let scheme = parts.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let host = parts.host, !host.isEmpty, parts.query == nil, parts.fragment == nil
        else { throw ClientError(.invalidServer(text)) }
        parts.scheme = scheme
        parts.host = host.lowercased()
        guard let url = parts.url else { throw ClientError(.invalidServer(text)) }
        self.init(validated: url)
    }

    public var description: String { unixSocketPath.map { "unix:" + $0 } ?? url.absoluteString }

    /// `{server}/api/v1{path}` with the given query.
    func apiURL(_ path: String, query: [URLQueryItem] = []) -> URL {
        url(path: "/api/v1" + path, query: query)
    }

    func url(path: String, query: [URLQueryItem] = []) -> URL {
        var parts = URLComponents(url: url, resolvingAgainstBaseURL: false)!
        parts.percentEncodedPath = parts.percentEncodedPath + path
        if !query.isEmpty {
            parts.queryItems = query
            // URLComponents leaves `+` alone, which servers read as a space.
            parts.percentEncodedQuery = parts.percentEncodedQuery?.replacingOccurrences(of: "+", with: "%2B")
        }
        return parts.url!
    }

    static func origin(of url: URL) -> String {
        var parts = URLComponents()
        parts.scheme = url.scheme
        parts.host = url.host
        parts.port = url.port
        return parts.string ?? url.absoluteString
    }
}
