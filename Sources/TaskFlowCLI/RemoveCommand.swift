import ArgumentParser
import TaskFlowClient
import TaskFlowCore

struct RemoveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rm", abstract: "Delete tasks.", aliases: ["delete"])

    @OptionGroup var global: GlobalOptions

    @Argument(help: "Ids of the tasks: whole, short (as ls shows them) or their start.")
    var ids: [String]

    func run() async throws {
        try await CommandRunner.run {
            let client = try await global.makeClient()
            if global.usesLocalCopy {
                let copy = try await global.localCopy(client)
                let ids = try await copy.resolve(ids)
                let missing = try await copy.missing(ids, refreshing: false)
                let present = ids.filter { !missing.contains($0) }
                try copy.replica.perform(present.map { .delete(id: $0) }, label: ids.count == 1 ? "delete \(ids[0])" : "delete \(ids.count) tasks")
                let notices = try await copy.deliver(output: global.output)
                for id in present where !notices.contains(where: { $0.taskID == id }) { global.output.line("Deleted \(id)") }
                try CommandRunner.failNotFound(missing)
                return try CommandRunner.fail(on: notices)
            }
            var failure: ExitCode?
            for id in try await TaskIDArguments.resolveOnline(ids, client: client) {
                do {
                    try await client.deleteTask(id: id)
                    global.output.line("Deleted \(id)")
                } catch let error as ClientError {
                    if error.category == .network || error.category == .auth { throw error }
                    failure = CommandRunner.report(error, prefix: "\(id): ")
                }
            }
            if let failure { throw failure }
        }
    }
}
