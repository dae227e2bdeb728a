import Foundation
import Synchronization
import XCTest
@testable import TaskFlowClient
import TaskFlowCore

/// APIClient requests and errors, in memory.
final class APIClientTests: XCTestCase {
    func client(retry: RetryPolicy = .never, sleeps: SleepLog = SleepLog(),
                _ handler: @escaping InMemoryTransport.Handler) throws -> (APIClient, InMemoryTransport) {
        let store = InMemoryCredentialStore()
        try store.save(FakeAPI.credentials(access: "a", refresh: "r"), server: FakeAPI.server)
        let transport = InMemoryTransport(handler)
        let client = APIClient(session: try Session(server: FakeAPI.server, store: store), transport: transport,
                               retryPolicy: retry, sleep: sleeps.sleep)
        return (client, transport)
    }

    /// Requests carry the token, JSON headers, the query and an Idempotency-Key on create.
    func testRequestsCarryTokenHeadersQueryAndIdempotencyKey() async throws {
        let (client, transport) = try client { request in
            request.method == HTTPRequest.Method.post ? FakeAPI.json(201, FakeAPI.task("n1")) : FakeAPI.json(200, TaskPage(tasks: [], pagination: .init(page: 2, limit: 5, total: 0)))
        }
        _ = try await client.tasks(TaskQuery(page: 2, limit: 5, statuses: [.todo, .inProgress], search: "a+b"))
        _ = try await client.createTask(TaskChanges(title: "x"))
        let list = transport.requests[0]
        XCTAssertEqual(list.headers["Authorization"], "Bearer a")
        XCTAssertEqual(list.headers["Accept"], "application/json")
        XCTAssertEqual(list.url.absoluteString, "http://fake.test:5000/api/v1/tasks?page=2&limit=5&status=todo,in-progress&q=a%2Bb")
        let create = transport.requests[1]
        XCTAssertEqual(create.headers["Content-Type"], "application/json")
        XCTAssertEqual(create.headers["Idempotency-Key"]?.isEmpty, false)
    }

    func testOpaqueIDsAreEscapedInThePath() async throws {
        let (client, transport) = try client { _ in FakeAPI.json(200, FakeAPI.task("a/b?c")) }
        _ = try await client.task(id: "a/b?c")
        XCTAssertEqual(transport.requests[0].url.absoluteString, "http://fake.test:5000/api/v1/tasks/a%2Fb%3Fc")
    }

    func testContractErrorShapeBecomesCodeMessageAndFieldDetails() async throws {
        let (client, _) = try client { _ in
            FakeAPI.json(400, #"{"error":{"code":"validation_failed","message":"title must not be empty","details":[{"field":"title","message":"must not be empty"}]}}"#)
        }
        do {
            _ = try await client.createTask(TaskChanges(title: ""))
            XCTFail("expected an error")
        } catch let error as ClientError {
            XCTAssertEqual(error.code, "validation_failed")
            XCTAssertEqual(error.status, 400)
            XCTAssertEqual(error.details, [FieldProblem("title", "must not be empty")])
            XCTAssertEqual(error.category, .invalidInput)
            XCTAssertEqual(error.message, "title must not be empty")
            XCTAssertFalse(error.isTransport)
        }
    }

    func testHTMLOrCutOffBodyIsReportedAsNotTheTaskFlowAPI() async throws {
        let (html, _) = try client { _ in HTTPResponse(status: 200, headers: ["Content-Type": "text/html"], body: Data("<html>hi</html>".utf8)) }
        let htmlError = await thrownError { try await html.stats() }.map { "\($0)" } ?? ""
        XCTAssertTrue(htmlError.contains("an HTML page instead of JSON") && htmlError.contains("right server address"), htmlError)
        let (cut, _) = try client { _ in FakeAPI.json(200, #"{"total": 3, "byStatus": {"#) }
        let cutError = await thrownError { try await cut.stats() }.map { "\($0)" }
        XCTAssertEqual(cutError?.contains("incomplete or malformed JSON"), true, cutError ?? "no error")
        let (notFound, _) = try client { _ in HTTPResponse(status: 404, headers: ["Content-Type": "text/html"], body: Data("<h1>404</h1>".utf8)) }
        let notFoundError = await thrownError { try await notFound.stats() } as? ClientError
        XCTAssertEqual(notFoundError?.status, 404)
        XCTAssertEqual(notFoundError?.message.contains("HTML"), true)
    }

    /// A 429 is waited out when allowed, reported with the wait otherwise; rate-limit headers are kept.
    func testRateLimitIsWaitedOutWhenAllowedAndReportedOtherwise() async throws {
        let calls = Mutex(0)
        let limited: InMemoryTransport.Handler = { _ in
            let n = calls.withLock { $0 += 1; return $0 }
            let headers: HTTPHeaders = ["RateLimit-Limit": "100", "RateLimit-Remaining": n == 1 ? "0" : "99", "RateLimit-Reset": "7",
                                        "RateLimit-Policy": "100;w=900", "Retry-After": "7"]
            return n == 1 ? FakeAPI.error(429, "rate_limited", "too many requests", headers: headers)
                : FakeAPI.json(200, TaskStats(), headers: headers)
        }
        let sleeps = SleepLog()
        let (patient, _) = try client(retry: .waitUpTo(seconds: 10), sleeps: sleeps, limited)
        _ = try await patient.stats()
        XCTAssertEqual(sleeps.durations.withLock { $0 }, [.seconds(7)])
        XCTAssertEqual(patient.rateLimit?.remaining, 99)
        XCTAssertEqual(patient.rateLimit?.windowSeconds, 900)

        calls.withLock { $0 = 0 }
        let (hasty, _) = try client(retry: .never, limited)
        do {
            _ = try await hasty.stats()
            XCTFail("expected 429")
        } catch let error as ClientError {
            XCTAssertEqual(error.category, .rateLimited)
            XCTAssertEqual(error.retryAfter, 7)
            XCTAssertTrue(error.message.contains("Try again in 7s"), error.message)
        }
        XCTAssertEqual(hasty.rateLimit?.remaining, 0)
    }

    func testPostWithoutIdempotencyKeyIsNeverRetriedAfter429() async throws {
        let calls = Mutex(0)
        let (client, _) = try client(retry: .waitUpTo(seconds: 60)) { _ in
            calls.withLock { $0 += 1 }
            return FakeAPI.error(429, "rate_limited", "too many login attempts", headers: ["Retry-After": "1"])
        }
        let error = await thrownError { try await client.login(email: "a@b.co", password: "password1") }
        XCTAssertTrue(error is ClientError, "\(String(describing: error))")
        XCTAssertEqual(calls.withLock { $0 }, 1)
    }

    func testLogoutForgetsTheLocalSessionAndRevokesTheRefreshToken() async throws {
        let (client, transport) = try client { _ in HTTPResponse(status: 204) }
        try await client.logout()
        let signedIn = await client.session.isSignedIn
        XCTAssertFalse(signedIn)
        let body = try TaskFlowJSON.decode(RefreshRequest.self, from: transport.requests[0].body ?? Data())
        XCTAssertEqual(body.refreshToken, "r")
        let error = await thrownError { try await client.me() } as? ClientError
        XCTAssertEqual(error?.category, .auth)
    }
}
