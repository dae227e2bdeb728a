import ArgumentParser
import Foundation
import TaskFlowCore

/// The optional fields `add` and `edit` share.
struct TaskFieldOptions: ParsableArguments {
    @Option(name: [.short, .long], help: "Description text.")
    var description: String?

    @Option(name: [.short, .long], help: "low, medium or high.")
    var priority: TaskPriority?

    @Option(help: ArgumentHelp("Due date: \(DueArgument.help).", valueName: "date"))
    var due: String?

    func validate() throws {
        if let description, let problem = Validation.description(description) { throw ValidationError("--description \(problem.message).") }
        if let due, DueArgument.date(due) == nil { throw ValidationError("--due must be \(DueArgument.help).") }
    }

    func apply(to changes: inout TaskChanges) {
        if let description { changes.description = description }
        if let priority { changes.priority = priority }
        if let due, let date = DueArgument.date(due) { changes.dueDate = .set(date) }
    }
}

extension TaskPriority: ExpressibleByArgument {}
extension TaskStatus: ExpressibleByArgument {}
