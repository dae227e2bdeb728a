import ArgumentParser
import TaskFlowClient
import TaskFlowSync
import TerminalUI

/// `resolve`: shows a conflict field by field, and settles it keeping the server's version
/// except the fields named with `--mine`.
struct ResolveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resolve",
        abstract: "Show a conflict field by field, or settle it: --mine FIELDS keeps yours for those, --theirs keeps the server's."
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The id (or short id) of the task in conflict (see taskflow sync status).")
    var id: String

    @Option(help: ArgumentHelp("Fields to keep as you had them: title, description, status, priority, due (comma-separated).", valueName: "fields"))
    var mine: String?

    @Flag(help: "Keep the server's version of every field.")
    var theirs = false

    func validate() throws {
        if mine != nil && theirs { throw ValidationError("Give --mine or --theirs, not both.") }
        if let mine, let bad = mine.split(separator: ",").first(where: { TaskField(rawValue: String($0)) == nil }) {
            throw ValidationError("\(bad) is not a field: title, description, status, priority, due.")
        }
    }

    func run() async throws {
        try await CommandRunner.run(about: id) {
            guard global.usesLocalCopy else { throw CommandFailure(message: "conflicts live in the local copy; it is off (--no-cache)") }
            let copy = try await global.localCopy(try await global.makeClient())
            let id = try await copy.resolve([id])[0]
            guard let conflict = try copy.replica.conflicts.first(where: { $0.id == id }) else {
                throw CommandFailure(message: "\(TextSanitizer.sanitize(id)): no conflict (taskflow sync status lists them)", code: ExitCodes.notFound)
            }
            guard mine != nil || theirs else { return show(conflict) }
            let fields = Set((mine ?? "").split(separator: ",").compactMap { TaskField(rawValue: String($0)) })
            try copy.replica.resolve(id, keepingMine: fields)
            try CommandRunner.fail(on: try await copy.deliver(output: global.output))
            global.output.line("Resolved \(TextSanitizer.sanitize(id))" + (fields.isEmpty ? ": kept the server's version" : ": kept yours for \(fields.map(\.rawValue).sorted().joined(separator: ", "))"))
        }
    }

    private func show(_ conflict: Conflict) {
        let width = TaskField.allCases.map(\.rawValue.count).max() ?? 0
        global.output.line("\(TextSanitizer.sanitize(conflict.id)): yours / the server's")
        if conflict.mine == nil { global.output.line("  yours: deleted") }
        if conflict.theirs == nil { global.output.line("  the server's: deleted") }
        guard let yours = conflict.mine, let server = conflict.theirs else { return }
        for field in TaskField.allCases {
            let a = TextSanitizer.sanitize(yours.value(of: field)), b = TextSanitizer.sanitize(server.value(of: field))
            let name = field.rawValue.padding(toLength: width, withPad: " ", startingAt: 0)
            global.output.line(a == b ? "  \(name)  \(a)" : "* \(name)  \(a)  |  \(b)")
        }
    }
}
