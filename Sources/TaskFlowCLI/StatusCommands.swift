import ArgumentParser
import TaskFlowClient
import TaskFlowCore
import TerminalUI

/// `done` and `start`: set one status on several tasks, carrying on past failures.
enum StatusChange {
    static func run(_ inputs: [String], to status: TaskStatus, verb: String, global: GlobalOptions) async throws {
        try await CommandRunner.run {
            let client = try await global.makeClient()
            if global.usesLocalCopy {
                let copy = try await global.localCopy(client)
                let ids = try await copy.resolve(inputs)
                let missing = try await copy.missing(ids, refreshing: false)
                let present = ids.filter { !missing.contains($0) }
                let label = ids.count == 1 ? "\(verb.lowercased()) \(ids[0])" : "\(verb.lowercased()) \(ids.count) tasks"
                try copy.replica.perform(present.map { .update(id: $0, TaskChanges(status: status)) }, label: label)
                let notices = try await copy.deliver(output: global.output)
                for id in present where !notices.contains(where: { $0.taskID == id }) {
                    let title = try copy.replica.task(id: id)?.title ?? ""
                    global.output.line("\(verb) \(TextSanitizer.sanitize(id)): \(TextSanitizer.sanitize(title))")
                }
                try CommandRunner.failNotFound(missing)
                return try CommandRunner.fail(on: notices)
            }
            var failure: ExitCode?
            for id in try await TaskIDArguments.resolveOnline(inputs, client: client) {
                do {
                    let task = try await client.updateTask(id: id, TaskChanges(status: status)).value
                    global.output.line("\(verb) \(TextSanitizer.sanitize(task.id)): \(TextSanitizer.sanitize(task.title))")
                } catch let error as ClientError {
                    // A dead server or an ended session fails the rest too: stop here.
                    if error.category == .network || error.category == .auth { throw error }
                    failure = CommandRunner.report(error, prefix: "\(id): ")
                }
            }
            if let failure { throw failure }
        }
    }
}

struct DoneCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "done", abstract: "Mark tasks done.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "Ids of the tasks: whole, short (as ls shows them) or their start.")
    var ids: [String]

    func run() async throws { try await StatusChange.run(ids, to: .done, verb: "Done", global: global) }
}

struct StartCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "start", abstract: "Mark tasks in progress.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "Ids of the tasks: whole, short (as ls shows them) or their start.")
    var ids: [String]

    func run() async throws { try await StatusChange.run(ids, to: .inProgress, verb: "Started", global: global) }
}
