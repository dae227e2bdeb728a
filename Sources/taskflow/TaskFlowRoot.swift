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
}
