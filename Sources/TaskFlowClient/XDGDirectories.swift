import Foundation

/// The XDG base directories, with the specification's defaults under `$HOME`.
public struct XDGDirectories: Sendable {
    public let config: URL
    public let data: URL
    /// `XDG_STATE_HOME`: what a program keeps between runs that is not worth backing up
    /// (the local copy of the tasks).
    public let state: URL

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        let home = environment["HOME"].map { URL(fileURLWithPath: $0) } ?? FileManager.default.homeDirectoryForCurrentUser
        // The spec says relative values are invalid and must be ignored.
        func directory(_ name: String, default relative: String) -> URL {
            if let value = environment[name], value.hasPrefix("/") { return URL(fileURLWithPath: value) }
            return home.appendingPathComponent(relative)
        }
        config = directory("XDG_CONFIG_HOME", default: ".config")
        data = directory("XDG_DATA_HOME", default: ".local/share")
        state = directory("XDG_STATE_HOME", default: ".local/state")
    }
}
