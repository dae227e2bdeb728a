import Foundation
import HTTPTypes
import HummingbirdTesting
import TaskFlowCore
import XCTest
@testable import TaskFlowServer
import TaskFlowTestSupport

/// What a user of the API checks on an error: status, the contract's shape, the code, a
/// message worth reading (no SQL, no stack trace), and which fields were at fault.
@discardableResult
func assertAPIError(
    _ response: TestResponse, _ status: HTTPResponse.Status, _ code: String, fields: [String]? = nil,
    messageContains: String? = nil, file: StaticString = #filePath, line: UInt = #line
) -> ErrorBody.Payload? {
    XCTAssertEqual(response.status, status, "body: \(response.text)", file: file, line: line)
    XCTAssertTrue(
        response.headers[.contentType]?.hasPrefix("application/json") ?? false,
        "error content type: \(response.headers[.contentType] ?? "none")", file: file, line: line)
    guard let payload = response.error else {
        XCTFail("not the contract's error shape: \(response.text)", file: file, line: line)
        return nil
    }
    XCTAssertEqual(payload.code, code, "message: \(payload.message)", file: file, line: line)
    XCTAssertGreaterThan(payload.message.count, 8, "message too short to help: \(payload.message)", file: file, line: line)
    for leak in ["SQLITE", "sqlite", "SELECT ", "GRDB", "Swift.", "DecodingError", "Error Domain", "0x"] {
        XCTAssertFalse(payload.message.contains(leak), "message leaks internals: \(payload.message)", file: file, line: line)
    }
    if let messageContains {
        XCTAssertTrue(
            payload.message.localizedCaseInsensitiveContains(messageContains),
            "message \"\(payload.message)\" does not mention \(messageContains)", file: file, line: line)
    }
    if let fields {
        XCTAssertEqual(Set(payload.details?.map(\.field) ?? []), Set(fields), "details: \(payload.details ?? [])", file: file, line: line)
        for detail in payload.details ?? [] {
            XCTAssertFalse(detail.message.isEmpty, "detail for \(detail.field) has no message", file: file, line: line)
        }
    }
    return payload
}

/// Requests the contract's tests make often.
extension TestClientProtocol {
    func get(_ uri: String, token: String? = nil, headers: HTTPFields = [:]) async throws -> TestResponse {
        try await json(.get, uri, token: token, headers: headers)
    }

    /// A page of `GET /tasks` with the query given, failing the test on anything but 200.
    func page(_ query: String = "", token: String, file: StaticString = #filePath, line: UInt = #line) async throws -> TaskPage {
        let response = try await json(.get, "/api/v1/tasks" + (query.isEmpty ? "" : "?" + query), token: token)
        guard response.status == .ok else {
            throw SupportError("GET /tasks?\(query) answered \(response.status): \(response.text)")
        }
        return try response.decode(TaskPage.self)
    }

    /// Titles of one page, in order.
    func titles(_ query: String, token: String) async throws -> [String] {
        try await page(query, token: token).tasks.map(\.title)
    }

    func login(email: String = "ann@example.com", password: String = "correct horse") async throws -> TestResponse {
        try await json(.post, "/api/v1/auth/login", body: #"{"email":"\#(email)","password":"\#(password)"}"#)
    }

    func refresh(_ token: String) async throws -> TestResponse {
        try await json(.post, "/api/v1/auth/refresh", body: #"{"refreshToken":"\#(token)"}"#)
    }

    func logout(_ token: String) async throws -> TestResponse {
        try await json(.post, "/api/v1/auth/logout", body: #"{"refreshToken":"\#(token)"}"#)
    }

    func task(_ id: String, token: String) async throws -> TestResponse {
        try await json(.get, "/api/v1/tasks/\(id)", token: token)
    }
}

extension ServerServices {
    /// The auth service the router uses, for cases that need a chosen `now`.
    var auth: AuthService<AnyTaskFlowStore> {
        AuthService(store: store, tokens: tokens, hasher: hasher, limiter: rateLimits, configuration: configuration, clock: clock)
    }

    /// A user made straight in the store with an access token, costing no requests
    /// (for rate-limit tests).
    func directUser(email: String) async throws -> (user: User, token: String) {
        let user = try await store.createUser(name: "Direct", email: email, passwordHash: "$2b$04$notarealhash", now: Date())
        return (user, try await tokens.issue(userID: user.id))
    }

    /// Every task of a user, as the store holds them (oldest first).
    func storedTasks(of userID: String) async throws -> [TaskItem] {
        try await store.listTasks(userID: userID, query: TaskQuery(limit: 100, sort: TaskSort(.createdAt, descending: false)), now: Date()).tasks
    }
}

/// The user id inside an access token (its `sub` claim), read as a client would not.
func subject(of token: String) -> String? {
    jwtPart(token, 1)?["sub"] as? String
}

func jwtPart(_ token: String, _ index: Int) -> [String: Any]? {
    let parts = token.split(separator: ".", omittingEmptySubsequences: false)
    guard parts.count == 3, let data = Base64URL.decode(String(parts[index])) else { return nil }
    return try? JSONSerialization.jsonObject(with: data) as? [String: Any]
}

/// RFC 3339 UTC with milliseconds, exactly as the contract spells times.
let contractTimestamp = try! NSRegularExpression(pattern: #"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$"#)

func isContractTimestamp(_ text: String) -> Bool {
    contractTimestamp.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
}

/// The raw JSON object of a response.
func jsonObject(_ response: TestResponse) -> [String: Any]? {
    try? JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
}

/// `XCTAssertEqual` without autoclosures, so `try await` can go straight in.
func check<T: Equatable>(_ actual: T, _ expected: T, _ message: String = "", file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertEqual(actual, expected, message, file: file, line: line)
}

func checkNil<T>(_ value: T?, _ message: String = "", file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertNil(value, message, file: file, line: line)
}

/// `XCTUnwrap` without autoclosures.
func unwrap<T>(_ value: T?, _ message: String = "", file: StaticString = #filePath, line: UInt = #line) throws -> T {
    try XCTUnwrap(value, message, file: file, line: line)
}
