import Foundation
import TaskFlowCore
import TerminalUI

/// The edit form while tasks are marked: status, priority and due for all of them at once.
/// Every field starts "unchanged" and applies only when the user changes it; saving sends
/// the changes to every marked task as one batch and one undo step.
public struct BulkEditForm: Sendable, Equatable {
    public enum Field: Int, CaseIterable, Sendable {
        case status, priority, due

        public var label: String {
            switch self {
            case .status: "Status"
            case .priority: "Priority"
            case .due: "Due"
            }
        }
    }

    /// The word the due field takes to remove every marked task's due date.
    public static let noDueWord = "none"

    /// The marked tasks it acts on, in list order.
    public let ids: [String]
    /// nil: unchanged.
    public var status: TaskStatus?
    public var priority: TaskPriority?
    /// Empty: unchanged; `none`: no due date; else a date as the task form reads it.
    public var due = TextInputState()
    public var focus: Field = .status
    /// Why the due text is not a date.
    public var dueProblem: String?

    public init(ids: [String]) { self.ids = ids }

    public var title: String { "Edit \(ids.count) marked task\(ids.count == 1 ? "" : "s")" }

    public var hasChanges: Bool { status != nil || priority != nil || !dueText.isEmpty }

    private var dueText: String { due.text.trimmingCharacters(in: .whitespaces) }

    /// The fields the user changed, for every marked task alike.
    func changes(now: Date) -> Result<TaskChanges, FieldProblem> {
        var changes = TaskChanges(status: status, priority: priority)
        if dueText.lowercased() == Self.noDueWord {
            changes.dueDate = .clear
        } else if !dueText.isEmpty {
            guard let date = DateWords.parseDue(dueText, now: now) else {
                return .failure(FieldProblem("due", "not a date: try today, tomorrow, +3d, fri, 2026-12-24 or \(Self.noDueWord)"))
            }
            changes.dueDate = .set(date)
        }
        return .success(changes)
    }

    /// Moves the focused choice by `delta` through "unchanged" and every value.
    mutating func step(by delta: Int) {
        switch focus {
        case .status: status = Self.stepped(status, by: delta)
        case .priority: priority = Self.stepped(priority, by: delta)
        case .due: break
        }
    }

    /// Picks the value whose name starts with `character` (t/i/d, l/m/h); `u` unchanged.
    mutating func choose(startingWith character: Character) {
        let letter = character.lowercased()
        switch focus {
        case .status:
            status = letter == "u" ? nil : TaskStatus.allCases.first { $0.rawValue.hasPrefix(letter) } ?? status
        case .priority:
            priority = letter == "u" ? nil : TaskPriority.allCases.first { $0.rawValue.hasPrefix(letter) } ?? priority
        case .due: break
        }
    }

    private static func stepped<Value: CaseIterable & Equatable>(_ value: Value?, by delta: Int) -> Value? {
        let choices: [Value?] = [nil] + Value.allCases.map { $0 }
        let index = choices.firstIndex { $0 == value } ?? 0
        return choices[((index + delta) % choices.count + choices.count) % choices.count]
    }
}
