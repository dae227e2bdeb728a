import Foundation

/// One HTTP request as the transport sends it.
public struct HTTPRequest: Sendable, Equatable {
    public struct Method: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }

        public static let get = Method(rawValue: "GET")
        public static let post = Method(rawValue: "POST")
        public static let put = Method(rawValue: "PUT")
        public static let patch = Method(rawValue: "PATCH")
        public static let delete = Method(rawValue: "DELETE")

        /// Methods whose repetition has the effect of one (RFC 9110 §9.2.2). PATCH is
        /// included because this API's PATCH sets fields to given values, as PUT does.
        public var isIdempotent: Bool { self != .post }
        public var description: String { rawValue }
    }

    public var method: Method
    public var url: URL
    public var headers: HTTPHeaders
    public var body: Data?
    /// Connect through this Unix socket instead of the URL's host (`ServerAddress`'s `unix:`).
    public var unixSocketPath: String?

    public init(method: Method, url: URL, headers: HTTPHeaders = HTTPHeaders(), body: Data? = nil, unixSocketPath: String? = nil) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.unixSocketPath = unixSocketPath
    }
}
