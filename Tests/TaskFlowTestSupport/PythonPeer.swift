import Foundation

/// A Python test peer from `Peers/` (this target's resources), run as a subprocess: a server
/// we did not write (`PythonPeer(script:)`, which waits for its `READY <port>` line) or a
/// client we did not write (`PythonPeer.client(script:)`, whose JSON lines `nextJSON` reads).
/// Missing Python or packages fail the test with what to install — never a silent skip.
public final class PythonPeer: @unchecked Sendable {
    // @unchecked: `process` and `port` are set once in init and only read afterwards; the
    // output goes through the thread-safe `lines` queue.
    /// The port a server peer listens on; 0 for a client peer.
    public let port: Int
    private let process: Process
    private let lines = AsyncQueue<String>()
    /// Held open for the peer's lifetime: the peer exits when it closes (when we die).
    private let lifeline = Pipe()

    public static var peersDirectory: URL {
        Bundle.module.resourceURL!.appendingPathComponent("Peers")
    }

    /// A server peer, once it has printed `READY <port>`.
    /// - Parameter modules: Python modules the script imports, with the pip package that provides each.
    public convenience init(script: String, arguments: [String] = [], requires modules: [String: String]) throws {
        try self.init(script: script, arguments: arguments, modules: modules, waitForReady: true)
    }

    /// A client peer that prints one JSON object per line.
    public static func client(script: String, arguments: [String] = [], requires modules: [String: String]) throws -> PythonPeer {
        try PythonPeer(script: script, arguments: arguments, modules: modules, waitForReady: false)
    }

    private init(script: String, arguments: [String], modules: [String: String], waitForReady: Bool) throws {
        let python = try Self.python()
        try Self.check(modules, python: python)
        process = Process()
        process.executableURL = python
        process.arguments = ["-u", Self.peersDirectory.appendingPathComponent(script).path] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardInput = lifeline
        try process.run()
        port = waitForReady ? try Self.readReadyLine(output.fileHandleForReading, script: script, process: process) : 0
        Self.readLines(from: output.fileHandleForReading, into: lines)
    }

    /// Blocking reads on a thread of its own until the peer closes its output. Not a
    /// `readabilityHandler`: its dispatch read source crashed libdispatch on Linux now and
    /// then while the peer was being killed (3 runs in 12 of the peer tests).
    private static func readLines(from handle: FileHandle, into lines: AsyncQueue<String>) {
        let reader = Thread {
            var partial = Data()
            while true {
                let chunk = handle.availableData
                guard !chunk.isEmpty else { break }
                partial.append(chunk)
                while let newline = partial.firstIndex(of: 0x0A) {
                    lines.push(String(decoding: partial[partial.startIndex..<newline], as: UTF8.self))
                    partial.removeSubrange(partial.startIndex...newline)
                }
            }
            lines.finish()
        }
        reader.start()
    }

    /// The next JSON object the peer printed, waiting at most `limit`.
    public func nextJSON(within limit: Duration) async throws -> [String: Any] {
        guard let line = await lines.next(within: limit) else {
            throw SupportError("the peer printed nothing more within \(limit)")
        }
        guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
            throw SupportError("the peer printed a line that is not a JSON object: \(line)")
        }
        return object
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
        throw SupportError("python3 is not on PATH: install Python 3 (apt-get install python3 python3-pip) for the peer tests.")
    }

    private static func check(_ modules: [String: String], python: URL) throws {
        for (module, package) in modules.sorted(by: { $0.key < $1.key }) {
            let check = Process()
            check.executableURL = python
            check.arguments = ["-c", "import \(module)"]
            check.standardError = FileHandle(forWritingAtPath: "/dev/null")
            try check.run()
            check.waitUntilExit()
            if check.terminationStatus != 0 {
                throw SupportError("The Python module \(module) is missing: run `pip install \(package)` (or `pip install -r Tests/requirements.txt`).")
            }
        }
    }

    /// Blocking reads (each returns when the peer writes), until the `READY <port>` line.
    private static func readReadyLine(_ handle: FileHandle, script: String, process: Process) throws -> Int {
        var buffer = Data()
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline {
            let chunk = handle.availableData
            if chunk.isEmpty { break }  // end of file: the peer exited
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
