import ArgumentParser

struct CompletionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
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

    func validate() throws {
        guard CompletionShell(rawValue: shell) != nil else { throw ValidationError("Unknown shell \(shell); use bash, zsh or fish.") }
    }

    func run() throws {
        print(TaskFlowCommand.completionScript(for: CompletionShell(rawValue: shell)!))
    }
}
