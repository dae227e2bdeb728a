import Foundation
import TaskFlowCore

/// Everything that can go wrong talking to a TaskFlow server, as one type so callers can
/// show `message` and pick an exit code from `category`. A struct over a private enum, so
/// new kinds can be added without breaking callers.
public struct ClientError: Error, Sendable, Equatable, CustomStringConvertible, LocalizedError {
    enum Kind: Sendable, Equatable {
        /// The server answered with the contract's error shape.
        case api(status: Int, code: String, message: String, details: [FieldProblem], retryAfter: Int?)
        case connectionRefused(server: String)
        case hostNotFound(host: String)
        case timedOut(server: String)
        case tls(server: String, detail: String)
        case connectionLost(server: String)
        case network(server: String, detail: String)
        case invalidServer(String)
        /// An answer arrived but is not what the contract says (HTML, truncated JSON…).
        case unexpectedResponse(server: String, status: Int, detail: String)
        case notLoggedIn(server: String)
        case sessionEnded(server: String)
        case environmentTokenRejected
        case credentialsFile(String)
        case webSocket(String)
        /// The Socket.IO server refused our token (`44{"message":…}`).
        case liveRejected(String)
    }

    let kind: Kind

    init(_ kind: Kind) { self.kind = kind }

    /// How the CLI groups errors into exit codes.
    public struct Category: Sendable, Hashable, CustomStringConvertible {
        let name: String
        public static let invalidInput = Category(name: "invalid input")
        public static let auth = Category(name: "auth")
        public static let notFound = Category(name: "not found")
        public static let conflict = Category(name: "conflict")
        public static let rateLimited = Category(name: "rate limited")
        public static let network = Category(name: "network")
        public static let server = Category(name: "server")
        public static let local = Category(name: "local")
        public var description: String { name }
    }

    // MARK: reading an error

    /// The API's error code (`validation_failed`, `not_found`…), nil for transport errors.
    public var code: String? {
        if case .api(_, let code, _, _, _) = kind { return code }
        return nil
    }

    /// The HTTP status when the server answered.
    public var status: Int? {
        switch kind {
        case .api(let status, _, _, _, _), .unexpectedResponse(_, let status, _): status
        default: nil
        }
    }

    /// Field problems from a `validation_failed` answer.
    public var details: [FieldProblem] {
        if case .api(_, _, _, let details, _) = kind { return details }
        return []
    }

    /// Seconds the server asked us to wait (429 `Retry-After`).
    public var retryAfter: Int? {
        if case .api(_, _, _, _, let retryAfter) = kind { return retryAfter }
        return nil
    }

    /// True when no usable answer came back from the server.
    public var isTransport: Bool {
        switch kind {
        case .connectionRefused, .hostNotFound, .timedOut, .tls, .connectionLost, .network, .webSocket: true
        default: false
        }
    }

    public var isTokenExpired: Bool { code == "token_expired" }

    /// True when the live channel refused the access token.
    public var isLiveUnauthorized: Bool {
        if case .liveRejected = kind { return true }
        return false
    }

    public var category: Category {
        switch kind {
        case .api(let status, let code, _, _, _):
            switch code {
            case "validation_failed", "bad_request", "payload_too_large", "unsupported_media_type": return .invalidInput
            case "unauthorized", "token_expired", "forbidden": return .auth
            case "not_found": return .notFound
            case "conflict", "precondition_failed": return .conflict
            case "rate_limited": return .rateLimited
            default: return status == 429 ? .rateLimited : .server
            }
        case .connectionRefused, .hostNotFound, .timedOut, .tls, .connectionLost, .network, .webSocket: return .network
        case .liveRejected: return .auth
        case .invalidServer: return .invalidInput
        case .unexpectedResponse: return .server
        case .notLoggedIn, .sessionEnded, .environmentTokenRejected: return .auth
        case .credentialsFile: return .local
        }
    }

    /// One line saying what happened and what to do about it.
    public var message: String {
        switch kind {
        case .api(_, let code, let message, let details, let retryAfter):
            if code == "rate_limited" || retryAfter != nil {
                let wait = retryAfter.map { " Try again in \(Self.duration($0))." } ?? ""
                return "Rate limited by the server: \(message).\(wait)"
            }
            let fields = details.isEmpty || details.count == 1 ? "" : " (" + details.map { "\($0.field) \($0.message)" }.joined(separator: "; ") + ")"
            return message + fields
        case .connectionRefused(let server):
            return "Could not connect to \(server): connection refused. Is the server running? Check --server or TASKFLOW_SERVER."
        case .hostNotFound(let host):
            return "Could not find the host \(host). Check the server address (--server or TASKFLOW_SERVER)."
        case .timedOut(let server):
            return "\(server) did not answer in time. Check your network connection, or try again later."
        case .tls(let server, let detail):
            return "Could not make a secure connection to \(server): \(detail). If it uses a private CA, pass --ca-file."
        case .connectionLost(let server):
            return "The connection to \(server) was closed before the answer was complete. Try again."
        case .network(let server, let detail):
            return "Network error talking to \(server): \(detail)."
        case .invalidServer(let text):
            return "\(text) is not a server address. Use a URL like http://127.0.0.1:5000."
        case .unexpectedResponse(let server, let status, let detail):
            return "\(server) answered HTTP \(status) with something that is not the TaskFlow API (\(detail)). Is this the right server address?"
        case .notLoggedIn(let server):
            return "Not logged in to \(server). Run `taskflow login` (or set TASKFLOW_TOKEN)."
        case .sessionEnded(let server):
            return "Your session on \(server) has ended (logged out elsewhere or expired). Run `taskflow login` again."
        case .environmentTokenRejected:
            return "The token in TASKFLOW_TOKEN has expired or was revoked. Set a fresh one, or unset it and run `taskflow login`."
        case .liveRejected(let reason):
            return "The live-update server refused the session (\(reason)). Run `taskflow login` again."
        case .credentialsFile(let message), .webSocket(let message):
            return message
        }
    }

    public var description: String { message }
    public var errorDescription: String? { message }

    static func duration(_ seconds: Int) -> String {
        if seconds < 60 { return "\(seconds)s" }
        if seconds < 3600 { return "\(seconds / 60)m \(seconds % 60)s" }
        return "\(seconds / 3600)h \(seconds % 3600 / 60)m"
    }
}

extension ClientError {
    /// A local problem with the credentials file; `message` must say how to fix it.
    public static func credentials(_ message: String) -> ClientError { ClientError(.credentialsFile(message)) }

    public static func notLoggedIn(_ server: ServerAddress) -> ClientError { ClientError(.notLoggedIn(server: server.description)) }

    /// Builds the error for an API answer with the contract's error shape.
    static func api(status: Int, body: ErrorBody, retryAfter: Int?) -> ClientError {
        let details = (body.error.details ?? []).map { FieldProblem($0.field, $0.message) }
        return ClientError(.api(status: status, code: body.error.code, message: body.error.message, details: details, retryAfter: retryAfter))
    }
}
