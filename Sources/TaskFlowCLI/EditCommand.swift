import ArgumentParser
import TaskFlowClient
import TaskFlowCore
import TerminalUI

struct EditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit",
        abstract: "Change fields of a task; fields not given stay as they are."
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The task's id.")
    var id: String

    @Option(name: [.short, .long], help: "New title.")
    var title: String?

    @Option(name: [.short, .long], help: "todo, in-progress or done.")
    var status: TaskStatus?

    @OptionGroup var fields: TaskFieldOptions

    @Flag(help: "Remove the due date.")
    var noDue = false

    @Option(help: ArgumentHelp("Only change the task if it is still at this version (else exit 1).", valueName: "n"))
    var ifVersion: Int?

    @Flag(help: "Print the API's JSON for the changed task.")
    var json = false

    func validate() throws {
        if let title, case .failure(let problem) = Validation.title(title) { throw ValidationError("--title \(problem.message).") }
        if noDue && fields.due != nil { throw ValidationError("Give --due or --no-due, not both.") }
        if changes.isEmpty { throw ValidationError("Nothing to change: give --title, --description, --status, --priority, --due or --no-due.") }
    }

    var changes: TaskChanges {
        var changes = TaskChanges(title: title, status: status)
        fields.apply(to: &changes)
        if noDue { changes.dueDate = .clear }
        return changes
    }

    func run() async throws {
        try await CommandRunner.run(about: id) {
            let response = try await global.makeClient().updateTask(id: id, changes, expectedVersion: ifVersion)
            if json { return TerminalOutput.raw(response.body) }
            global.output.line("Updated \(TextSanitizer.sanitize(response.value.id)): \(TextSanitizer.sanitize(response.value.title)) (version \(response.value.version))")
        }
    }
}
