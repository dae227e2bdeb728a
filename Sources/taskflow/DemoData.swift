import Foundation
import TaskFlowCore
import TaskFlowServer

/// A few hundred believable tasks for `taskflow --demo`: mixed statuses and priorities,
/// due dates behind and ahead, completions spread over the last two weeks, some titles in
/// Chinese, Japanese and Korean or with emoji, and some long descriptions. Written straight
/// into the store (with back-dated times) so the demo opens in a moment.
enum DemoData {
    static let count = 320

    static func seed(into store: some TaskRepository, userID: String, now: Date) async throws {
        var random = SeededGenerator(seed: 2026)
        for index in 0..<count {
            let (draft, created, completed) = task(index, now: now, random: &random)
            var open = draft
            if completed != nil { open.status = .todo }
            guard case .created(let task) = try await store.createTask(userID: userID, draft: open, now: created, idempotency: nil),
                  let completed
            else { continue }
            _ = try await store.updateTask(userID: userID, id: task.id, changes: TaskChanges(status: .done), expectedVersion: nil, now: completed)
        }
    }

    private static func task(_ index: Int, now: Date, random: inout SeededGenerator) -> (TaskDraft, Date, Date?) {
        let day: TimeInterval = 86_400
        let title = index % 11 == 3 ? international[index / 11 % international.count]
            : "\(verbs[Int(random.next() % UInt64(verbs.count))]) \(objects[Int(random.next() % UInt64(objects.count))])"
        let statusRoll = random.next() % 10
        let status: TaskStatus = statusRoll < 4 ? .todo : statusRoll < 6 ? .inProgress : .done
        let priorityRoll = random.next() % 10
        let priority: TaskPriority = priorityRoll < 3 ? .low : priorityRoll < 8 ? .medium : .high
        let dueRoll = random.next() % 10
        let dueDate: Date? = dueRoll < 3 ? nil
            : DueDate.endOfDay(DueDate.startOfDay(now.addingTimeInterval(day * Double(Int(random.next() % 40) - 12))))
        let description = index % 7 == 0 ? longDescription(index) : index % 3 == 0 ? shortNotes[index % shortNotes.count] : ""
        // Completions fall within the last 14 days, so the stats chart has something to show.
        let age = Double(random.next() % 60) * day + Double(random.next() % 36_000)
        let created = now.addingTimeInterval(-age)
        let completed = status == .done
            ? max(created, now.addingTimeInterval(-(Double(random.next() % 14) * day + Double(random.next() % 36_000)))) : nil
        let draft = TaskDraft(title: title, description: description, status: status, priority: priority, dueDate: dueDate)
        return (draft, created, completed)
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

/// A small deterministic generator (SplitMix64), so every demo shows the same tasks.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
