import ArgumentParser
import Foundation
import TaskFlowSettings
import TerminalUI

/// `taskflow views`: the saved views `ls --view` and the digit keys of the screen know,
/// with their keys, filters and sorts. It reads config.toml only: no server is asked.
struct ViewsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "views",
        abstract: "List the saved views (todo, doing, done and [views.NAME] in config.toml).",
        discussion: "Use one with taskflow ls --view NAME, or its key on the full-screen client."
    )

    func run() throws {
        let config = UserConfig.load(environment: ProcessInfo.processInfo.environment)
        for warning in config.warnings { TerminalOutput.error("taskflow: \(warning)") }
        let rows = config.views.all.map { view in
            [view.key.map(String.init) ?? "-", TextSanitizer.sanitize(view.name), TextSanitizer.sanitize(view.filter.isEmpty ? "(all tasks)" : view.filter),
             view.sort.map { "sort \($0)" } ?? ""]
        }
        let widths = (0..<3).map { column in rows.map { DisplayWidth.of($0[column]) }.max() ?? 0 }
        for row in rows {
            let cells = (0..<3).map { DisplayWidth.pad(row[$0], to: widths[$0]) } + [row[3]]
            print(cells.joined(separator: "  ").trimmingCharacters(in: .whitespaces))
        }
    }
}
