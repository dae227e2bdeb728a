import ArgumentParser
import TaskFlowClient
import TaskFlowCore

struct RegisterCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "register",
        abstract: "Create an account, then stay logged in to it."
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("Server URL; same as --server.", valueName: "server"))
    var serverArgument: String?

    @Option(help: "Your name (asked when missing).")
    var name: String?

    @Option(help: "Account email (asked when missing).")
    var email: String?

    @Flag(help: "Read the password from the first line of stdin.")
    var passwordStdin = false

    func validate() throws {
        if let serverArgument, (try? ServerAddress(serverArgument)) == nil {
            throw ValidationError("\(serverArgument) is not a server address. Use a URL like http://127.0.0.1:5000.")
        }
        if let name, case .failure(let problem) = Validation.name(name) { throw ValidationError("--name \(problem.message).") }
        if let email, case .failure(let problem) = Validation.email(email) { throw ValidationError("--email \(problem.message).") }
    }

    func run() async throws {
        try await CommandRunner.run {
            let client = try global.settings(server: serverArgument).makeClient()
            let name = try name ?? PasswordPrompt.ask("Name: ", secret: false)
            let email = try email ?? PasswordPrompt.ask("Email: ", secret: false)
            let password = try passwordStdin ? PasswordPrompt.readStdinLine() : PasswordPrompt.ask("Password: ", secret: true)
            if let problem = Validation.password(password) {
                throw CommandFailure(message: "The password \(problem.message).", code: ExitCodes.usage)
            }
            let auth = try await client.register(name: name, email: email, password: password).value
            global.output.line("Registered and logged in to \(client.server) as \(auth.user.name) <\(auth.user.email)>.")
        }
    }
}
