import Foundation

/// Finds `taskflow-server`: beside this `taskflow` executable (as a build or a package
/// installs them), else on `PATH`.
enum ServerExecutable {
    static let name = "taskflow-server"

    static func locate(environment: [String: String]) throws -> String {
        let ownDirectory = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
        let beside = ownDirectory.appendingPathComponent(name).path
        if FileManager.default.isExecutableFile(atPath: beside) { return beside }
        for directory in (environment["PATH"] ?? "").split(separator: ":") where directory.hasPrefix("/") {
            let candidate = "\(directory)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        throw LocalServerError("""
            \(name) was not found beside taskflow (\(ownDirectory.path)) or on PATH; local mode needs it. \
            Build it with `swift build -c release --product \(name)` and keep it beside taskflow, \
            or pass --server to use another server.
            """)
    }
}
