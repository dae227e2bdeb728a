import Foundation

/// A Python test peer from `Tests/TaskFlowClientTests/Peers`, run as a subprocess. The
/// script prints `READY <port>` once listening. Missing Python or packages fail the test
/// with what to install — never a silent skip.
public final class PythonPeer: @unchecked Sendable {
    // @unchecked: `process` is set once in init and only read afterwards.
    public let port: Int
    private let process: Process
    /// Held open for the peer's lifetime: the peer exits when it closes (when we die).
    private let lifeline = Pipe()

    public static var peersDirectory: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("TaskFlowClientTests/Peers")
    }

    /// - Parameter modules: Python modules the script imports, with the pip package that provides each.
    public init(script: String, arguments: [String] = [], requires modules: [String: String]) throws {
        let python = try Self.python()
        for (module, package) in modules.sorted(by: { $0.key < $1.key }) {
            let check = Process()
            check.executableURL = python
            check.arguments = ["-c", "import \(module)"]
            check.standardError = FileHandle(forWritingAtPath: "/dev/null")
            try check.run()
            check.waitUntilExit()
            if check.terminationStatus != 0 {
                throw SupportError("The Python module \(module) is missing: run `pip install \(package)` (the live-channel tests need it).")
            }
        }
        process = Process()
        process.executableURL = python
        process.arguments = ["-u", Self.peersDirectory.appendingPathComponent(script).path] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardInput = lifeline
        try process.run()
        port = try Self.readReadyLine(output.fileHandleForReading, script: script, process: process)
    }

    public func stop() {
        ChildProcess.kill(process)
    }

    deinit { stop() }

    private static func python() throws -> URL {
        for directory in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(directory)).appendingPathComponent("python3")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        throw SupportError("python3 is not on PATH: install Python 3 (apt-get install python3 python3-pip) for the live-channel tests.")
    }

    private static func readReadyLine(_ handle: FileHandle, script: String, process: Process) throws -> Int {
        var buffer = Data()
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline {
            let chunk = handle.availableData
            if chunk.isEmpty {
                if !process.isRunning { break }
                continue
            }
            buffer.append(chunk)
            let text = String(decoding: buffer, as: UTF8.self)
            if let line = text.split(separator: "\n").first(where: { $0.hasPrefix("READY ") }), let port = Int(line.dropFirst(6)) {
                return port
            }
        }
        ChildProcess.kill(process)
        throw SupportError("\(script) did not start (output: \(String(decoding: buffer, as: UTF8.self))).")
    }
}
