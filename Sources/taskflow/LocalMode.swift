import Foundation
import TaskFlowCLI
import TaskFlowClient
import TaskFlowTUI
import TaskFlowSettings

/// Local mode and the demo for the full-screen client: the private `taskflow-server`
/// (started on demand), used through the same HTTP client as any other server.
enum LocalMode {
    /// The user's private server and local account.
    static func start(environment: [String: String], refresh: UserConfig.Refresh, cache: Bool = true) async throws -> ScreenLaunch {
        let server = PrivateServer(files: .standard(environment: environment), environment: environment)
        try await server.ensureRunning()
        let client = try await server.signedInClient(account: .standard(environment: environment), verifySession: true).client
        let service = ScreenLaunch.withLocalCopy(service(for: client, refresh: refresh), cache: cache, environment: environment)
        return ScreenLaunch(service: service, defaultServer: client.server.description)
    }

    /// The demo's own server on a throwaway database, seeded with sample tasks by the
    /// client that creates it, stopped and removed when its last client quits.
    static func startDemo(environment: [String: String], refresh: UserConfig.Refresh, cache: Bool = true) async throws -> ScreenLaunch {
        let server = PrivateServer(files: .demo(environment: environment), environment: environment)
        let membership = try DemoMembership.join(server.files)
        let leave: @Sendable () -> Void = { membership.leave { _ = try? server.stop() } }
        do {
            try await server.ensureRunning()
            let (client, created) = try await server.signedInClient(account: .demo)
            if created { try await DemoData.seed(through: client, now: Date()) }
            // The demo's copy lives in its directory, removed with it.
            var demoEnvironment = environment
            demoEnvironment["XDG_STATE_HOME"] = server.files.directory.path
            return ScreenLaunch(
                service: ScreenLaunch.withLocalCopy(service(for: client, refresh: refresh), cache: cache, environment: demoEnvironment),
                defaultServer: client.server.description,
                shutdown: { leave() }, emergencyCleanup: leave)
        } catch {
            leave()
            throw error
        }
    }

    private static func service(for client: APIClient, refresh: UserConfig.Refresh) -> APITaskService {
        var live = LiveOptions()
        live.mode = refresh.liveMode
        return APITaskService(client: client, liveOptions: live) { address in
            address == client.server ? client : try ClientSettings(server: address.description).makeClient()
        }
    }
}
