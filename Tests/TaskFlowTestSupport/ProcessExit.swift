import Foundation

/// The exit status of a child process, for tests that wait for it to end.
public final class ProcessExit: Sendable {
    private let signal = AsyncQueue<Int32>()
    private let recorded = Locked<Int32?>(nil)

    public init() {}

    public func record(_ status: Int32) {
        recorded.set(status)
        signal.finish()
    }

    public var status: Int32? { recorded.get() }

    /// The status, or nil if the process is still running after `limit`.
    public func wait(within limit: Duration) async -> Int32? {
        if let status { return status }
        _ = await signal.next(within: limit)
        return status
    }
}
