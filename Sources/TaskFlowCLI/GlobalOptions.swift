import ArgumentParser
import Foundation
import TaskFlowClient

/// Options every command takes.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("TaskFlow server URL (default: $TASKFLOW_SERVER, else the last server logged in to, else your private local server).", valueName: "url"))
    var server: String?

    @Option(name: .long, help: ArgumentHelp("PEM file of certificate authorities to trust, for a server with a private CA.", valueName: "file"),
            completion: .file())
    var caFile: String?

    @Flag(name: .long, help: "Wait out rate limits (up to 5 minutes) instead of failing at once.")
    var wait = false

    @Flag(name: .long, help: "Never use colour (also: the NO_COLOR environment variable).")
    var noColor = false

    @Flag(name: .long, help: "Keep no local copy: every command asks the server (also: TASKFLOW_NO_CACHE=1).")
    var noCache = false

    func validate() throws {
        if let server, (try? ServerAddress(server)) == nil {
            throw ValidationError("\(server) is not a server address. Use a URL like http://127.0.0.1:5000.")
        }
        if let caFile, !FileManager.default.isReadableFile(atPath: caFile) {
            throw ValidationError("Cannot read the CA file \(caFile).")
        }
    }

    func settings(server override: String? = nil) -> ClientSettings {
        ClientSettings(server: override ?? server, caFile: caFile, retryPolicy: wait ? .waitUpTo(seconds: 300) : .never)
    }

    /// The configured server's client, else (nothing configured) the private server's,
    /// started on demand and signed in to the local account.
    func makeClient() async throws -> APIClient {
        let settings = settings()
        guard PrivateServer.isDefault(settings: settings) else { return try settings.makeClient() }
        let environment = settings.environment
        let server = PrivateServer(files: .standard(environment: environment), environment: environment)
        try await server.ensureRunning()
        return try await server.signedInClient(
            account: .standard(environment: environment), transport: settings.transport, retryPolicy: settings.retryPolicy
        ).client
    }

    var output: TerminalOutput { TerminalOutput(noColourFlag: noColor) }
}
