import Foundation

/// A child process whose standard output is read as JSON lines.
final class PeerProcess: @unchecked Sendable {
    // @unchecked: `process` and the pipe are only touched from the test's own task;
    // the line buffer is confined to the readability handler's queue via `lock`.
    private let process = Process()
    private let output = Pipe()
    private let lock = NSLock()
    private var buffer = Data()
    /// Complete lines as the peer prints them; `nextEvent` waits on this, not on a timer.
    private let lines: AsyncStream<String>
    private let lineContinuation: AsyncStream<String>.Continuation

    init(_ arguments: [String]) throws {
        (lines, lineContinuation) = AsyncStream.makeStream(of: String.self)
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.standardOutput = output
        process.standardError = FileHandle.standardError
        output.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let data = handle.availableData
            self?.append(data)
        }
        try process.run()
    }

    private func append(_ data: Data) {
        lock.lock()
        defer { lock.unlock() }
        buffer.append(data)
        while let newline = buffer.firstIndex(of: 0x0A) {
            lineContinuation.yield(String(decoding: buffer[buffer.startIndex..<newline], as: UTF8.self))
            buffer.removeSubrange(buffer.startIndex...newline)
        }
    }

    /// The next JSON line, waiting at most `timeout` seconds.
    func nextEvent(timeout: Double) async throws -> [String: Any] {
        let lines = self.lines
        let line = try await withTimeout(timeout) {
            var iterator = lines.makeAsyncIterator()
            guard let line = await iterator.next() else { throw TestFailure("peer closed its output") }
            return line
        }
        guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
            throw TestFailure("peer printed a non-object line: \(line)")
        }
        return object
    }

    func waitForExit() -> Int32 {
        process.waitUntilExit()
        return process.terminationStatus
    }

    func stop() {
        if process.isRunning { process.terminate() }
        output.fileHandleForReading.readabilityHandler = nil
    }
}
