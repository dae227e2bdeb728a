import Foundation
import TaskFlowClient
import TaskFlowTUI

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
    static func remote(settings: ClientSettings, refresh: UserConfig.Refresh = .auto) throws -> ScreenLaunch {
        let client = try settings.makeClient()
        var live = LiveOptions()
        live.mode = refresh.liveMode
        let service = APITaskService(client: client, liveOptions: live) { address in
            var other = settings
            other.server = address.description
            return try other.makeClient()
        }
        return ScreenLaunch(service: service, defaultServer: client.server.description)
    }
}
