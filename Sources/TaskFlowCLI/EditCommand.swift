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

    @Argument(help: "The task's id: whole, short (as ls shows it) or its start.")
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
            let client = try await global.makeClient()
            guard global.usesLocalCopy else {
                let id = try await TaskIDArguments.resolveOnline([id], client: client)[0]
                let response = try await client.updateTask(id: id, changes, expectedVersion: ifVersion)
                if json { return TerminalOutput.raw(response.body) }
                return global.output.line(
                    "Updated \(TextSanitizer.sanitize(response.value.id)): \(TextSanitizer.sanitize(response.value.title)) (version \(response.value.version))")
            }
            let copy = try await global.localCopy(client)
            let id = try await copy.resolve([id])[0]
            try CommandRunner.failNotFound(try await copy.missing([id], refreshing: false))
            if let ifVersion, let current = try copy.replica.task(id: id), current.version != ifVersion {
                throw CommandFailure(message: "\(TextSanitizer.sanitize(id)): the task is at version \(current.version), not \(ifVersion); nothing was changed")
            }
            try copy.replica.perform([.update(id: id, changes)], label: "edit \(id)")
            try CommandRunner.fail(on: try await copy.deliver(output: global.output))
            guard let task = try copy.replica.task(id: id) else { return }
            if json { return TerminalOutput.raw(try TaskFlowJSON.encode(task)) }
            global.output.line("Updated \(TextSanitizer.sanitize(task.id)): \(TextSanitizer.sanitize(task.title)) (version \(task.version))")
        }
    }
}
