import Foundation
import Synchronization
import Testing
@testable import TaskFlowClient
import TaskFlowCore

@Suite("APIClient requests and errors (in memory)")
struct APIClientTests {
    func client(retry: RetryPolicy = .never, sleeps: SleepLog = SleepLog(),
                _ handler: @escaping InMemoryTransport.Handler) throws -> (APIClient, InMemoryTransport) {
        let store = InMemoryCredentialStore()
        try store.save(FakeAPI.credentials(access: "a", refresh: "r"), server: FakeAPI.server)
        let transport = InMemoryTransport(handler)
        let client = APIClient(session: try Session(server: FakeAPI.server, store: store), transport: transport,
                               retryPolicy: retry, sleep: sleeps.sleep)
        return (client, transport)
    }

    @Test("requests carry the token, JSON headers, the query and an Idempotency-Key on create")
    func requestShape() async throws {
        let (client, transport) = try client { request in
            request.method == HTTPRequest.Method.post ? FakeAPI.json(201, FakeAPI.task("n1")) : FakeAPI.json(200, TaskPage(tasks: [], pagination: .init(page: 2, limit: 5, total: 0)))
        }
        _ = try await client.tasks(TaskQuery(page: 2, limit: 5, statuses: [.todo, .inProgress], search: "a+b"))
        _ = try await client.createTask(TaskChanges(title: "x"))
        let list = transport.requests[0]
        #expect(list.headers["Authorization"] == "Bearer a")
        #expect(list.headers["Accept"] == "application/json")
        #expect(list.url.absoluteString == "http://fake.test:5000/api/v1/tasks?page=2&limit=5&status=todo,in-progress&q=a%2Bb")
        let create = transport.requests[1]
        #expect(create.headers["Content-Type"] == "application/json")
        #expect(create.headers["Idempotency-Key"]?.isEmpty == false)
    }

    @Test("opaque ids are escaped in the path")
    func idEscaping() async throws {
        let (client, transport) = try client { _ in FakeAPI.json(200, FakeAPI.task("a/b?c")) }
        _ = try await client.task(id: "a/b?c")
        #expect(transport.requests[0].url.absoluteString == "http://fake.test:5000/api/v1/tasks/a%2Fb%3Fc")
    }

    @Test("the contract's error shape becomes code, message and field details")
    func apiErrors() async throws {
        let (client, _) = try client { _ in
            FakeAPI.json(400, #"{"error":{"code":"validation_failed","message":"title must not be empty","details":[{"field":"title","message":"must not be empty"}]}}"#)
        }
        do {
            _ = try await client.createTask(TaskChanges(title: ""))
            Issue.record("expected an error")
        } catch let error as ClientError {
            #expect(error.code == "validation_failed")
            #expect(error.status == 400)
            #expect(error.details == [FieldProblem("title", "must not be empty")])
            #expect(error.category == .invalidInput)
            #expect(error.message == "title must not be empty")
            #expect(!error.isTransport)
        }
    }

    @Test("HTML or a cut-off body is reported as not being the TaskFlow API")
    func unusableBodies() async throws {
        let (html, _) = try client { _ in HTTPResponse(status: 200, headers: ["Content-Type": "text/html"], body: Data("<html>hi</html>".utf8)) }
        let htmlError = await thrownError { try await html.stats() }.map { "\($0)" } ?? ""
        #expect(htmlError.contains("an HTML page instead of JSON") && htmlError.contains("right server address"))
        let (cut, _) = try client { _ in FakeAPI.json(200, #"{"total": 3, "byStatus": {"#) }
        #expect(await thrownError { try await cut.stats() }.map { "\($0)" }?.contains("incomplete or malformed JSON") == true)
        let (notFound, _) = try client { _ in HTTPResponse(status: 404, headers: ["Content-Type": "text/html"], body: Data("<h1>404</h1>".utf8)) }
        let notFoundError = await thrownError { try await notFound.stats() } as? ClientError
        #expect(notFoundError?.status == 404 && notFoundError?.message.contains("HTML") == true)
    }

    @Test("a 429 is waited out when allowed, reported with the wait otherwise; rate-limit headers are kept")
    func rateLimits() async throws {
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
        #expect(sleeps.durations.withLock { $0 } == [.seconds(7)])
        #expect(patient.rateLimit?.remaining == 99)
        #expect(patient.rateLimit?.windowSeconds == 900)

        calls.withLock { $0 = 0 }
        let (hasty, _) = try client(retry: .never, limited)
        do {
            _ = try await hasty.stats()
            Issue.record("expected 429")
        } catch let error as ClientError {
            #expect(error.category == .rateLimited)
            #expect(error.retryAfter == 7)
            #expect(error.message.contains("Try again in 7s"))
        }
        #expect(hasty.rateLimit?.remaining == 0)
    }

    @Test("a POST without an Idempotency-Key is never retried after a 429")
    func postsWithoutKeyAreNotRetried() async throws {
        let calls = Mutex(0)
        let (client, _) = try client(retry: .waitUpTo(seconds: 60)) { _ in
            calls.withLock { $0 += 1 }
            return FakeAPI.error(429, "rate_limited", "too many login attempts", headers: ["Retry-After": "1"])
        }
        await #expect(throws: ClientError.self) { try await client.login(email: "a@b.co", password: "password1") }
        #expect(calls.withLock { $0 } == 1)
    }

    @Test("logout forgets the local session and revokes the refresh token")
    func logout() async throws {
        let (client, transport) = try client { _ in HTTPResponse(status: 204) }
        try await client.logout()
        #expect(await !client.session.isSignedIn)
        let body = try TaskFlowJSON.decode(RefreshRequest.self, from: transport.requests[0].body ?? Data())
        #expect(body.refreshToken == "r")
        #expect((await thrownError { try await client.me() } as? ClientError)?.category == .auth)
    }
}
