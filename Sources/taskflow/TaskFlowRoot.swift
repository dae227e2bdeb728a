import ArgumentParser
import TaskFlowCLI

/// The `taskflow` executable's root: the full-screen client when no subcommand is given
/// (`taskflow`, `taskflow --demo`), and every scriptable command of `TaskFlowCommand`.
struct TaskFlowRoot: AsyncParsableCommand {
    static let configuration: CommandConfiguration = {
        var configuration = TaskFlowCommand.configuration
        configuration.subcommands = [ScreenCommand.self] + TaskFlowCommand.scriptCommands + [ThemesCommand.self]
        configuration.defaultSubcommand = ScreenCommand.self
        return configuration
    }()

    /// As `TaskFlowCommand.runAsMain`: `main.swift` cannot use `@main`.
    static func runAsMain() async -> Never {
        CompletionsCommand.describe(TaskFlowRoot.self)
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
            exit()
        } catch {
            UsageFailure.exit(self, error: error, arguments: Array(CommandLine.arguments.dropFirst()))
        }
    }
}
