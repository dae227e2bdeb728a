import ArgumentParser
import TaskFlowClient
import TaskFlowSync

struct LogoutCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "logout",
        abstract: "Revoke the session on the server and forget it here."
    )

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        try await CommandRunner.run {
            let client = try await global.makeClient()
            guard await client.session.isSignedIn, await !client.session.usesEnvironmentToken else {
                global.output.line("Not logged in to \(client.server).")
                return
            }
            // The local copy belongs to this login: it goes with it (DESIGN.md).
            if let user = await client.session.user {
                Replica.remove(at: ReplicaLocation.path(server: client.server, userID: user.id, environment: global.settings().environment))
            }
            do {
                try await client.logout()
                global.output.line("Logged out of \(client.server).")
            } catch let error as ClientError {
                throw CommandRunner.report(error, prefix: "Forgot the local session, but could not revoke it on the server: ")
            }
        }
    }
}
