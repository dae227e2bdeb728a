import Foundation
import XCTest
import TaskFlowClient
import TaskFlowCore
import TaskFlowTestSupport

/// Every endpoint through the typed API, against the real server binary.
final class ServerAPITests: XCTestCase {
    /// register, me, create, get, list with filters, conditional GET, update, stats, delete, logout.
    func testEveryEndpoint() async throws {
        let server = try await ServerProcess.start()
        defer { server.stop() }
        let (client, email, home) = try await RealServer.newUser(server, name: "Zoë 山田")
        defer { home.remove() }

        let me = try await client.me().value
        XCTAssertEqual(me.email, email)
        XCTAssertEqual(me.name, "Zoë 山田")
        XCTAssertNotNil(client.rateLimit?.limit)

        let tomorrow = DateWords.parseDue("tomorrow", now: Date())!
        let milk = try await client.createTask(TaskChanges(title: "Buy milk", priority: .high, dueDate: .set(tomorrow))).value
        let report = try await client.createTask(TaskChanges(title: "Write report", description: "quarterly numbers")).value
        let old = try await client.createTask(TaskChanges(title: "Renew passport", dueDate: .set(DueDate.parse("2020-01-01")!))).value
        XCTAssertEqual(milk.priority, .high)
        XCTAssertEqual(milk.version, 1)
        XCTAssertEqual(milk.dueDate, tomorrow)
        let fetched = try await client.task(id: report.id).value
        XCTAssertEqual(fetched, report)

        let all = try await client.tasks().value
        XCTAssertEqual(all.pagination.total, 3)
        XCTAssertEqual(all.tasks.map(\.id), [old.id, report.id, milk.id])
        let high = try await client.tasks(TaskQuery(priorities: [.high])).value
        XCTAssertEqual(high.tasks.map(\.id), [milk.id])
        let searched = try await client.tasks(TaskQuery(search: "quarter")).value
        XCTAssertEqual(searched.tasks.map(\.id), [report.id])
        let overdue = try await client.tasks(TaskQuery(overdue: true)).value
        XCTAssertEqual(overdue.tasks.map(\.id), [old.id])
        let byTitle = try await client.tasks(TaskQuery(sort: TaskSort(.title, descending: false))).value
        XCTAssertEqual(byTitle.tasks.map(\.title), ["Buy milk", "Renew passport", "Write report"])
        let secondPage = try await client.tasks(TaskQuery(page: 2, limit: 2)).value
        XCTAssertEqual(secondPage.tasks.count, 1)
        XCTAssertEqual(secondPage.pagination.pages, 2)
        let walked = try await client.allTasks(TaskQuery(limit: 1))
        XCTAssertEqual(walked.count, 3)

        let listed = try await client.tasks(TaskQuery())
        XCTAssertNotNil(listed.etag)
        let unchanged = try await client.tasks(TaskQuery(), ifNoneMatch: listed.etag)
        XCTAssertNil(unchanged)

        let started = try await client.updateTask(id: milk.id, TaskChanges(status: .inProgress, dueDate: .clear), expectedVersion: 1).value
        XCTAssertEqual(started.status, .inProgress)
        XCTAssertNil(started.dueDate)
        XCTAssertEqual(started.version, 2)
        let changed = try await client.tasks(TaskQuery(), ifNoneMatch: listed.etag)
        XCTAssertNotNil(changed)
        let stale = await thrownError { try await client.updateTask(id: milk.id, TaskChanges(title: "x"), expectedVersion: 1) } as? ClientError
        XCTAssertEqual(stale?.code, "precondition_failed")
        XCTAssertEqual(stale?.category, .conflict)
        let finished = try await client.updateTask(id: milk.id, TaskChanges(status: .done)).value
        XCTAssertNotNil(finished.completedAt)

        let stats = try await client.stats().value
        XCTAssertEqual(stats.total, 3)
        XCTAssertEqual(stats.byStatus.done, 1)
        XCTAssertEqual(stats.overdue, 1)
        XCTAssertEqual(stats.completedPerDay.count, 14)

        try await client.deleteTask(id: report.id)
        let gone = await thrownError { try await client.task(id: report.id) } as? ClientError
        XCTAssertEqual(gone?.code, "not_found")
        XCTAssertEqual(gone?.category, .notFound)

        try await client.logout()
        let loggedOut = await thrownError { try await client.me() } as? ClientError
        XCTAssertEqual(loggedOut?.category, .auth)
    }

    func testServerValidationErrorsComeBackWithFieldDetails() async throws {
        let server = try await ServerProcess.start()
        defer { server.stop() }
        let (client, _, home) = try await RealServer.newUser(server)
        defer { home.remove() }
        let error = await thrownError { try await client.createTask(TaskChanges(title: "   ")) } as? ClientError
        XCTAssertEqual(error?.code, "validation_failed")
        XCTAssertEqual(error?.details.map(\.field), ["title"])
        XCTAssertEqual(error?.category, .invalidInput)
    }

    /// A wrong password and a taken email are reported as the server words them.
    func testWrongPasswordAndTakenEmailAreReportedAsTheServerWordsThem() async throws {
        let server = try await ServerProcess.start()
        defer { server.stop() }
        let (_, email, home) = try await RealServer.newUser(server)
        defer { home.remove() }
        let other = try RealServer.client(server, home: home)
        let wrong = await thrownError { try await other.login(email: email, password: "not the password") } as? ClientError
        XCTAssertEqual(wrong?.code, "unauthorized")
        XCTAssertEqual(wrong?.category, .auth)
        let taken = await thrownError { try await other.register(name: "Again", email: email, password: RealServer.password) } as? ClientError
        XCTAssertEqual(taken?.code, "conflict")
        let login = try await other.login(email: email.uppercased(), password: RealServer.password).value
        XCTAssertEqual(login.user.email, email)
    }
}
