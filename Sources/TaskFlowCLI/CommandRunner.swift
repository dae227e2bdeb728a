import ArgumentParser
import Foundation
import TaskFlowClient

/// Runs a command body and turns failures into one line on stderr and a documented exit code.
enum CommandRunner {
    /// `subject` names what the command was about (a task id) in a "not found" message.
    static func run(about subject: String? = nil, _ body: () async throws -> Void) async throws {
        do {
            try await body()
        } catch let error as ClientError {
            let prefix = error.category == .notFound ? subject.map { "\($0): " } : nil
            throw report(error, prefix: prefix ?? "")
        } catch let error as LocalServerError {
            TerminalOutput.error("taskflow: \(error)")
            throw ExitCode(ExitCodes.failure)
        } catch let error as CommandFailure {
            TerminalOutput.error("taskflow: \(error.message)")
            throw ExitCode(error.code)
        }
    }

    /// Prints the error (with field details) and returns the exit code to throw.
    @discardableResult
    static func report(_ error: ClientError, prefix: String = "") -> ExitCode {
        TerminalOutput.error("taskflow: \(prefix)\(error.message)")
        if error.details.count > 1 {
            for problem in error.details { TerminalOutput.error("  \(problem.field): \(problem.message)") }
        }
        return ExitCode(ExitCodes.code(for: error))
    }
}

/// A failure the CLI itself detects after parsing (no terminal for a prompt, …).
struct CommandFailure: Error {
    var message: String
    var code: Int32 = ExitCodes.failure
}
