import ArgumentParser
import TaskFlowClient

struct RemoveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rm", abstract: "Delete tasks.", aliases: ["delete"])

    @OptionGroup var global: GlobalOptions

    @Argument(help: "Ids of the tasks.")
    var ids: [String]

    func run() async throws {
        try await CommandRunner.run {
            let client = try await global.makeClient()
            var failure: ExitCode?
            for id in ids {
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
