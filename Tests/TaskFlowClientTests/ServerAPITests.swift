import Foundation
import Testing
import TaskFlowClient
import TaskFlowCore
import TaskFlowTestSupport

extension RealProcessTests {
    /// Every endpoint through the typed API, against the real server binary.
    @Suite("Typed API against taskflow-server")
    struct ServerAPITests {
        @Test("register, me, create, get, list with filters, conditional GET, update, stats, delete, logout")
        func everyEndpoint() async throws {
            let server = try await ServerProcess.start()
            defer { server.stop() }
            let (client, email, home) = try await RealServer.newUser(server, name: "Zoë 山田")
            defer { home.remove() }

            let me = try await client.me().value
            #expect(me.email == email && me.name == "Zoë 山田")
            #expect(client.rateLimit?.limit != nil)

            let tomorrow = DateWords.parseDue("tomorrow", now: Date())!
            let milk = try await client.createTask(TaskChanges(title: "Buy milk", priority: .high, dueDate: .set(tomorrow))).value
            let report = try await client.createTask(TaskChanges(title: "Write report", description: "quarterly numbers")).value
            let old = try await client.createTask(TaskChanges(title: "Renew passport", dueDate: .set(DueDate.parse("2020-01-01")!))).value
            #expect(milk.priority == .high && milk.version == 1 && milk.dueDate == tomorrow)
            #expect(try await client.task(id: report.id).value == report)

            let all = try await client.tasks().value
            #expect(all.pagination.total == 3 && all.tasks.map(\.id) == [old.id, report.id, milk.id])
            #expect(try await client.tasks(TaskQuery(priorities: [.high])).value.tasks.map(\.id) == [milk.id])
            #expect(try await client.tasks(TaskQuery(search: "quarter")).value.tasks.map(\.id) == [report.id])
            #expect(try await client.tasks(TaskQuery(overdue: true)).value.tasks.map(\.id) == [old.id])
            #expect(try await client.tasks(TaskQuery(sort: TaskSort(.title, descending: false))).value.tasks.map(\.title)
                    == ["Buy milk", "Renew passport", "Write report"])
            let secondPage = try await client.tasks(TaskQuery(page: 2, limit: 2)).value
            #expect(secondPage.tasks.count == 1 && secondPage.pagination.pages == 2)
            #expect(try await client.allTasks(TaskQuery(limit: 1)).count == 3)

            let listed = try await client.tasks(TaskQuery())
            #expect(listed.etag != nil)
            #expect(try await client.tasks(TaskQuery(), ifNoneMatch: listed.etag) == nil)

            let started = try await client.updateTask(id: milk.id, TaskChanges(status: .inProgress, dueDate: .clear), expectedVersion: 1).value
            #expect(started.status == .inProgress && started.dueDate == nil && started.version == 2)
            #expect(try await client.tasks(TaskQuery(), ifNoneMatch: listed.etag) != nil)
            let stale = await thrownError { try await client.updateTask(id: milk.id, TaskChanges(title: "x"), expectedVersion: 1) } as? ClientError
            #expect(stale?.code == "precondition_failed" && stale?.category == .conflict)
            let finished = try await client.updateTask(id: milk.id, TaskChanges(status: .done)).value
            #expect(finished.completedAt != nil)

            let stats = try await client.stats().value
            #expect(stats.total == 3 && stats.byStatus.done == 1 && stats.overdue == 1 && stats.completedPerDay.count == 14)

            try await client.deleteTask(id: report.id)
            let gone = await thrownError { try await client.task(id: report.id) } as? ClientError
            #expect(gone?.code == "not_found" && gone?.category == .notFound)

            try await client.logout()
            #expect((await thrownError { try await client.me() } as? ClientError)?.category == .auth)
        }

        @Test("the server's validation errors come back with field details")
        func validation() async throws {
            let server = try await ServerProcess.start()
            defer { server.stop() }
            let (client, _, home) = try await RealServer.newUser(server)
            defer { home.remove() }
            let error = await thrownError { try await client.createTask(TaskChanges(title: "   ")) } as? ClientError
            #expect(error?.code == "validation_failed")
            #expect(error?.details.map(\.field) == ["title"])
            #expect(error?.category == .invalidInput)
        }

        @Test("a wrong password and a taken email are reported as the server words them")
        func authFailures() async throws {
            let server = try await ServerProcess.start()
            defer { server.stop() }
            let (_, email, home) = try await RealServer.newUser(server)
            defer { home.remove() }
            let other = try RealServer.client(server, home: home)
            let wrong = await thrownError { try await other.login(email: email, password: "not the password") } as? ClientError
            #expect(wrong?.code == "unauthorized" && wrong?.category == .auth)
            let taken = await thrownError { try await other.register(name: "Again", email: email, password: RealServer.password) } as? ClientError
            #expect(taken?.code == "conflict")
            #expect(try await other.login(email: email.uppercased(), password: RealServer.password).value.user.email == email)
        }
    }
}
