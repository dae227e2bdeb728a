import ArgumentParser
import TaskFlowClient
import TaskFlowCore
import TerminalUI

/// `done` and `start`: set one status on several tasks, carrying on past failures.
enum StatusChange {
    static func run(_ ids: [String], to status: TaskStatus, verb: String, global: GlobalOptions) async throws {
        try await CommandRunner.run {
            let client = try await global.makeClient()
            var failure: ExitCode?
            for id in ids {
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

    @Argument(help: "Ids of the tasks.")
    var ids: [String]

    func run() async throws { try await StatusChange.run(ids, to: .done, verb: "Done", global: global) }
}

struct StartCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "start", abstract: "Mark tasks in progress.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "Ids of the tasks.")
    var ids: [String]

    func run() async throws { try await StatusChange.run(ids, to: .inProgress, verb: "Started", global: global) }
}
