import ArgumentParser
import Foundation

/// How `taskflow` ends on an error from parsing or a command. A usage error is one
/// `taskflow:` line on stderr and exit 64, as the man page says, rather than
/// ArgumentParser's "Error:" followed by the whole usage; a command name that is not
/// one gets the nearest real one suggested.
public enum UsageFailure {
    public static func exit(_ root: any ParsableCommand.Type, error: Error, arguments: [String]) -> Never {
        // ExitCode: the command has already said what went wrong. Help and --version too.
        guard !(error is ExitCode), root.exitCode(for: error) == .validationFailure else { root.exit(withError: error) }
        TerminalOutput.error("taskflow: " + message(root, error: error, arguments: arguments))
        Foundation.exit(ExitCode.validationFailure.rawValue)
    }

    static func message(_ root: any ParsableCommand.Type, error: Error, arguments: [String]) -> String {
        let names = root.configuration.subcommands.flatMap { [$0.configuration.commandName ?? ""] + $0.configuration.aliases }
        let command = arguments.first { !$0.hasPrefix("-") }
        if let word = arguments.first, !word.hasPrefix("-"), !names.contains(word) {
            let suggestion = CommandSuggestion.nearest(to: word, in: names).map { "; did you mean '\($0)'?" } ?? ""
            return "unknown command '\(word)'\(suggestion) (taskflow --help lists them)"
        }
        let text = root.message(for: error).trimmingCharacters(in: .whitespacesAndNewlines)
        let what = text.split(separator: "\n").first.map(String.init) ?? text
        let help = command.map { "taskflow \($0) --help" } ?? "taskflow --help"
        return "\(what) (\(help))"
    }
}
