import Foundation

/// The client side of the opening handshake (RFC 6455 §4.1).
struct WebSocketHandshake {
    let key: String
    let request: String

    /// `key` is 16 random bytes in base64; tests pass the RFC's example key.
    init(url: URL, headers: HTTPHeaders, userAgent: String,
         key: String = Data((0..<16).map { _ in UInt8.random(in: 0...255) }).base64EncodedString()) {
        self.key = key
        let defaultPort = url.scheme == "https" ? 443 : 80
        let host = (url.host ?? "") + (url.port.map { $0 == defaultPort ? "" : ":\($0)" } ?? "")
        // URL.path drops a trailing slash, which Socket.IO's `/socket.io/` needs.
        let parts = URLComponents(url: url, resolvingAgainstBaseURL: false)
        var target = parts?.percentEncodedPath ?? "/"
        if target.isEmpty { target = "/" }
        if let query = parts?.percentEncodedQuery { target += "?" + query }
        var lines = [
            "GET \(target) HTTP/1.1", "Host: \(host)", "Upgrade: websocket", "Connection: Upgrade",
            "Sec-WebSocket-Key: \(key)", "Sec-WebSocket-Version: 13", "User-Agent: \(userAgent)",
        ]
        for (name, value) in headers { lines.append("\(name): \(value)") }
        request = lines.joined(separator: "\r\n") + "\r\n\r\n"
    }

    /// The value the server must send back: base64(SHA-1(key + the RFC's GUID)).
    var expectedAccept: String {
        Data(SHA1.hash(Array((key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").utf8))).base64EncodedString()
    }

    /// Checks the server's answer head (up to the blank line); throws with a reason if it
    /// did not switch protocols properly.
    func validate(responseHead: String, server: String) throws {
        let lines = responseHead.components(separatedBy: "\r\n")
        let statusParts = lines.first?.split(separator: " ") ?? []
        guard statusParts.count >= 2, let status = Int(statusParts[1]) else {
            throw ClientError(.webSocket("\(server) did not answer the WebSocket handshake with HTTP."))
        }
        guard status == 101 else {
            throw ClientError(.webSocket("\(server) refused the live connection (HTTP \(status)). Live updates will use polling."))
        }
        var headers = HTTPHeaders()
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers.add(String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
        guard headers["Upgrade"]?.lowercased() == "websocket",
              headers["Connection"]?.lowercased().split(separator: ",").contains(where: { $0.trimmingCharacters(in: .whitespaces) == "upgrade" }) == true
        else { throw ClientError(.webSocket("\(server) answered the WebSocket handshake without upgrading.")) }
        guard headers["Sec-WebSocket-Accept"] == expectedAccept else {
            throw ClientError(.webSocket("\(server) answered the WebSocket handshake with a wrong Sec-WebSocket-Accept."))
        }
    }
}
