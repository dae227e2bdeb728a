import Foundation

/// A first-in first-out queue between a thread that produces (a pipe's reader, a process's
/// termination handler) and async tests that wait for the next value with a deadline —
/// woken by the value itself, never by polling.
public final class AsyncQueue<Element: Sendable>: @unchecked Sendable {
    // @unchecked: every stored property is read and written only while holding `lock`.
    private let lock = NSLock()
    private var buffer: [Element] = []
    private var finished = false
    private var waiters: [Int: CheckedContinuation<Element?, Never>] = [:]
    private var lastWaiter = 0

    public init() {}

    public func push(_ element: Element) {
        let waiter: CheckedContinuation<Element?, Never>? = lock.withLock {
            if let first = waiters.keys.min() { return waiters.removeValue(forKey: first) }
            buffer.append(element)
            return nil
        }
        waiter?.resume(returning: element)
    }

    /// No more values: every waiter, present and future, gets nil once the buffer is empty.
    public func finish() {
        let all: [CheckedContinuation<Element?, Never>] = lock.withLock {
            finished = true
            defer { waiters = [:] }
            return Array(waiters.values)
        }
        all.forEach { $0.resume(returning: nil) }
    }

    /// The next value, or nil when the queue is finished or `limit` passes first.
    public func next(within limit: Duration) async -> Element? {
        await withCheckedContinuation { continuation in
            let (ready, id): (Element??, Int) = lock.withLock {
                if !buffer.isEmpty { return (.some(buffer.removeFirst()), 0) }
                if finished { return (.some(nil), 0) }
                lastWaiter += 1
                waiters[lastWaiter] = continuation
                return (nil, lastWaiter)
            }
            if let ready {
                continuation.resume(returning: ready)
                return
            }
            Task { [weak self] in
                try? await Task.sleep(for: limit)  // the deadline, not a wait for the value
                self?.expire(id)
            }
        }
    }

    private func expire(_ id: Int) {
        lock.withLock { waiters.removeValue(forKey: id) }?.resume(returning: nil)
    }
}
