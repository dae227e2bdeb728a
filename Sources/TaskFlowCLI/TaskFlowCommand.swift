import ArgumentParser
import TaskFlowClient
import TaskFlowCore

/// The `taskflow` root command.
///
/// `scriptCommands` is public so the executable can later declare a root of its own with
/// the full-screen UI as `defaultSubcommand` (and `--demo`) in front of these.
public struct TaskFlowCommand: AsyncParsableCommand {
    public static let scriptCommands: [any ParsableCommand.Type] = [
        LoginCommand.self, RegisterCommand.self, LogoutCommand.self, WhoamiCommand.self,
        ListCommand.self, ShowCommand.self, AddCommand.self, EditCommand.self, DoneCommand.self,
        StartCommand.self, RemoveCommand.self, UndoCommand.self, RedoCommand.self, SyncCommand.self, ResolveCommand.self, StatsCommand.self, WatchCommand.self, ViewsCommand.self, LocalCommand.self, CompletionsCommand.self,
    ]

    public static let configuration = CommandConfiguration(
        commandName: "taskflow",
        abstract: "Manage your TaskFlow tasks from the terminal.",
        // Lines stay under 72 columns: ArgumentParser wraps longer ones back to column 0.
        discussion: """
            ENVIRONMENT
              TASKFLOW_SERVER    server URL when --server is not given
                                 (none: your private local server)
              TASKFLOW_TOKEN     access token to use instead of the stored login
              TASKFLOW_CA_FILE   CA file when --ca-file is not given
              NO_COLOR           disables colour
              XDG_CONFIG_HOME    credentials live in
                                 $XDG_CONFIG_HOME/taskflow/credentials.json

            \(ExitCodes.summary)
            """,
        version: TaskFlowVersion.line(for: "taskflow"),
        subcommands: scriptCommands
    )

    public init() {}
}
