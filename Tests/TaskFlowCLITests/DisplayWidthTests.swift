import Foundation
import Testing
@testable import TaskFlowCLI
import TaskFlowCore

@Suite("Display width and the task table")
struct DisplayWidthTests {
    @Test("CJK and emoji take two columns, combining marks none")
    func widths() {
        #expect(DisplayWidth.of("abc") == 3)
        #expect(DisplayWidth.of("日本語") == 6)
        #expect(DisplayWidth.of("🎉") == 2)
        #expect(DisplayWidth.of("👩‍💻") == 2)
        #expect(DisplayWidth.of("e\u{301}") == 1)
        #expect(DisplayWidth.of("한국어") == 6)
        #expect(DisplayWidth.of("ｆｕｌｌ") == 8)
    }

    @Test("truncation counts columns and never splits a wide character")
    func truncation() {
        #expect(DisplayWidth.truncate("日本語のタスク", to: 7) == "日本語…")
        #expect(DisplayWidth.truncate("short", to: 10) == "short")
        #expect(DisplayWidth.of(DisplayWidth.truncate("🎉🎉🎉🎉", to: 6)) <= 6)
    }

    @Test("control characters cannot reach the terminal")
    func printable() {
        #expect(DisplayWidth.printable("evil\u{1B}[2Jtitle\nnext") == "evil\u{FFFD}[2Jtitle next")
    }

    @Test("table columns line up by display width, whatever the script")
    func tableAlignment() {
        let now = Timestamp.parse("2026-12-02T12:00:00Z")!
        let tasks = [
            TaskItem(id: "a1", title: "日本語のタスク", priority: .high, dueDate: DueDate.parse("2026-12-03"), createdAt: now, updatedAt: now),
            TaskItem(id: "b22", title: "🎉 party", status: .inProgress, createdAt: now, updatedAt: now),
            TaskItem(id: "c333", title: "plain", status: .done, priority: .low, dueDate: DueDate.parse("2026-11-30"), createdAt: now, updatedAt: now),
        ]
        let lines = TaskTable(output: TerminalOutput(noColourFlag: true), now: now).render(tasks)
        #expect(lines.count == 4)
        let titles = ["TITLE"] + tasks.map(\.title)
        let titleColumns = zip(lines, titles).map { line, title in
            DisplayWidth.of(String(line[..<line.range(of: title)!.lowerBound]))
        }
        #expect(Set(titleColumns).count == 1, "title column starts at different columns: \(lines)")
        #expect(lines[1].contains("tomorrow") && lines[3].contains("2d overdue"))
        #expect(!lines.joined().contains("\u{1B}"))
    }

    @Test("the page summary states the server's total")
    func summary() {
        #expect(TaskTable.summary(Pagination(page: 3, limit: 20, total: 1234), shown: 20) == "41–60 of 1234 (page 3 of 62)")
        #expect(TaskTable.summary(Pagination(page: 1, limit: 20, total: 0), shown: 0) == "No tasks.")
    }
}
