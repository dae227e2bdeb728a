import Foundation
import TaskFlowCore

/// The contract's rules for task bodies: trimmed title of 1–200 characters, description
/// up to 10,000, and a title required on create.
enum TaskInput {
    /// A `POST /tasks` body (or a batch create's `task`): the fields, and the id the
    /// client may have chosen.
    static func draft(from body: Data) throws -> TaskDraft {
        var draft = try draft(from: RequestBody.decode(TaskChanges.self, from: body))
        if let chosen = try RequestBody.decode(ChosenID.self, from: body).id {
            guard let id = ULID.normalised(chosen) else {
                throw ValidationFailure([FieldProblem("id", "must be a ULID: 26 characters of Crockford base32")])
            }
            draft.id = id
        }
        return draft
    }

    private struct ChosenID: Decodable {
        var id: String?
    }

    static func draft(from changes: TaskChanges) throws -> TaskDraft {
        guard changes.title != nil else { throw ValidationFailure([FieldProblem("title", "is required")]) }
        let valid = try validated(changes)
        var dueDate: Date?
        if case .set(let date) = valid.dueDate { dueDate = date }
        return TaskDraft(
            title: valid.title ?? "", description: valid.description ?? "", status: valid.status ?? .todo,
            priority: valid.priority ?? .medium, dueDate: dueDate)
    }

    static func validated(_ changes: TaskChanges) throws -> TaskChanges {
        var result = changes
        var problems: [FieldProblem] = []
        if let title = changes.title {
            switch Validation.title(title) {
            case .success(let trimmed): result.title = trimmed
            case .failure(let problem): problems.append(problem)
            }
        }
        if let description = changes.description, let problem = Validation.description(description) {
            problems.append(problem)
        }
        if !problems.isEmpty { throw ValidationFailure(problems) }
        return result
    }
}
