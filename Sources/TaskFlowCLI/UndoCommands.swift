import ArgumentParser
import TaskFlowClient
import TaskFlowSync
import TerminalUI

/// `undo` and `redo`: one user action at a time, through the local copy.
enum HistoryTravel {
    static func run(undo: Bool, global: GlobalOptions) async throws {
        try await CommandRunner.run {
            guard global.usesLocalCopy else {
                throw CommandFailure(message: "undo needs the local copy; it is off (--no-cache or TASKFLOW_NO_CACHE=1)")
            }
            let copy = try await global.localCopy(try await global.makeClient())
            // Take in what changed elsewhere first, so undo can see it and leave it alone.
            _ = try? await copy.engine.sync()
            let outcome = undo ? try copy.replica.undo() : try copy.replica.redo()
            guard let label = outcome.label else {
                return global.output.line(undo ? "Nothing to undo." : "Nothing to redo.")
            }
            let notices = try await copy.deliver(output: global.output)
            let verb = undo ? "Undid" : "Redid"
            global.output.line("\(verb): \(TextSanitizer.sanitize(label)) (\(outcome.restored.count) task\(outcome.restored.count == 1 ? "" : "s"))")
            for id in outcome.skipped {
                TerminalOutput.error("taskflow: \(TextSanitizer.sanitize(id)): changed since; left as it is")
            }
            try CommandRunner.fail(on: notices)
            if !outcome.skipped.isEmpty { throw ExitCode(ExitCodes.failure) }
        }
    }
}

struct UndoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "undo", abstract: "Undo your last change (a task that changed elsewhere since is left alone).")

    @OptionGroup var global: GlobalOptions

    func run() async throws { try await HistoryTravel.run(undo: true, global: global) }
}

struct RedoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "redo", abstract: "Redo the change you last undid.")

    @OptionGroup var global: GlobalOptions

    func run() async throws { try await HistoryTravel.run(undo: false, global: global) }
}
