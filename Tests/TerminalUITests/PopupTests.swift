import TerminalUI
import XCTest

final class PopupTests: XCTestCase {
    func testPopupIsCentredOverWhatWasThereWithWrappedBody() {
        var buffer = ScreenBuffer(width: 20, height: 7)
        buffer.fill(buffer.area, with: ".")
        let popup = Popup(title: "Delete?", body: "Delete task 12? y/n", width: 16, height: 5)
        buffer.render(popup, in: buffer.area)
        XCTAssertEqual(buffer.description, """
            ....................
            ..┌ Delete? ─────┐..
            ..│ Delete task  │..
            ..│ 12? y/n      │..
            ..│              │..
            ..└──────────────┘..
            ....................
            """)
        XCTAssertEqual(buffer[2, 1].style, Style(.borderFocused).on(.popup))
        XCTAssertEqual(buffer[4, 2].style, Style(.popup))
        XCTAssertEqual(popup.contentArea(in: buffer.area), Rect(x: 4, y: 2, width: 12, height: 3))
    }

    func testPopupShrinksToASmallTerminal() {
        var buffer = ScreenBuffer(width: 10, height: 3)
        buffer.render(Popup(title: "Error", body: "Server unreachable", width: 40, height: 10), in: buffer.area)
        XCTAssertEqual(buffer.description, """
            ┌ Error ─┐
            │ Server │
            └────────┘
            """)
    }

    func testFittingPopupIsTallEnoughForItsBody() {
        let popup = Popup.fitting(title: "Help", body: "one two three four five", width: 12)
        // 8 columns inside: "one two" / "three" / "four" / "five".
        XCTAssertEqual(popup.height, 6)
    }
}
