import TerminalUI
import XCTest

final class TextViewTests: XCTestCase {
    func testWrapsAtWordsByDisplayWidth() {
        XCTAssertEqual(
            TextWrap.wrap("The quick brown fox jumps over the lazy dog", width: 10),
            ["The quick", "brown fox", "jumps over", "the lazy", "dog"]
        )
    }

    func testWideTextWrapsByColumnsNotCharacters() {
        XCTAssertEqual(TextWrap.wrap("日本語のテキストです", width: 7), ["日本語", "のテキ", "ストで", "す"])
        XCTAssertEqual(TextWrap.wrap("買う milk", width: 6), ["買う", "milk"])
    }

    func testLongWordsAreBrokenAndParagraphsKept() {
        XCTAssertEqual(TextWrap.wrap("abcdefghij", width: 4), ["abcd", "efgh", "ij"])
        XCTAssertEqual(TextWrap.wrap("a\n\nb", width: 4), ["a", "", "b"])
        XCTAssertEqual(TextWrap.wrap("  - item one two", width: 10), ["  - item", "one two"])
        XCTAssertEqual(TextWrap.wrap("x\r\ny", width: 4), ["x", "y"])
    }

    func testRendersTheScrolledWindowOfLines() {
        var buffer = ScreenBuffer(width: 10, height: 3)
        let view = TextView("The quick brown fox jumps over the lazy dog", scroll: 1)
        buffer.render(view, in: buffer.area)
        XCTAssertEqual(buffer.description, "brown fox\njumps over\nthe lazy")
        XCTAssertEqual(view.maxScroll(in: buffer.area), 2)
    }

    func testScrollIsClampedToTheLastPage() {
        var buffer = ScreenBuffer(width: 10, height: 3)
        buffer.render(TextView("The quick brown fox jumps over the lazy dog", scroll: 99), in: buffer.area)
        XCTAssertEqual(buffer.description, "jumps over\nthe lazy\ndog")
    }

    func testControlCharactersInDescriptionsAreNeutralised() {
        var buffer = ScreenBuffer(width: 12, height: 1)
        buffer.render(TextView("a\u{1B}[31mb"), in: buffer.area)
        XCTAssertEqual(buffer.description, "a\u{FFFD}b")
    }
}
