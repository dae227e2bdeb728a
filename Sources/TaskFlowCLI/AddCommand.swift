import ArgumentParser
import TaskFlowClient
import TaskFlowCore
import TerminalUI

struct AddCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Create a task.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The title; several words are joined with spaces.")
    var title: [String]

    @OptionGroup var fields: TaskFieldOptions

    @Flag(help: "Print the API's JSON for the new task.")
    var json = false

    var joinedTitle: String { title.joined(separator: " ") }

    func validate() throws {
        if case .failure(let problem) = Validation.title(joinedTitle) { throw ValidationError("The title \(problem.message).") }
    }

    func run() async throws {
        try await CommandRunner.run {
            var changes = TaskChanges(title: joinedTitle)
            fields.apply(to: &changes)
            let client = try await global.makeClient()
            guard global.usesLocalCopy else {
                let response = try await client.createTask(changes)
                if json { return TerminalOutput.raw(response.body) }
                return global.output.line("Created \(TextSanitizer.sanitize(response.value.id)): \(TextSanitizer.sanitize(response.value.title))")
            }
            let copy = try await global.localCopy(client)
            guard let made = try copy.replica.perform([.create(changes)], label: "add \(joinedTitle)").first ?? nil else { return }
            try CommandRunner.fail(on: try await copy.deliver(output: global.output))
            let task = try copy.replica.task(id: made.id) ?? made
            if json { return TerminalOutput.raw(try TaskFlowJSON.encode(task)) }
            global.output.line("Created \(TextSanitizer.sanitize(task.id)): \(TextSanitizer.sanitize(task.title))")
        }
    }
}
