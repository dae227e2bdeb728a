import Foundation
import TaskFlowCore
import TerminalUI

/// How a task's fields read on screen, shared by the list and the detail pane.
public enum TaskText {
    public static func statusMark(_ status: TaskStatus) -> Span {
        switch status {
        case .todo: Span("[ ]", .statusTodo)
        case .inProgress: Span("[~]", .statusInProgress)
        case .done: Span("[x]", .statusDone)
        }
    }

    public static func statusName(_ status: TaskStatus) -> String {
        switch status {
        case .todo: "todo"
        case .inProgress: "in progress"
        case .done: "done"
        }
    }

    public static func priorityRole(_ priority: TaskPriority) -> Role {
        switch priority {
        case .low: .priorityLow
        case .medium: .priorityMedium
        case .high: .priorityHigh
        }
    }

    /// `high`, `med ` or `low `: four columns so titles line up.
    public static func priorityLabel(_ priority: TaskPriority) -> Span {
        let text = switch priority {
        case .low: "low "
        case .medium: "med "
        case .high: "high"
        }
        let style = Style(priorityRole(priority), attributes: priority == .high ? .bold : [])
        return Span(text, style: style)
    }

    /// "today", "in 3d", "2d overdue" (a done task: "due 2d ago"); overdue stands out.
    public static func due(_ task: TaskItem, now: Date) -> Span? {
        guard let due = task.dueDate, let text = task.dueWords(now: now) else { return nil }
        if task.status == .done { return Span(text, .dim) }
        if task.isOverdue(now: now) { return Span(text, style: Style(.overdue, attributes: .bold)) }
        let soon = DueDate.startOfDay(due).timeIntervalSince(DueDate.startOfDay(now)) <= 86_400
        return Span(text, soon ? .dueSoon : .normal)
    }

    /// One list row: status mark, short id (padded to `idWidth` columns), priority, title
    /// (the search's words underlined), and the due date flush right.
    public static func row(
        _ task: TaskItem, now: Date, shortID: String? = nil, idWidth: Int = 0, highlighting words: [String] = []
    ) -> ListRow {
        let style = task.status == .done ? Style(.dim) : Style.normal
        let id: [Span] = shortID.map { [Span(DisplayWidth.pad($0, to: idWidth), .dim), " "] } ?? []
        return ListRow(
            [statusMark(task.status), " "] + id + [priorityLabel(task.priority), " "] + highlighted(task.title, words: words, style: style),
            trailing: due(task, now: now).map { [$0] } ?? []
        )
    }

    /// `text` as spans, the words of a search (each match at the start of a word, in any
    /// case, as the search matches) bold and underlined.
    public static func highlighted(_ text: String, words: [String], style: Style) -> [Span] {
        guard !words.isEmpty else { return [Span(text, style: style)] }
        let folded = text.lowercased()
        guard folded.count == text.count else { return [Span(text, style: style)] }  // case folding changed lengths
        var marked = [Bool](repeating: false, count: text.count)
        let characters = Array(folded)
        for word in words.map({ Array($0.lowercased()) }) where !word.isEmpty && word.count <= characters.count {
            for start in 0...(characters.count - word.count) {
                let atWordStart = start == 0 || !(characters[start - 1].isLetter || characters[start - 1].isNumber)
                if atWordStart, Array(characters[start..<start + word.count]) == word {
                    for index in start..<start + word.count { marked[index] = true }
                }
            }
        }
        var spans: [Span] = []
        var run = "", runMarked = false
        var bright = style
        bright.attributes.formUnion([.bold, .underline])
        for (character, isMarked) in zip(text, marked) {
            if isMarked != runMarked, !run.isEmpty {
                spans.append(Span(run, style: runMarked ? bright : style))
                run = ""
            }
            runMarked = isMarked
            run.append(character)
        }
        if !run.isEmpty { spans.append(Span(run, style: runMarked ? bright : style)) }
        return spans
    }

    /// `2026-12-01 09:30 UTC`. Computed by hand: a DateFormatter per frame would cost
    /// more than drawing the rest of the screen.
    public static func timestamp(_ date: Date) -> String {
        let minutes = Int((date.timeIntervalSince1970 / 60).rounded(.down))
        let days = minutes >= 0 ? minutes / 1440 : (minutes - 1439) / 1440
        let minuteOfDay = minutes - days * 1440
        let (year, month, day) = Timestamp.civil(fromDays: days)
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
        return "\(year)-\(two(month))-\(two(day)) \(two(minuteOfDay / 60)):\(two(minuteOfDay % 60)) UTC"
    }

    /// `1,234`: thousands grouped the same way whatever the locale.
    public static func count(_ value: Int) -> String {
        let digits = String(abs(value))
        var grouped = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { grouped.append(",") }
            grouped.append(digit)
        }
        return (value < 0 ? "-" : "") + grouped
    }
}
