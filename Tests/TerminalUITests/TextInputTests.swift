import TerminalUI
import XCTest

final class TextInputTests: XCTestCase {
    private func render(_ state: TextInputState, width: Int) -> ScreenBuffer {
        var buffer = ScreenBuffer(width: width, height: 1)
        buffer.render(TextInput(state: state), in: buffer.area)
        return buffer
    }

    func testEditingKeys() {
        var state = TextInputState("hello")
        state.handle(.char("!"))
        XCTAssertEqual(state.text, "hello!")
        state.handle(.left)
        state.handle(.left)
        state.handle(.backspace)
        XCTAssertEqual(state.text, "helo!")
        XCTAssertEqual(state.cursor, 3)
        state.handle(.home)
        state.handle(.delete)
        XCTAssertEqual(state.text, "elo!")
        state.handle(.ctrl("e"))
        state.insert(" big world")
        state.handle(.ctrl("w"))
        XCTAssertEqual(state.text, "elo! big ")
        state.handle(.ctrl("u"))
        XCTAssertEqual(state.text, "")
        XCTAssertFalse(state.handle(.enter), "Enter is for the form, not the field")
    }

    func testASelectedTextIsReplacedByTypingClearedByDeletingAndKeptByMoving() {
        var typed = TextInputState("report")
        typed.selectAll()
        XCTAssertTrue(typed.isAllSelected)
        typed.handle(.char("x"))
        XCTAssertEqual(typed.text, "x")
        XCTAssertFalse(typed.isAllSelected)
        var pasted = TextInputState("report")
        pasted.selectAll()
        pasted.handle(.paste("invoice"))
        XCTAssertEqual(pasted.text, "invoice")
        for key in [Key.backspace, .delete, .ctrl("w"), .ctrl("u"), .ctrl("k")] {
            var cleared = TextInputState("report")
            cleared.selectAll()
            XCTAssertTrue(cleared.handle(key))
            XCTAssertEqual(cleared.text, "", "\(key)")
        }
        var kept = TextInputState("report")
        kept.selectAll()
        kept.handle(.end)
        kept.handle(.char("s"))
        XCTAssertEqual(kept.text, "reports")
        kept.selectAll()
        kept.handle(.home)
        kept.handle(.char("a"))
        XCTAssertEqual(kept.text, "areports")
        var empty = TextInputState()
        empty.selectAll()
        XCTAssertFalse(empty.isAllSelected, "nothing to select")
    }

    func testASelectedTextIsDrawnAsSelected() {
        var state = TextInputState("ab")
        state.selectAll()
        let buffer = render(state, width: 5)
        XCTAssertEqual(buffer[0, 0].style, Style(.listSelected))
        XCTAssertEqual(buffer[1, 0].style, Style(.listSelected))
        XCTAssertEqual(buffer[2, 0].style, Style(.cursor))
    }

    func testPastedLinesBecomeOneLineAndControlsAreDropped() {
        var state = TextInputState()
        state.handle(.paste("one\ntwo\u{1B}[31m"))
        XCTAssertEqual(state.text, "one two[31m")
    }

    func testMaxLengthIsEnforced() {
        var state = TextInputState("abc", maxLength: 4)
        state.insert("xyz")
        XCTAssertEqual(state.text, "abcx")
    }

    func testScrollsToKeepTheCursorAtTheEndVisible() {
        let state = TextInputState("hello world")
        let buffer = render(state, width: 6)
        XCTAssertEqual(buffer.description, "world")
        XCTAssertEqual(buffer[5, 0].style, Style(.cursor))
        XCTAssertEqual(buffer[0, 0].style, Style(.inputFocused))
        XCTAssertEqual(TextInput(state: state).cursorPosition(in: buffer.area), Point(x: 5, y: 0))
    }

    func testScrollsBackWhenTheCursorMovesLeftOfTheField() {
        var state = TextInputState("hello world")
        state.scrollToCursor(width: 6)
        XCTAssertEqual(state.offset, 6)
        state.moveLeft()
        XCTAssertEqual(render(state, width: 6).description, "world", "still visible: no scroll")
        state.moveToStart()
        let buffer = render(state, width: 6)
        XCTAssertEqual(buffer.description, "hello")
        XCTAssertEqual(buffer[0, 0].style, Style(.cursor))
    }

    func testScrollsByDisplayWidthAndNeverShowsHalfAWideGlyph() {
        let state = TextInputState("日本語テキスト")
        XCTAssertEqual(render(state, width: 5).description, "スト")
        // At 4 columns the field starts in the middle of ス, which is left blank.
        let narrow = render(state, width: 4)
        XCTAssertEqual(narrow.description, " ト")
        XCTAssertEqual(narrow[3, 0].style, Style(.cursor))
    }

    func testPlaceholderShowsWhileEmpty() {
        var buffer = ScreenBuffer(width: 12, height: 1)
        buffer.render(TextInput(state: TextInputState(), isFocused: false, placeholder: "Search…"), in: buffer.area)
        XCTAssertEqual(buffer.description, "Search…")
        XCTAssertEqual(buffer[0, 0].style, Style(.dim).on(.input))
    }
}
