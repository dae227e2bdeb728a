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
            let response = try await global.makeClient().createTask(changes)
            if json { return TerminalOutput.raw(response.body) }
            global.output.line("Created \(TextSanitizer.sanitize(response.value.id)): \(TextSanitizer.sanitize(response.value.title))")
        }
    }
}
