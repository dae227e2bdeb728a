import Foundation
import TaskFlowClient
import TaskFlowTUI
import TaskFlowSettings

/// What the screen runs against: a service, the server the login screen offers, and what
/// to do after the screen closes (stop a local server, remove a demo database).
struct ScreenLaunch: Sendable {
    var service: any TaskService
    var defaultServer: String
    /// Runs when the screen has closed normally.
    var shutdown: @Sendable () async -> Void = {}
    /// Runs when a signal ends the process (no async work possible there).
    var emergencyCleanup: @Sendable () -> Void = {}

    /// A configured server, with the stored session (or the login screen).
    static func remote(settings: ClientSettings, refresh: UserConfig.Refresh = .auto, cache: Bool = true) throws -> ScreenLaunch {
        let client = try settings.makeClient()
        var live = LiveOptions()
        live.mode = refresh.liveMode
        let service = APITaskService(client: client, liveOptions: live) { address in
            var other = settings
            other.server = address.description
            return try other.makeClient()
        }
        return ScreenLaunch(service: withLocalCopy(service, cache: cache, environment: settings.environment), defaultServer: client.server.description)
    }

    /// The screen on the local copy (DESIGN.md), unless it is turned off.
    static func withLocalCopy(_ service: APITaskService, cache: Bool, environment: [String: String]) -> any TaskService {
        cache ? ReplicaTaskService(online: service, environment: environment) : service
    }
}
