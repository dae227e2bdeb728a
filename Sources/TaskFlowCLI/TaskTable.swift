import Foundation
import TaskFlowCore
import TerminalUI

/// Tasks as aligned columns. Widths are display widths, so CJK and emoji titles line up.
/// The ID column holds short ids (a tail unique among `shortIDs`), as wide as the longest.
struct TaskTable {
    let output: TerminalOutput
    let now: Date
    let shortIDs: ShortIDs

    func render(_ tasks: [TaskItem]) -> [String] {
        let header = ["ID", "STATUS", "PRI", "DUE", "TITLE"]
        let rows = tasks.map { task in
            [TextSanitizer.sanitize(shortIDs.short(task.id)), task.status.rawValue, task.priority.rawValue,
             task.dueWords(now: now) ?? "-", TextSanitizer.sanitize(task.title)]
        }
        var widths = header.map(DisplayWidth.of)
        for row in rows { for (i, cell) in row.enumerated().dropLast() { widths[i] = max(widths[i], DisplayWidth.of(cell)) } }
        let fixed = widths.dropLast().reduce(0, +) + 2 * (widths.count - 1)
        let titleWidth = output.width.map { max($0 - fixed, 10) }

        func line(_ cells: [String], styles: [TerminalOutput.Style?]) -> String {
            cells.enumerated().map { i, cell in
                let last = i == cells.count - 1
                let text = last ? (titleWidth.map { DisplayWidth.truncate(cell, to: $0) } ?? cell) : DisplayWidth.pad(cell, to: widths[i])
                return styles[i].map { output.paint(text, $0) } ?? text
            }.joined(separator: "  ")
        }

        var lines = [line(header, styles: Array(repeating: .bold, count: header.count))]
        for (task, row) in zip(tasks, rows) {
            let overdue = task.isOverdue(now: now)
            lines.append(line(row, styles: [
                .dim,
                task.status == .done ? .green : (task.status == .inProgress ? .cyan : nil),
                task.priority == .high ? .red : (task.priority == .low ? .dim : nil),
                overdue ? .red : nil,
                task.status == .done ? .dim : nil,
            ]))
        }
        return lines.map { $0.replacingOccurrences(of: " +$", with: "", options: .regularExpression) }
    }

    /// "1–20 of 57 (page 1 of 3)".
    static func summary(_ pagination: Pagination, shown: Int) -> String {
        guard shown > 0 else {
            return pagination.total == 0 ? "No tasks." : "No tasks on page \(pagination.page) (\(pagination.total) in \(pagination.pages) pages)."
        }
        let first = (pagination.page - 1) * pagination.limit + 1
        return "\(first)–\(first + shown - 1) of \(pagination.total) (page \(pagination.page) of \(pagination.pages))"
    }
}
