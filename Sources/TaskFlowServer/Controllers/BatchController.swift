import Foundation
import Hummingbird
import TaskFlowCore

/// `POST /api/v1/tasks/batch`: up to 100 creates, updates and deletes in one request (and
/// one against the rate limit), each with its single endpoint's rules and events, stored
/// in one transaction.
struct BatchController<Store: TaskRepository>: Sendable {
    let store: Store
    let events: any LiveEventPublisher
    let clock: any ServerClock

    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        group.post("batch", use: apply)
    }

    @Sendable func apply(_ request: Request, context: AppRequestContext) async throws -> Response {
        let userID = try context.requireUser()
        let batch = try BatchRequest(body: try await RequestBody.data(request, context: context, limit: BatchRequest.bodyMax))
        // Ops whose fields are wrong answer alone; the others go to the store together.
        var results = [Result<TaskWriteOutcome, APIError>](repeating: .failure(.internal), count: batch.ops.count)
        var writes: [TaskWrite] = [], positions: [Int] = []
        for (index, op) in batch.ops.enumerated() {
            do {
                writes.append(try op.write())
                positions.append(index)
            } catch {
                results[index] = .failure(APIError.from(error))
            }
        }
        if !writes.isEmpty {
            let outcomes = try await store.applyWrites(userID: userID, writes, now: clock.now)
            for (index, outcome) in zip(positions, outcomes) {
                results[index] = .success(outcome)
                if let event = outcome.event { await events.publish(event, to: userID) }
            }
        }
        return JSONResponse.raw(Self.body(results))
    }

    /// `{"results": [{"error"?, "status", "task"?}]}`, keys sorted as everywhere else.
    static func body(_ results: [Result<TaskWriteOutcome, APIError>]) -> Data {
        var w = JSONWriter(capacity: 256 * results.count)
        w.raw("{\"results\":[")
        for (index, result) in results.enumerated() {
            if index > 0 { w.raw(",") }
            let (status, error, outcome): (Int, APIError?, TaskWriteOutcome?) =
                switch result {
                case .success(let outcome): (outcome.status.code, outcome.error, outcome)
                case .failure(let error): (error.status.code, error, nil)
                }
            w.raw("{")
            if let error {
                w.raw("\"error\":")
                w.rawText(String(decoding: (try? TaskFlowJSON.encode(error.body.error)) ?? Data("{}".utf8), as: UTF8.self))
                w.raw(",")
            }
            w.raw("\"status\":")
            w.int(status)
            if case .replayed(_, let body)? = outcome {
                w.raw(",\"task\":")
                w.rawText(String(decoding: body, as: UTF8.self))
            } else if let task = outcome?.task {
                w.raw(",\"task\":")
                task.writeJSON(into: &w)
            }
            w.raw("}")
        }
        w.raw("]}")
        return Data(w.bytes)
    }
}
