import Foundation
import TaskFlowTUI
import TerminalUI
import XCTest
@testable import TaskFlowSettings

/// The documented config and theme examples are valid, and the man page's list of
/// command names is the keymap's, so the docs cannot drift from the code unnoticed.
final class ConfigDocsTests: XCTestCase {
    private let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    private func read(_ path: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }

    func testExampleConfigWithEveryBindingEnabledHasNoWarnings() throws {
        // Uncomment the "# command = keys" lines of [keys] so each binding is checked too.
        let text = try read("docs/config.example.toml").split(separator: "\n", omittingEmptySubsequences: false).map { line in
            let name = line.dropFirst(2).prefix(while: { $0 != " " })
            let isBinding = line.hasPrefix("# ") && !name.isEmpty && name.allSatisfy({ $0.isLowercase || $0.isNumber || $0 == "-" })
                && line.dropFirst(2 + name.count).hasPrefix(" = ")
            return isBinding ? String(line.dropFirst(2)) : String(line)
        }.joined(separator: "\n")
        let config = UserConfig(parsing: text, path: "config.example.toml")
        XCTAssertEqual(config.warnings, [])
        XCTAssertEqual(Set(config.keys.map(\.command)), Set(TUICommand.allCases.map(\.name)), "the example binds every command")
        let (_, warnings) = config.keymap(from: TUIKeymap.standard)
        XCTAssertEqual(warnings, [], "the example restates the defaults, so nothing conflicts")
    }

    func testManPageNamesEveryCommand() throws {
        let page = try read("man/taskflow.1").replacingOccurrences(of: "\\-", with: "-")
        for name in TUICommand.allCases.map(\.name) {
            XCTAssertTrue(page.contains(" \(name) ") || page.contains(" \(name),") || page.contains(" \(name)\n"), name)
        }
    }

    func testThemeManPageExampleIsAValidTheme() throws {
        let page = try read("man/taskflow-themes.5")
        let start = try XCTUnwrap(page.range(of: ".EX\n# ~/.config/taskflow/themes/ocean.toml\n"))
        let end = try XCTUnwrap(page.range(of: ".EE", range: start.upperBound..<page.endIndex))
        let file = try ThemeFile(name: "ocean", parsing: String(page[start.upperBound..<end.lowerBound]))
        XCTAssertEqual(file.description, "Blue and calm")
        XCTAssertEqual(file.theme[.overdue].attributes, [.bold, .underline])
    }
}
