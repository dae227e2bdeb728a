import Foundation

/// Waits for what no event announces — another process's screen, database or listening
/// socket — by checking `condition` every `interval` until it holds or `limit` passes, then
/// fails naming `what`. Anything that does announce itself (a line a peer prints, a process
/// exiting) is awaited through `AsyncQueue` instead.
@discardableResult
public func eventuallyValue<Value>(
    _ what: String, within limit: Duration = .seconds(10), every interval: Duration = .milliseconds(50),
    _ condition: () async throws -> Value?
) async throws -> Value {
    let deadline = ContinuousClock.now + limit
    while true {
        if let value = try await condition() { return value }
        guard ContinuousClock.now < deadline else { throw SupportError("timed out after \(limit) waiting for \(what)") }
        try await Task.sleep(for: interval)
    }
}

/// `eventuallyValue` for a plain yes/no condition.
public func eventually(
    _ what: String, within limit: Duration = .seconds(10), every interval: Duration = .milliseconds(50),
    _ condition: () async throws -> Bool
) async throws {
    try await eventuallyValue(what, within: limit, every: interval) { try await condition() ? () : nil }
}
