import Foundation
import TaskFlowTestSupport
import TerminalUI
import XCTest

/// Task text is untrusted: whatever another client stored, `taskflow ls` must print it
/// inert (no escape sequence, no bidi control reaches the terminal) and keep its columns.
final class HostileTitleTests: XCTestCase {
    /// Each title starts with its own marker, so its row and title column can be found.
    static let titles = [
        "#1 invoice \u{202E}fdp.exe",
        "#2 \u{1B}[31mred\u{1B}[0m alert",
        "#3 copy \u{1B}]52;c;cm0gLXJmIH4=\u{7}me",
        "#4 \u{1B}]8;;https://evil.example\u{1B}\\click\u{1B}]8;;\u{1B}\\ here",
        "#5 ring\u{7}bell",
        "#6 c1 \u{85}next \u{9B}2Jcsi \u{9D}0;title\u{9C}osc",
        "#7 isolate \u{2067}abc\u{2069} embed \u{202B}x\u{202C}",
        "#8 ภาษาไทย สวัสดี 🎉 👩‍💻",
        "#9 日本語のタスク 한국어",
        "#10 marks \u{200F}abc\u{200E} \u{061C}x",
    ]

    func testLsPrintsHostileTitlesInertAndAligned() async throws {
        try await CLIHarness.withRegisteredUser { cli, _ in try lsPrintsHostileTitlesInertAndAligned(cli) }
    }

    private func lsPrintsHostileTitlesInertAndAligned(_ cli: CLIHarness) throws {
        for title in Self.titles {
            let added = try cli.run(arguments: ["add", title, "--due", "tomorrow"])
            XCTAssertEqual(added.status, 0, added.stderr)
            XCTAssertFalse(added.stdout.unicodeScalars.contains(where: Self.isTerminalControl), added.stdout.debugDescription)
        }

        let table = try cli.run("ls")
        XCTAssertEqual(table.status, 0, table.stderr)
        let bad = table.stdout.unicodeScalars.filter(Self.isTerminalControl)
        XCTAssertEqual(bad.map { String($0.value, radix: 16) }, [], "control characters reached stdout")
        for leftover in ["[31m", "[0m", "]52;", "]8;", "[2J", "0;title"] {
            XCTAssertFalse(table.stdout.contains(leftover), "\(leftover) of an escape sequence is visible")
        }

        let lines = table.stdout.split(separator: "\n").map(String.init)
        let header = try XCTUnwrap(lines.first)
        let titleColumn = try Self.column(of: "TITLE", in: header)
        let dueColumn = try Self.column(of: "DUE", in: header)
        for index in Self.titles.indices {
            let line = try XCTUnwrap(lines.first { $0.contains("#\(index + 1) ") }, "row #\(index + 1) missing: \(lines)")
            XCTAssertEqual(try Self.column(of: "#\(index + 1) ", in: line), titleColumn, line)
            XCTAssertEqual(try Self.column(of: "tomorrow", in: line), dueColumn, line)
        }
        XCTAssertTrue(table.stdout.contains("ภาษาไทย สวัสดี 🎉 👩‍💻") && table.stdout.contains("日本語のタスク 한국어"))
    }

    /// C0 (but newline), DEL, C1, and every bidi control (embeddings, overrides,
    /// isolates, marks).
    static func isTerminalControl(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return (value < 0x20 && value != 0x0A) || (0x7F...0x9F).contains(value) || scalar.properties.isBidiControl
    }

    /// The display column where `text` starts in `line`.
    static func column(of text: String, in line: String) throws -> Int {
        let range = try XCTUnwrap(line.range(of: text), "\(text) not in \(line)")
        return DisplayWidth.of(String(line[..<range.lowerBound]))
    }
}
