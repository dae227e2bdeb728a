import ArgumentParser
import TerminalUI
import Foundation
import TaskFlowClient
import TaskFlowCore
import TaskFlowSync

/// The CLI's side of the local copy (DESIGN.md): every write goes to the journal first and
/// is then sent; a server that cannot be reached leaves it pending, sent by the next
/// `taskflow` (CLI or TUI) that can.
struct LocalCopy {
    let replica: Replica
    let engine: SyncEngine

    static func open(client: APIClient, environment: [String: String]) async throws -> LocalCopy {
        let userID: String
        if let user = await client.session.user { userID = user.id } else { userID = try await client.me().value.id }
        let path = ReplicaLocation.path(server: client.server, userID: userID, environment: environment)
        let replica = try Replica(path: path, userID: userID)
        return LocalCopy(replica: replica, engine: SyncEngine(replica: replica, api: client))
    }

    /// Takes in what changed on the server since the copy was last synced, so a change is
    /// based on the task as it is now rather than as this copy last saw it. Unreachable:
    /// the copy as it is (the change then waits in the journal).
    func refresh() async throws {
        do {
            _ = try await engine.pull()
        } catch let error as ClientError where error.category == .network {
            return
        }
    }

    /// Brought up to date for a read: what is pending is sent and what is new taken in (a
    /// free 304 when nothing changed). Unreachable: the copy as last synced, said on stderr,
    /// so `ls` works offline; a copy never filled has nothing to show and that is the error.
    /// What the server refused of the pending changes is said on stderr too.
    func readable() async throws -> LocalCopy {
        do {
            try await engine.sync()
        } catch let error as ClientError where error.category == .network {
            guard try replica.cursor != nil else { throw error }
            TerminalOutput.error("taskflow: \(error.message) — showing the local copy as last synced")
        }
        CommandRunner.say(await engine.takeNotices())
        return self
    }

    /// Every task the query matches, in its order (`ls --all`).
    func allTasks(_ query: TaskQuery) throws -> [TaskItem] {
        var query = query
        query.page = 1
        query.limit = Int.max / 2
        return try replica.page(query).tasks
    }

    /// The ids of `ids` that name no task of this user (after `refresh`, unless `resolve`
    /// has just done it).
    func missing(_ ids: [String], refreshing: Bool = true) async throws -> [String] {
        if refreshing { try await refresh() }
        return try ids.filter { try replica.task(id: $0) == nil }
    }

    /// Sends what is pending and takes in what is new. Unreachable: the changes stay in
    /// the journal and the user is told, which is no failure of the command.
    func deliver(output: TerminalOutput) async throws -> [SyncNotice] {
        do {
            try await engine.sync()
        } catch let error as ClientError where error.category == .network {
            let pending = (try? replica.pendingCount) ?? 0
            TerminalOutput.error("taskflow: saved here; \(error.message) — \(pending) change(s) will be sent by the next taskflow that reaches it")
            return []
        }
        return await engine.takeNotices()
    }
}

extension GlobalOptions {
    /// The signed-in client's local copy.
    func localCopy(_ client: APIClient) async throws -> LocalCopy {
        try await LocalCopy.open(client: client, environment: settings().environment)
    }

    /// Whether writes go through the local copy: not with `--no-cache` or
    /// `TASKFLOW_NO_CACHE=1` (shared machines: nothing kept on disk).
    var usesLocalCopy: Bool { !noCache && settings().environment["TASKFLOW_NO_CACHE"] != "1" }
}

extension CommandRunner {
    /// What the server refused of the changes just sent: one line each, then exit 1.
    static func fail(on notices: [SyncNotice]) throws {
        guard !notices.isEmpty else { return }
        say(notices)
        throw ExitCode(ExitCodes.failure)
    }

    /// One stderr line per change the server refused.
    static func say(_ notices: [SyncNotice]) {
        for notice in notices { TerminalOutput.error("taskflow: \(TextSanitizer.sanitize(notice.taskID)): \(notice.description)") }
    }

    /// Ids the user named that the copy does not hold: "not found", exit 4.
    static func failNotFound(_ ids: [String]) throws {
        guard !ids.isEmpty else { return }
        for id in ids { TerminalOutput.error("taskflow: \(TextSanitizer.sanitize(id)): task not found") }
        throw ExitCode(ExitCodes.notFound)
    }
}
