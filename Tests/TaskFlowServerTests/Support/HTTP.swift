import Foundation
import TaskFlowClient

/// One plain HTTP request to a server running as a child process. A connection that fails
/// is status 0, as `curl -w '%{http_code}'` reports it, so "not up yet" is a value.
enum HTTP {
    static func request(
        _ method: String, _ url: String, headers: [String: String] = [:], body: String? = nil, unixSocket: String? = nil
    ) async throws -> (String, Int) {
        var options = TransportOptions()
        options.requestTimeout = .seconds(10)
        options.unixSocketPath = unixSocket
        var request = HTTPRequest(method: .init(rawValue: method), url: URL(string: url)!, body: body.map { Data($0.utf8) })
        for (name, value) in headers { request.headers.add(name, value) }
        if body != nil { request.headers.add("Content-Type", "application/json") }
        guard let response = try? await CurlTransport(options: options).send(request) else { return ("", 0) }
        return (String(decoding: response.body, as: UTF8.self), response.status)
    }
}
