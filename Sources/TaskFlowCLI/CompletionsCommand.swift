import ArgumentParser
import Synchronization

public struct CompletionsCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "completions",
        abstract: "Print a shell completion script.",
        discussion: """
            bash: taskflow completions bash > ~/.local/share/bash-completion/completions/taskflow
            zsh:  taskflow completions zsh > "${fpath[1]}/_taskflow"
            fish: taskflow completions fish > ~/.config/fish/completions/taskflow.fish
            """
    )

    @Argument(help: "bash, zsh or fish.")
    var shell: String

    public init() {}

    public func validate() throws {
        guard CompletionShell(rawValue: shell) != nil else { throw ValidationError("Unknown shell \(shell); use bash, zsh or fish.") }
    }

    public func run() throws {
        print(Self.root.withLock { $0 }.completionScript(for: CompletionShell(rawValue: shell)!))
    }

    /// The command tree the script describes. The `taskflow` executable has a larger root
    /// than `TaskFlowCommand` (the `ui` and `themes` commands), and sets it at start.
    private static let root = Mutex<any ParsableCommand.Type>(TaskFlowCommand.self)

    public static func describe(_ command: any ParsableCommand.Type) { root.withLock { $0 = command } }
}
