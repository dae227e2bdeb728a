import ArgumentParser
import TaskFlowClient
import TaskFlowCore
import TerminalUI

struct StatsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "stats", abstract: "Counts by status and priority, due dates, and completions.")

    @OptionGroup var global: GlobalOptions

    @Flag(help: "Print the API's JSON.")
    var json = false

    func run() async throws {
        try await CommandRunner.run {
            let client = try await global.makeClient()
            let stats: TaskStats
            if global.usesLocalCopy {
                // Counted from the local copy, brought up to date first (or as it is, offline).
                stats = try await global.localCopy(client).readable().replica.stats()
                if json { return TerminalOutput.raw(try TaskFlowJSON.encode(stats)) }
            } else {
                let response = try await client.stats()
                if json { return TerminalOutput.raw(response.body) }
                stats = response.value
            }
            StatsView(output: global.output).render(stats).forEach(global.output.line)
        }
    }
}

/// Stats as labelled counts with bars, and the 14-day completion chart.
struct StatsView {
    let output: TerminalOutput

    func render(_ stats: TaskStats) -> [String] {
        let largest = max(1, TaskStatus.allCases.map { stats.byStatus[$0] }.max() ?? 1, TaskPriority.allCases.map { stats.byPriority[$0] }.max() ?? 1)
        func row(_ label: String, _ count: Int, _ style: TerminalOutput.Style?) -> String {
            let bar = String(repeating: "█", count: count == 0 ? 0 : max(1, count * 30 / largest))
            return "  \(DisplayWidth.pad(label, to: 12)) \(String(count).leftPadded(to: 5))  \(style.map { output.paint(bar, $0) } ?? bar)"
        }
        var lines = ["\(output.paint("Tasks", .bold)): \(stats.total)"]
        lines += TaskStatus.allCases.map { row($0.rawValue, stats.byStatus[$0], $0 == .done ? .green : .cyan) }
        lines += ["", output.paint("Priority", .bold)]
        lines += TaskPriority.allCases.map { row($0.rawValue, stats.byPriority[$0], $0 == .high ? .red : nil) }
        lines += ["", "\(output.paint("Open", .bold)): \(stats.overdue) overdue, \(stats.dueToday) due today, \(stats.dueThisWeek) due this week",
                  "", output.paint("Completed, last 14 days", .bold)]
        let most = max(1, stats.completedPerDay.map(\.count).max() ?? 1)
        lines += stats.completedPerDay.map { day in
            "  \(day.date) \(String(day.count).leftPadded(to: 4))  \(String(repeating: "▇", count: day.count == 0 ? 0 : max(1, day.count * 30 / most)))"
        }
        return lines
    }
}

extension String {
    func leftPadded(to width: Int) -> String { String(repeating: " ", count: max(0, width - count)) + self }
}
