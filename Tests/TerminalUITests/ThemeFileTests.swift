import TerminalUI
import XCTest

final class ThemeFileTests: XCTestCase {
    private func error(_ text: String) -> TOMLError? {
        do {
            _ = try ThemeFile(name: "t", parsing: text)
            return nil
        } catch {
            return error
        }
    }

    func testRolesColoursAndAttributes() throws {
        let file = try ThemeFile(name: "ocean", parsing: """
        description = "Blue and calm"
        [header]
        fg256 = 255
        bg256 = "#005f87"
        fg8 = "white"
        bg8 = "blue"
        attributes = ["bold", "underline"]
        [priorityHigh]
        fg256 = "bright-red"
        attributes = "bold"
        """)
        XCTAssertEqual(file.description, "Blue and calm")
        XCTAssertEqual(file.theme.name, "ocean")
        XCTAssertEqual(
            file.theme[.header],
            ThemeEntry(foreground256: TerminalColor(index: 255), background256: TerminalColor(index: 24),
                       foreground8: .white, background8: .blue, attributes: [.bold, .underline])
        )
        XCTAssertEqual(file.theme[.priorityHigh], ThemeEntry(foreground256: TerminalColor(index: 9), attributes: .bold))
        // A role the file does not mention looks like normal text.
        XCTAssertEqual(file.theme[.overdue], .plain)
    }

    func testMistakesAreErrorsWithTheirLine() {
        XCTAssertEqual(error("[header]\nfg256 = 300"), TOMLError(line: 2, message: "fg256 = 300 is not a colour (a name, 0-255 or \"#rrggbb\")"))
        XCTAssertEqual(error("[header]\nfg8 = 12"), TOMLError(line: 2, message: "fg8 = 12 is not one of the 8 basic colours"))
        XCTAssertEqual(error("[header]\nfg256 = \"purpleish\""), TOMLError(line: 2, message: "fg256 = \"purpleish\" is not a colour (a name, 0-255 or \"#rrggbb\")"))
        XCTAssertEqual(error("\n[heder]"), TOMLError(line: 2, message: "unknown role [heder]"))
        XCTAssertEqual(error("[header]\ncolour = 1"), TOMLError(line: 2, message: "unknown key \"colour\" in [header] (expected fg256, bg256, fg8, bg8, attributes)"))
        XCTAssertEqual(error("[header]\nattributes = [\"blink\"]"), TOMLError(line: 2, message: "attributes = [\"blink\"] is not a list of bold, underline, reverse, dim"))
        XCTAssertEqual(error("name = \"x\""), TOMLError(line: 1, message: "unknown key \"name\" (only description belongs above the first [role])"))
        XCTAssertEqual(error("description = 1"), TOMLError(line: 1, message: "description must be a string, found an integer"))
    }
}
