import ArgumentParser
import Foundation
import TaskFlowClient
import TaskFlowCore
import TaskFlowSync
import TerminalUI

/// `sync`: send what is pending and take in what is new; `sync status` says where the
/// local copy stands without changing anything.
struct SyncCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync", abstract: "Send pending changes and fetch new ones; 'sync status' shows where the local copy stands.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("status: only show the state of the local copy.", valueName: "status"))
    var mode: Mode?

    @Flag(help: "Print the status as JSON.")
    var json = false

    enum Mode: String, ExpressibleByArgument { case status }

    func run() async throws {
        try await CommandRunner.run {
            guard global.usesLocalCopy else { throw CommandFailure(message: "the local copy is off (--no-cache or TASKFLOW_NO_CACHE=1)") }
            let copy = try await global.localCopy(try await global.makeClient())
            var offline: String?
            var notices: [SyncNotice] = []
            if mode == nil {
                do {
                    try await copy.engine.sync()
                    notices = await copy.engine.takeNotices()
                } catch let error as ClientError where error.category == .network {
                    offline = error.message
                }
            }
            let pending = try copy.replica.pendingCount
            let conflicts = try copy.replica.conflicts
            let tasks = try copy.replica.page(.init(limit: 1)).pagination.total
            if json {
                let object: [String: Any] = [
                    "pending": pending, "conflicts": conflicts.map(\.id), "tasks": tasks, "synced": (try copy.replica.cursor) != nil,
                    "offline": offline != nil, "path": copy.replica.path,
                ]
                return TerminalOutput.raw(try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]))
            }
            if let offline { TerminalOutput.error("taskflow: \(offline)") }
            global.output.line("\(tasks) task\(tasks == 1 ? "" : "s") here, \(pending) change\(pending == 1 ? "" : "s") pending, \(conflicts.count) conflict\(conflicts.count == 1 ? "" : "s")")
            let shortIDs = try copy.replica.shortIDs()
            for conflict in conflicts {
                global.output.line("  conflict \(TextSanitizer.sanitize(shortIDs.short(conflict.id))): yours \(TextSanitizer.sanitize(conflict.mine?.title ?? "(deleted)")), theirs \(TextSanitizer.sanitize(conflict.theirs?.title ?? "(deleted)"))")
            }
            try CommandRunner.fail(on: notices)
            if offline != nil { throw ExitCode(ExitCodes.network) }
        }
    }
}
