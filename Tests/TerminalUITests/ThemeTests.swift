import TerminalUI
import XCTest

final class ThemeTests: XCTestCase {
    func testDefaultThemeIn256And8Colours() {
        let style = Style(.priorityHigh)
        XCTAssertEqual(
            Theme.default.resolve(style, mode: .palette256),
            ResolvedStyle(foreground: TerminalColor(index: 203), background: .default, attributes: .bold)
        )
        XCTAssertEqual(Theme.default.resolve(style, mode: .eight), ResolvedStyle(foreground: .red, attributes: .bold))
    }

    func testTextColourOnAnotherRolesBackground() {
        let resolved = Theme.default.resolve(Style(.priorityHigh).on(.listSelected), mode: .palette256)
        XCTAssertEqual(resolved.foreground, TerminalColor(index: 203))
        XCTAssertEqual(resolved.background, TerminalColor(index: 25))
    }

    func testNoColourFallsBackToMonoAttributes() {
        XCTAssertEqual(Theme.default.resolve(Style(.listSelected), mode: .none), ResolvedStyle(attributes: [.reverse, .bold]))
        XCTAssertEqual(
            Theme.default.resolve(Style(.overdue).on(.listSelected), mode: .none),
            ResolvedStyle(attributes: [.bold, .underline, .reverse])
        )
        XCTAssertTrue(Theme.mono.isMonochrome)
        XCTAssertFalse(Theme.default.isMonochrome)
    }

    func testEveryBuiltInRoleLooksDifferentFromPlainTextWhereItMatters() {
        for role in [Role.header, .statusBar, .listSelected, .listSelectedUnfocused, .priorityHigh, .overdue, .error] {
            XCTAssertNotEqual(Theme.mono.resolve(Style(role), mode: .none), ResolvedStyle(), role.name)
            XCTAssertNotEqual(Theme.default.resolve(Style(role), mode: .eight), ResolvedStyle(), role.name)
        }
    }

    func testAThemeBuiltByAParserFallsBackToNormal() throws {
        var theme = Theme(name: "custom")
        theme[.normal] = ThemeEntry(foreground256: try XCTUnwrap(TerminalColor(parsing: "252")), foreground8: .white)
        theme[.overdue] = ThemeEntry(
            foreground256: try XCTUnwrap(TerminalColor(parsing: "#ff0000")), foreground8: try XCTUnwrap(TerminalColor(parsing: "red")),
            attributes: try XCTUnwrap(Attributes(parsing: "bold, underline"))
        )
        XCTAssertEqual(
            theme.resolve(Style(.overdue), mode: .palette256),
            ResolvedStyle(foreground: TerminalColor(index: 196), attributes: [.bold, .underline])
        )
        XCTAssertEqual(theme.resolve(Style(.dueSoon), mode: .palette256).foreground, TerminalColor(index: 252))
    }

    func testParsingThemeValues() {
        XCTAssertEqual(TerminalColor(parsing: "default"), .default)
        XCTAssertEqual(TerminalColor(parsing: "bright-red"), TerminalColor(index: 9))
        XCTAssertEqual(TerminalColor(parsing: "Cyan"), .cyan)
        XCTAssertEqual(TerminalColor(parsing: "#808080"), TerminalColor(index: 244))
        XCTAssertNil(TerminalColor(parsing: "300"))
        XCTAssertNil(TerminalColor(parsing: "purple"))
        XCTAssertEqual(Attributes(parsing: "none"), [])
        XCTAssertNil(Attributes(parsing: "blink"))
        XCTAssertEqual(Role(named: "listSelected"), .listSelected)
        XCTAssertEqual(Role(named: "footer"), .statusBar)
        XCTAssertNil(Role(named: "sparkles"))
    }

    func testColorModeDetection() {
        XCTAssertEqual(ColorMode.detect(supportedColors: 256, environment: [:]), .palette256)
        XCTAssertEqual(ColorMode.detect(supportedColors: 8, environment: [:]), .eight)
        XCTAssertEqual(ColorMode.detect(supportedColors: 0, environment: [:]), .none)
        XCTAssertEqual(ColorMode.detect(supportedColors: 256, environment: ["NO_COLOR": "1"]), .none)
        XCTAssertEqual(ColorMode.detect(supportedColors: 256, environment: ["NO_COLOR": ""]), .palette256)
    }
}
