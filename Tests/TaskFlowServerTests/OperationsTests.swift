import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import TaskFlowCore
import XCTest
@testable import TaskFlowServer

/// `/metrics`, the OpenAPI document (and that it lists every route the router serves),
/// and the plain-HTTP face of `/socket.io/`.
final class OperationsTests: XCTestCase {
    func testMetricsCountRequestsByRouteAndStatus() async throws {
        try await TestServer.withRouter { client, _ in
            let token = try await client.register().accessToken
            let task = try await client.createTask(#"{"title":"x"}"#, token: token)
            _ = try await client.get("/api/v1/tasks", token: token)
            _ = try await client.get("/api/v1/tasks", token: token)
            _ = try await client.task(task.id, token: token)
            _ = try await client.task("NOPE", token: token)
            let response = try await client.get("/metrics")
            XCTAssertEqual(response.status, .ok)
            XCTAssertTrue(response.headers[.contentType]?.hasPrefix("text/plain") ?? false)
            let lines = response.text.split(separator: "\n").map(String.init)
            func sample(_ name: String, _ labels: [String]) -> Double? {
                lines.first { line in line.hasPrefix(name + "{") && labels.allSatisfy { line.contains($0) } }
                    .flatMap { $0.split(separator: " ").last }.flatMap { Double($0) }
            }
            XCTAssertTrue(lines.contains { $0.hasPrefix("# TYPE taskflow_http_requests_total counter") }, response.text)
            XCTAssertEqual(sample("taskflow_http_requests_total", [#"route="/api/v1/tasks""#, #"method="GET""#, #"status="200""#]), 2)
            XCTAssertEqual(sample("taskflow_http_requests_total", [#"route="/api/v1/tasks""#, #"method="POST""#, #"status="201""#]), 1)
            XCTAssertEqual(sample("taskflow_http_requests_total", [#"route="/api/v1/tasks/{id}""#, #"status="200""#]), 1)
            XCTAssertEqual(sample("taskflow_http_requests_total", [#"route="/api/v1/tasks/{id}""#, #"status="404""#]), 1,
                           "ids are not labels: one series per route")
            XCTAssertFalse(response.text.contains(task.id), "no unbounded label values")
            XCTAssertTrue(lines.contains { $0.hasPrefix("taskflow_http_request_duration_seconds_bucket{") }, "latency histogram")
            XCTAssertTrue(lines.contains { $0.hasPrefix("# TYPE taskflow_open_sockets gauge") }, response.text)
            let sockets = lines.first { $0.hasPrefix("taskflow_open_sockets ") }?.split(separator: " ").last.flatMap { Double($0) }
            XCTAssertEqual(sockets, 0, "the gauge, with no sockets open")
        }
    }

    func testOpenAPIDocumentIsServed() async throws {
        try await TestServer.withRouter { client, _ in
            let response = try await client.get("/api/v1/openapi.yaml")
            XCTAssertEqual(response.status, .ok)
            XCTAssertTrue(response.headers[.contentType]?.contains("yaml") ?? false)
            XCTAssertTrue(response.text.hasPrefix("openapi: 3."))
            let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../docs/openapi.yaml")
            XCTAssertEqual(response.text, try String(contentsOf: file, encoding: .utf8), "the served document is docs/openapi.yaml")
        }
    }

    /// Every route the router serves is in the document's `paths` with its method, and
    /// every operation the document lists is served.
    func testEveryRouteIsInTheOpenAPIDocument() async throws {
        let services = try await TestServer.services()
        let router = buildRouter(services: services)
        let served = Set(router.routes.map { route in
            Operation(method: route.method.rawValue.lowercased(), path: Self.normalise(route.path.description))
        })
        XCTAssertGreaterThanOrEqual(served.count, 15, "the router's routes were read: \(served)")
        let spec = try await TestServer.app(services).test(.router) { client in try await client.get("/api/v1/openapi.yaml").text }
        let documented = Self.operations(inOpenAPI: spec)
        XCTAssertGreaterThanOrEqual(documented.count, 15, "the document was parsed")
        for route in served.sorted() {
            XCTAssertTrue(documented.contains(route), "\(route.method.uppercased()) \(route.path) is served but not in docs/openapi.yaml")
        }
        for operation in documented.sorted() {
            XCTAssertTrue(served.contains(operation), "\(operation.method.uppercased()) \(operation.path) is documented but not served")
        }
    }

    func testTheRouteReaderNoticesAMissingRoute() {
        let spec = """
            openapi: 3.1.0
            paths:
              /api/v1/tasks:
                get:
                  summary: x
                post:
                  summary: y
              /api/v1/tasks/{id}:
                parameters:
                  - name: id
                delete:
                  summary: z
            components:
              schemas:
                get:
                  type: object
            """
        XCTAssertEqual(
            Self.operations(inOpenAPI: spec),
            [Operation(method: "get", path: "/api/v1/tasks"), Operation(method: "post", path: "/api/v1/tasks"),
             Operation(method: "delete", path: "/api/v1/tasks/{id}")])
        XCTAssertEqual(Self.normalise("/api/v1/tasks/:id"), "/api/v1/tasks/{id}")
        XCTAssertEqual(Self.normalise("/socket.io/"), "/socket.io")
    }

    func testSocketIOLongPollingIs400() async throws {
        try await TestServer.withRouter { client, _ in
            for path in ["/socket.io/?EIO=4&transport=polling", "/socket.io/?EIO=4&transport=websocket", "/socket.io?EIO=4&transport=polling"] {
                let response = try await client.get(path)
                assertAPIError(response, .badRequest, "bad_request", messageContains: "websocket")
            }
        }
    }

    func testUnknownPathIsNotFoundInTheErrorShape() async throws {
        try await TestServer.withRouter { client, _ in
            assertAPIError(try await client.get("/api/v1/nothing-here"), .notFound, "not_found")
            assertAPIError(try await client.get("/nothing-here"), .notFound, "not_found")
        }
    }

    // MARK: reading the document

    struct Operation: Hashable, Comparable, CustomStringConvertible {
        var method: String
        var path: String
        static func < (a: Self, b: Self) -> Bool { (a.path, a.method) < (b.path, b.method) }
        var description: String { "\(method.uppercased()) \(path)" }
    }

    /// `:id` → `{id}`, no trailing slash.
    static func normalise(_ path: String) -> String {
        var parts = path.split(separator: "/").map { $0.hasPrefix(":") ? "{\($0.dropFirst())}" : String($0) }
        parts.removeAll { $0.isEmpty }
        return "/" + parts.joined(separator: "/")
    }

    /// The operations under `paths:`, read line by line: a path is a two-space-indented
    /// key starting with `/`, an operation a four-space-indented HTTP method key under it.
    static func operations(inOpenAPI text: String) -> Set<Operation> {
        let methods: Set<String> = ["get", "put", "post", "delete", "options", "head", "patch", "trace"]
        var result: Set<Operation> = []
        var inPaths = false
        var currentPath: String?
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = String(raw)
            if line.trimmingCharacters(in: .whitespaces).isEmpty || line.trimmingCharacters(in: .whitespaces).hasPrefix("#") { continue }
            let indent = line.prefix { $0 == " " }.count
            let content = line.trimmingCharacters(in: .whitespaces)
            if indent == 0 {
                inPaths = content == "paths:"
                currentPath = nil
                continue
            }
            guard inPaths else { continue }
            if indent == 2, content.hasPrefix("/"), content.hasSuffix(":") {
                var key = String(content.dropLast())
                if key.hasPrefix("'") || key.hasPrefix("\"") { key = String(key.dropFirst().dropLast()) }
                currentPath = normalise(key)
            } else if indent == 4, let path = currentPath, content.hasSuffix(":"), methods.contains(String(content.dropLast())) {
                result.insert(Operation(method: String(content.dropLast()), path: path))
            }
        }
        return result
    }
}
