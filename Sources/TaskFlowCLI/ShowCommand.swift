import ArgumentParser
import Foundation
import TaskFlowClient
import TaskFlowCore
import TerminalUI

struct ShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show every field of one task.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The task's id: whole, short (as ls shows it) or its start.")
    var id: String

    @Flag(help: "Print the API's JSON.")
    var json = false

    func run() async throws {
        try await CommandRunner.run(about: id) {
            let client = try await global.makeClient()
            // A short id is read against the local copy (kept current first), else the server's list.
            var id = id
            if let whole = TaskIDArguments.wholeIDs([id]) {
                id = whole[0]
            } else {
                id = try await global.usesLocalCopy
                    ? global.localCopy(client).resolve([id])[0] : TaskIDArguments.resolveOnline([id], client: client)[0]
            }
            let response = try await client.task(id: id)
            if json { return TerminalOutput.raw(response.body) }
            TaskDetail(output: global.output, now: Date()).render(response.value).forEach(global.output.line)
        }
    }
}

/// One task as labelled lines, description last and kept as written.
struct TaskDetail {
    let output: TerminalOutput
    let now: Date

    func render(_ task: TaskItem) -> [String] {
        func stamp(_ date: Date?) -> String { date.map(Timestamp.format) ?? "-" }
        var due = "-"
        if let dueDate = task.dueDate, let words = task.dueWords(now: now) { due = "\(Timestamp.format(dueDate)) (\(words))" }
        var lines = [
            output.paint(TextSanitizer.sanitize(task.title), .bold),
            "id:        \(TextSanitizer.sanitize(task.id))",
            "status:    \(task.status.rawValue)",
            "priority:  \(task.priority.rawValue)",
            "due:       \(task.isOverdue(now: now) ? output.paint(due, .red) : due)",
            "completed: \(stamp(task.completedAt))",
            "created:   \(stamp(task.createdAt))",
            "updated:   \(stamp(task.updatedAt))",
            "version:   \(task.version)",
        ]
        if !task.description.isEmpty {
            lines.append("")
            lines += task.description.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map { TextSanitizer.sanitize(String($0)) }
        }
        return lines
    }
}
