import TerminalUI
import XCTest

final class HintBarAndHelpTests: XCTestCase {
    func testHintBarComesFromTheKeymapWithTrailingStatus() {
        var buffer = ScreenBuffer(width: 40, height: 1)
        let bindings = TestKeymap.make().bindings(for: .list, includingGlobal: true)
        buffer.render(HintBar(bindings, trailing: "1–20 of 57"), in: buffer.area)
        // `edit` has no hint, and `help` no longer fits before the trailing text.
        XCTAssertEqual(buffer.description, " j/↓ down  d delete  q quit   1–20 of 57")
        XCTAssertEqual(buffer[1, 0].style, Style(.hintKey).on(.statusBar))
        XCTAssertEqual(buffer[5, 0].style, Style(.statusBar))
        XCTAssertEqual(buffer[28, 0].style, Style(.statusBar), "the whole row is the status bar")
    }

    func testHintBarDropsWholeHintsWhenNarrow() {
        var buffer = ScreenBuffer(width: 20, height: 1)
        buffer.render(HintBar(TestKeymap.make().bindings(for: .list, includingGlobal: true)), in: buffer.area)
        XCTAssertEqual(buffer.description, " j/↓ down  d delete")
    }

    func testHelpOverlayListsKeysAndHelpText() {
        let keymap = TestKeymap.make()
        let help = HelpView([
            .init("Global", keymap.bindings(for: .global)),
            .init("List", keymap.bindings(for: .list)),
        ])
        var buffer = ScreenBuffer(width: 34, height: 9)
        buffer.render(help, in: buffer.area)
        XCTAssertEqual(buffer.description, """
            Global
              q    Quit TaskFlow
              ?    Show help

            List
              j/↓  Move down
              d    Delete the selected task
              e    Edit the selected task
            """)
    }
}
