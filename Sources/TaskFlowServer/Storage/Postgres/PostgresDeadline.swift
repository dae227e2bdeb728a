import Synchronization

/// Runs `operation` but answers after `limit` at the latest. Cancelling is not enough:
/// a query on a connection that went silent does not notice cancellation, and a task group
/// would wait for it. So the work runs unstructured and whichever finishes first answers.
enum PostgresDeadline {
    static func run<T: Sendable>(
        limit: Duration, onTimeout: @escaping @Sendable () -> any Error,
        _ operation: @escaping @Sendable () async throws -> T
    ) async throws -> T {
        let gate = Gate<T>()
        return try await withCheckedThrowingContinuation { continuation in
            gate.arm(continuation)
            let timer = Task {
                do { try await Task.sleep(for: limit) } catch { return }
                if gate.finish(.failure(onTimeout())) { gate.cancelWork() }
            }
            gate.setWork(Task {
                do { gate.finish(.success(try await operation())) } catch { gate.finish(.failure(error)) }
                timer.cancel()
            })
        }
    }

    /// Resumes the continuation once; later results are dropped.
    private final class Gate<T: Sendable>: Sendable {
        private struct State {
            var continuation: CheckedContinuation<T, any Error>?
            var work: Task<Void, Never>?
        }
        private let state = Mutex(State())

        func arm(_ continuation: CheckedContinuation<T, any Error>) {
            state.withLock { $0.continuation = continuation }
        }

        func setWork(_ work: Task<Void, Never>) {
            state.withLock { $0.work = work }
        }

        func cancelWork() {
            state.withLock { $0.work }?.cancel()
        }

        @discardableResult
        func finish(_ result: Result<T, any Error>) -> Bool {
            guard let continuation = state.withLock({ state -> CheckedContinuation<T, any Error>? in
                defer { state.continuation = nil }
                return state.continuation
            }) else { return false }
            continuation.resume(with: result)
            return true
        }
    }
}
