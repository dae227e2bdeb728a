import Foundation

/// Where the server reads the time of day: token issue and expiry, rate-limit windows,
/// task timestamps, stats and ETag minutes. `SystemClock` in service; `ManualClock` lets
/// tests move time instead of waiting for it.
public protocol ServerClock: Sendable {
    var now: Date { get }
}

/// The machine's wall clock.
public struct SystemClock: ServerClock {
    public init() {}

    public var now: Date { Date() }
}
