import Foundation
import TaskFlowClient
import TaskFlowCore

/// A few hundred believable tasks for `taskflow --demo`: mixed statuses and priorities,
/// due dates behind and ahead, some titles in Chinese, Japanese and Korean or with emoji,
/// and some long descriptions. Created through the API of the demo's own server (a few
/// requests at a time over its Unix socket), so the demo opens in a moment.
enum DemoData {
    static let count = 320

    static func seed(through client: APIClient, now: Date) async throws {
        var random = SeededGenerator(seed: 2026)
        let tasks = (0..<count).map { task($0, now: now, random: &random) }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for (index, changes) in tasks.enumerated() {
                // Eight in flight: enough to keep the server busy, few enough to stay polite.
                if index >= 8 { try await group.next() }
                group.addTask { _ = try await client.createTask(changes) }
            }
            try await group.waitForAll()
        }
    }

    private static func task(_ index: Int, now: Date, random: inout SeededGenerator) -> TaskChanges {
        let day: TimeInterval = 86_400
        let title = index % 11 == 3 ? international[index / 11 % international.count]
            : "\(verbs[Int(random.next() % UInt64(verbs.count))]) \(objects[Int(random.next() % UInt64(objects.count))])"
        let statusRoll = random.next() % 10
        let status: TaskStatus = statusRoll < 4 ? .todo : statusRoll < 6 ? .inProgress : .done
        let priorityRoll = random.next() % 10
        let priority: TaskPriority = priorityRoll < 3 ? .low : priorityRoll < 8 ? .medium : .high
        let dueRoll = random.next() % 10
        let dueDate: TaskChanges.DueChange? = dueRoll < 3 ? nil
            : .set(DueDate.endOfDay(DueDate.startOfDay(now.addingTimeInterval(day * Double(Int(random.next() % 40) - 12)))))
        let description = index % 7 == 0 ? longDescription(index) : index % 3 == 0 ? shortNotes[index % shortNotes.count] : ""
        return TaskChanges(title: title, description: description, status: status, priority: priority, dueDate: dueDate)
    }

    private static let verbs = [
        "Review", "Write", "Fix", "Update", "Plan", "Call", "Email", "Draft", "Test", "Refactor", "Book", "Renew",
        "Clean up", "Benchmark", "Document", "Ship", "Prepare", "Order", "Migrate", "Archive",
    ]
    private static let objects = [
        "the quarterly report", "flaky login test", "dentist appointment", "release notes for 2.4", "team offsite agenda",
        "nginx config on staging", "tax documents", "onboarding checklist", "database backups", "the landlord",
        "slides for Thursday", "CI cache keys", "passport application", "API rate limits", "garden irrigation timer",
        "Postgres 16 upgrade", "expense receipts", "the TUI colour themes", "conference talk proposal", "home Wi-Fi mesh",
    ]
    private static let international = [
        "准备季度报告", "レビュー：新しいデザイン案", "회의록 정리하기", "🚀 Launch the beta", "Buy 🥕 and 🧀 for the weekend",
        "修复登录页面的错误 🐛", "東京出張のホテルを予約", "Café budget ☕ for Q3", "Naïve résumé tweaks", "🎉 Plan Maya's birthday",
    ]
    private static let shortNotes = [
        "Ask Sam for the latest numbers first.", "See the thread from Monday.", "Blocked on the vendor's reply.",
        "Low effort, do it between meetings.",
    ]

    private static func longDescription(_ index: Int) -> String {
        """
        Context: this came up in the weekly review (item \(index)). The current state is written \
        down in the shared notes, but the important parts are repeated here so that nobody has to dig.

        Steps:
          1. Collect what exists today and who depends on it.
          2. Write a short proposal with two options and their costs.
          3. Agree on one, then schedule the work and tell the people affected.

        Open questions: is there a deadline we must meet, and who signs off? 期限は来週の金曜日です。 \
        If this slips, move the follow-up tasks as well.
        """
    }
}
