import Foundation
import Synchronization
import TaskFlowClient
import TaskFlowCore

/// Helpers for in-memory transports: answers shaped as the contract says.
enum FakeAPI {
    static let user = User(id: "u1", name: "Ann", email: "ann@example.com", createdAt: Date(millis: 1_700_000_000_000))

    static func json(_ status: Int, _ text: String, headers: HTTPHeaders = HTTPHeaders()) -> HTTPResponse {
        var headers = headers
        headers["Content-Type"] = "application/json"
        return HTTPResponse(status: status, headers: headers, body: Data(text.utf8))
    }

    static func json<T: Encodable>(_ status: Int, _ value: T, headers: HTTPHeaders = HTTPHeaders()) -> HTTPResponse {
        json(status, String(decoding: try! TaskFlowJSON.encode(value), as: UTF8.self), headers: headers)
    }

    static func error(_ status: Int, _ code: String, _ message: String, headers: HTTPHeaders = HTTPHeaders()) -> HTTPResponse {
        json(status, ErrorBody(code: code, message: message), headers: headers)
    }

    static func credentials(access: String, refresh: String) -> Credentials {
        Credentials(user: user, accessToken: access, refreshToken: refresh, accessExpiresAt: Date().addingTimeInterval(60))
    }

    static func task(_ id: String, version: Int = 1, created: Int = 1_700_000_000_000, updated: Int? = nil) -> TaskItem {
        TaskItem(id: id, title: "Task \(id)", createdAt: Date(millis: created), updatedAt: Date(millis: updated ?? created), version: version)
    }

    static let server = try! ServerAddress("http://fake.test:5000")
}

/// The error `body` throws, or nil when it succeeds.
func thrownError<T>(_ body: () async throws -> T) async -> (any Error)? {
    do {
        _ = try await body()
        return nil
    } catch {
        return error
    }
}

/// Records requested sleeps instead of sleeping.
final class SleepLog: Sendable {
    let durations = Mutex<[Duration]>([])
    func sleep(_ duration: Duration) async throws { durations.withLock { $0.append(duration) } }
}
