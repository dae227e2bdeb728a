import TerminalUI
import XCTest

final class ScreenBufferPutTests: XCTestCase {
    func testTextThatFitsIsWrittenWhole() {
        var buffer = ScreenBuffer(width: 10, height: 1)
        XCTAssertEqual(buffer.put("Buy milk", at: .zero), 8)
        XCTAssertEqual(buffer.description, "Buy milk")
    }

    func testTextOfExactlyMaxWidthIsNotTruncated() {
        var buffer = ScreenBuffer(width: 10, height: 1)
        XCTAssertEqual(buffer.put("abcdef", at: .zero, maxWidth: 6), 6)
        XCTAssertEqual(buffer.description, "abcdef")
    }

    func testLongerTextEndsInEllipsisAtExactlyMaxWidth() {
        var buffer = ScreenBuffer(width: 10, height: 1)
        XCTAssertEqual(buffer.put("abcdefg", at: .zero, maxWidth: 6), 6)
        XCTAssertEqual(buffer.description, "abcde…")
    }

    func testRightEdgeOfTheBufferLimitsLikeMaxWidth() {
        var buffer = ScreenBuffer(width: 8, height: 1)
        XCTAssertEqual(buffer.put("Hello, world", at: Point(x: 2, y: 0)), 6)
        XCTAssertEqual(buffer.description, "  Hello…")
    }

    func testWideGlyphsCountTwoColumns() {
        var buffer = ScreenBuffer(width: 10, height: 1)
        XCTAssertEqual(buffer.put("日本語", at: .zero), 6)
        XCTAssertEqual(buffer.description, "日本語")
        XCTAssertEqual(buffer[0, 0].width, 2)
        XCTAssertTrue(buffer[1, 0].isContinuation)
    }

    func testWideGlyphIsNeverSplitAtTheLimit() {
        var buffer = ScreenBuffer(width: 10, height: 2)
        // 5 columns: 日本 (4) + … (1).
        XCTAssertEqual(buffer.put("日本語", at: .zero, maxWidth: 5), 5)
        // 4 columns: 日 (2) + … (1), and the column 本 could not half-fill stays blank.
        XCTAssertEqual(buffer.put("日本語", at: Point(x: 0, y: 1), maxWidth: 4), 4)
        XCTAssertEqual(buffer.lines, ["日本…     ", "日… " + "      "])
        XCTAssertEqual(buffer[3, 1].text, " ")
    }

    func testWideGlyphAtTheRightEdgeOfTheBuffer() {
        var buffer = ScreenBuffer(width: 5, height: 1)
        XCTAssertEqual(buffer.put("a日", at: Point(x: 2, y: 0)), 3, "exactly fits")
        XCTAssertEqual(buffer.description, "  a日")
        buffer.clear()
        XCTAssertEqual(buffer.put("abc日", at: Point(x: 1, y: 0)), 4)
        XCTAssertEqual(buffer.description, " abc…")
        buffer.clear()
        XCTAssertEqual(buffer.put("日", at: Point(x: 4, y: 0)), 1, "no room for a wide glyph in the last column")
        XCTAssertEqual(buffer.description, "    …")
    }

    func testEmojiSequencesOccupyTwoCells() {
        var buffer = ScreenBuffer(width: 12, height: 1)
        XCTAssertEqual(buffer.put("👨‍👩‍👧🇯🇵x", at: .zero), 5)
        XCTAssertEqual(buffer[0, 0].text, "👨‍👩‍👧")
        XCTAssertEqual(buffer[2, 0].text, "🇯🇵")
        XCTAssertEqual(buffer[4, 0].text, "x")
    }

    func testCombiningMarksStayWithTheirBase() {
        var buffer = ScreenBuffer(width: 6, height: 1)
        XCTAssertEqual(buffer.put("ที่นี่", at: .zero), 2)
        XCTAssertEqual(buffer[0, 0].text, "ที่")
        XCTAssertEqual(buffer[1, 0].text, "นี่")
    }

    func testControlCharactersAndEscapesCannotReachTheTerminal() {
        var buffer = ScreenBuffer(width: 20, height: 1)
        let used = buffer.put("ok\u{1B}[2J\u{1B}]0;x\u{7}\u{8}\u{202E}!", at: .zero)
        XCTAssertEqual(buffer.description, "ok\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}!")
        XCTAssertEqual(used, 7)
        let allText = buffer.lines.joined()
        XCTAssertFalse(allText.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
    }

    func testStandaloneZeroWidthClustersAreDropped() {
        var buffer = ScreenBuffer(width: 6, height: 1)
        XCTAssertEqual(buffer.put("\u{301}a\u{200B}b", at: .zero), 2)
        XCTAssertEqual(buffer.description, "ab")
    }

    func testOverwritingHalfAWideGlyphBlanksTheOtherHalf() {
        var buffer = ScreenBuffer(width: 6, height: 1)
        buffer.put("日本語", at: .zero)
        buffer.put("x", at: Point(x: 1, y: 0))
        XCTAssertEqual(buffer.description, " x本語")
        buffer.put("y", at: Point(x: 2, y: 0))
        XCTAssertEqual(buffer.description, " xy 語")
        XCTAssertFalse(buffer[3, 0].isContinuation)
    }

    func testOutOfBoundsWritesNothing() {
        var buffer = ScreenBuffer(width: 4, height: 1)
        XCTAssertEqual(buffer.put("abc", at: Point(x: 0, y: 1)), 0)
        XCTAssertEqual(buffer.put("abc", at: Point(x: 4, y: 0)), 0)
        XCTAssertEqual(buffer.put("abc", at: .zero, maxWidth: 0), 0)
        XCTAssertEqual(buffer.description, "")
    }

    func testSingleColumnShowsOnlyTheEllipsis() {
        var buffer = ScreenBuffer(width: 4, height: 1)
        XCTAssertEqual(buffer.put("abc", at: .zero, maxWidth: 1), 1)
        XCTAssertEqual(buffer.description, "…")
    }

    func testStyleIsRecordedPerCell() {
        var buffer = ScreenBuffer(width: 4, height: 1)
        buffer.put("ab", at: Point(x: 1, y: 0), style: Style(.error))
        XCTAssertEqual(buffer[0, 0].style, .normal)
        XCTAssertEqual(buffer[1, 0].style, Style(.error))
        XCTAssertEqual(buffer[2, 0].style, Style(.error))
    }

    func testSpansShareOneEllipsis() {
        var buffer = ScreenBuffer(width: 20, height: 2)
        let spans = [Span("[x] ", .statusDone), Span("Write the report", .normal)]
        XCTAssertEqual(buffer.put(spans, at: .zero, maxWidth: 12), 12)
        XCTAssertEqual(buffer.put(spans, at: Point(x: 0, y: 1), maxWidth: 20), 20)
        XCTAssertEqual(buffer.lines[0], "[x] Write t…        ")
        XCTAssertEqual(buffer.lines[1], "[x] Write the report")
        XCTAssertEqual(buffer[0, 0].style, Style(.statusDone))
        XCTAssertEqual(buffer[11, 0].style, .normal, "the ellipsis takes the style of the span it cuts")
    }

    func testSpanThatFitsButIsFollowedByMoreStillGetsTheEllipsis() {
        var buffer = ScreenBuffer(width: 10, height: 1)
        buffer.put([Span("abcde"), Span("fgh")], at: .zero, maxWidth: 5)
        XCTAssertEqual(buffer.description, "abcd…")
    }
}
