import Foundation
import TaskFlowClient
import TaskFlowTUI

/// Local mode and the demo: the server library in-process, used through the same HTTP
/// client as any other server.
enum LocalMode {
    /// Local mode is the default when nothing names a server and no login is saved.
    static func isDefault(settings: ClientSettings, environment: [String: String]) -> Bool {
        func isSet(_ name: String) -> Bool { !(environment[name] ?? "").isEmpty }
        guard settings.server == nil, !isSet("TASKFLOW_SERVER"), !isSet("TASKFLOW_TOKEN") else { return false }
        return (try? settings.store.defaultServer()) == nil
    }

    /// The private server on `$XDG_DATA_HOME/taskflow/taskflow.sqlite` and its one account.
    static func start(environment: [String: String]) async throws -> ScreenLaunch {
        let directory = XDGDirectories(environment: environment).data.appendingPathComponent("taskflow")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let server = try await EmbeddedServer.start(databasePath: directory.appendingPathComponent("taskflow.sqlite").path)
        let store = LocalCredentialStore(base: FileCredentialStore(directory: directory))
        let client = APIClient(session: try Session(server: try ServerAddress(server.address), store: store))
        var usable = await client.session.isSignedIn
        if usable { usable = await isSessionUsable(client) }
        if !usable {
            try await LocalAccount.signIn(client, directory: directory, environment: environment)
        }
        return ScreenLaunch(service: service(for: client), defaultServer: server.address, shutdown: { await server.stop() })
    }

    /// A throwaway database in a temporary directory, seeded with sample tasks, removed on exit.
    static func startDemo() async throws -> ScreenLaunch {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("taskflow-demo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let remove: @Sendable () -> Void = { try? FileManager.default.removeItem(at: directory) }
        do {
            // bcrypt cost 4: the password of a database deleted on exit protects nothing.
            let server = try await EmbeddedServer.start(databasePath: directory.appendingPathComponent("demo.sqlite").path, bcryptCost: 4)
            let client = APIClient(session: try Session(server: try ServerAddress(server.address), store: InMemoryCredentialStore()))
            let auth = try await client.register(name: "Demo", email: "demo@taskflow.local", password: LocalAccount.randomPassword()).value
            try await DemoData.seed(into: server.services.store, userID: auth.user.id, now: Date())
            return ScreenLaunch(
                service: service(for: client), defaultServer: server.address,
                shutdown: {
                    await server.stop()
                    remove()
                },
                emergencyCleanup: remove)
        } catch {
            remove()
            throw error
        }
    }

    /// False when the saved session no longer works (its refresh token expired).
    private static func isSessionUsable(_ client: APIClient) async -> Bool {
        do {
            _ = try await client.me()
            return true
        } catch let error as ClientError where error.category == .auth {
            return false
        } catch {
            return true
        }
    }

    private static func service(for client: APIClient) -> APITaskService {
        APITaskService(client: client) { address in
            address == client.server ? client : try ClientSettings(server: address.description).makeClient()
        }
    }
}
