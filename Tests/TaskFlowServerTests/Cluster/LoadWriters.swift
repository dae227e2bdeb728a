import Foundation
import Synchronization

/// Threads that POST tasks through curl for a while and record every answer and how long
/// it took. Threads, not tasks: curl blocks, and the concurrency pool has few threads.
final class LoadWriters: Sendable {
    struct Outcome: Sendable {
        var title: String
        var status: Int
        var body: String
        var seconds: Double
    }

    private let results = Mutex<(outcomes: [Outcome], running: Int, waiter: CheckedContinuation<[Outcome], Never>?)>(([], 0, nil))

    init(url: String, token: String, workers: Int, seconds: Double) {
        results.withLock { $0.running = workers }
        let end = Date().addingTimeInterval(seconds)
        for worker in 0..<workers {
            Thread { [self] in
                var n = 0
                var mine: [Outcome] = []
                while Date() < end {
                    let title = "w\(worker)-\(n)"
                    n += 1
                    let began = Date()
                    let (body, status) = Self.post(url: url, token: token, body: #"{"title":"\#(title)"}"#)
                    mine.append(Outcome(title: title, status: status, body: body, seconds: Date().timeIntervalSince(began)))
                    if status != 201 { Thread.sleep(forTimeInterval: 0.1) }
                }
                let waiter = results.withLock { state -> CheckedContinuation<[Outcome], Never>? in
                    state.outcomes += mine
                    state.running -= 1
                    guard state.running == 0, let waiter = state.waiter else { return nil }
                    state.waiter = nil
                    return waiter
                }
                waiter?.resume(returning: results.withLock { $0.outcomes })
            }.start()
        }
    }

    /// Every outcome, once all writers are done.
    func outcomes() async -> [Outcome] {
        await withCheckedContinuation { continuation in
            let done = results.withLock { state -> [Outcome]? in
                if state.running == 0 { return state.outcomes }
                state.waiter = continuation
                return nil
            }
            if let done { continuation.resume(returning: done) }
        }
    }

    private static func post(url: String, token: String, body: String) -> (String, Int) {
        let curl = Process()
        curl.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        curl.arguments = [
            "curl", "-s", "-o", "-", "-w", "\n%{http_code}", "-X", "POST", "--max-time", "10",
            "-H", "Authorization: Bearer \(token)", "-H", "Content-Type: application/json", "--data-binary", body, url,
        ]
        let pipe = Pipe()
        curl.standardOutput = pipe
        do { try curl.run() } catch { return ("curl did not start", 0) }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        curl.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        guard let split = text.lastIndex(of: "\n"), let status = Int(text[text.index(after: split)...]) else { return (text, 0) }
        return (String(text[..<split]), status)
    }
}
