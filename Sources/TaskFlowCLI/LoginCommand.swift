import ArgumentParser
import TaskFlowClient

struct LoginCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "login",
        abstract: "Log in and save the session for this server.",
        discussion: "Without --password-stdin the password is asked on the terminal with echo off."
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("Server URL; same as --server.", valueName: "server"))
    var serverArgument: String?

    @Option(help: "Account email (asked when missing).")
    var email: String?

    @Flag(help: "Read the password from the first line of stdin.")
    var passwordStdin = false

    func validate() throws {
        if let serverArgument, (try? ServerAddress(serverArgument)) == nil {
            throw ValidationError("\(serverArgument) is not a server address. Use a URL like http://127.0.0.1:5000.")
        }
    }

    func run() async throws {
        try await CommandRunner.run {
            let client = try global.settings(server: serverArgument).makeClient()
            let email = try email ?? PasswordPrompt.ask("Email: ", secret: false)
            let password = try passwordStdin ? PasswordPrompt.readStdinLine() : PasswordPrompt.ask("Password: ", secret: true)
            let auth = try await client.login(email: email, password: password).value
            global.output.line("Logged in to \(client.server) as \(auth.user.name) <\(auth.user.email)>.")
        }
    }
}
