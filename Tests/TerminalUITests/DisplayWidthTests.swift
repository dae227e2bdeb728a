import TerminalUI
import XCTest

final class DisplayWidthTests: XCTestCase {
    func testASCIIIsOneColumnPerCharacter() {
        XCTAssertEqual(DisplayWidth.of("Buy milk"), 8)
        XCTAssertEqual(DisplayWidth.of(""), 0)
    }

    func testCJKHangulAndFullwidthAreTwoColumns() {
        XCTAssertEqual(DisplayWidth.of("日本語"), 6)
        XCTAssertEqual(DisplayWidth.of("中文任务"), 8)
        XCTAssertEqual(DisplayWidth.of("한국어"), 6)
        XCTAssertEqual(DisplayWidth.of("カタカナ"), 8)
        XCTAssertEqual(DisplayWidth.of("ＡＢ"), 4)
        XCTAssertEqual(DisplayWidth.of("、。"), 4)
        XCTAssertEqual(DisplayWidth.of("𠀋"), 2, "CJK Extension B, outside the BMP")
        XCTAssertEqual(DisplayWidth.of("ｆｕｌｌ"), 8)
        XCTAssertEqual(DisplayWidth.of("\u{17000}\u{18800}"), 4, "Tangut ideograph and component are wide, as in glibc")
    }

    func testConjoiningHangulJamoFormOneWideGlyph() {
        XCTAssertEqual(DisplayWidth.of("\u{1100}\u{1161}\u{11A8}"), 2)
    }

    func testThaiVowelsAboveAndBelowAndToneMarksTakeNoColumn() {
        // ภ า ษ า ไ ท ย: every letter and vowel here is a spacing character.
        XCTAssertEqual(DisplayWidth.of("ภาษาไทย"), 7)
        // ส ว ั ส ด ี: MAI HAN-AKAT and SARA II sit above their consonant.
        XCTAssertEqual(DisplayWidth.of("สวัสดี"), 4)
        // ท ี ่: a vowel and a tone mark stacked on one consonant.
        XCTAssertEqual(DisplayWidth.of("ที่"), 1)
    }

    func testCombiningMarksTakeNoColumn() {
        XCTAssertEqual(DisplayWidth.of("e\u{301}"), 1)
        XCTAssertEqual(DisplayWidth.of("Cafe\u{301}"), 4)
        XCTAssertEqual(DisplayWidth.of("a\u{20DD}"), 1, "enclosing mark")
    }

    func testEmojiAreTwoColumnsWhateverTheirSequence() {
        XCTAssertEqual(DisplayWidth.of("😀"), 2)
        XCTAssertEqual(DisplayWidth.of("👨‍👩‍👧‍👦"), 2, "ZWJ family")
        XCTAssertEqual(DisplayWidth.of("🏳️‍🌈"), 2, "ZWJ sequence with VS16")
        XCTAssertEqual(DisplayWidth.of("🇯🇵"), 2, "flag")
        XCTAssertEqual(DisplayWidth.of("🇯🇵🇫🇷"), 4, "two flags")
        XCTAssertEqual(DisplayWidth.of("👍🏽"), 2, "skin tone")
        XCTAssertEqual(DisplayWidth.of("❤️"), 2, "text-default symbol with VS16")
        XCTAssertEqual(DisplayWidth.of("1️⃣"), 2, "keycap")
        XCTAssertEqual(DisplayWidth.of("👩‍💻"), 2, "ZWJ profession")
        XCTAssertEqual(DisplayWidth.of("\u{1F321}\u{FE0F}"), 2, "thermometer asked for in emoji presentation")
    }

    func testTextPresentationStaysNarrow() {
        XCTAssertEqual(DisplayWidth.of("❤"), 1)
        XCTAssertEqual(DisplayWidth.of("☺︎"), 1, "VS15 asks for text presentation")
        XCTAssertEqual(DisplayWidth.of("\u{1F321}"), 1, "thermometer is text by default: wcwidth 1, not in a wide range")
    }

    func testZeroWidthCharactersOnTheirOwn() {
        XCTAssertEqual(DisplayWidth.of("\u{200B}"), 0, "zero width space")
        XCTAssertEqual(DisplayWidth.of("a\u{200D}b"), 2, "ZWJ between letters")
        XCTAssertEqual(DisplayWidth.of("\u{FE0F}"), 0)
        XCTAssertEqual(DisplayWidth.of("\u{200E}x\u{200F}"), 3, "LRM and RLM are bidi controls: drawn as replacements")
        XCTAssertEqual(DisplayWidth.of("\u{2060}"), 0, "word joiner")
    }

    func testAmbiguousWidthCountsAsNarrow() {
        XCTAssertEqual(DisplayWidth.of("…"), 1)
        XCTAssertEqual(DisplayWidth.of("┌─┐"), 3)
        XCTAssertEqual(DisplayWidth.of("α"), 1)
    }

    func testControlCharactersCountAsTheirReplacement() {
        XCTAssertEqual(DisplayWidth.of(Character("\u{7}")), 1)
        XCTAssertEqual(DisplayWidth.of("a\u{0}b"), 3)
        XCTAssertEqual(DisplayWidth.of("\u{1B}[31mred\u{1B}[0m"), 5, "each escape sequence is one replacement")
        XCTAssertEqual(DisplayWidth.of("a\tb"), 3, "a tab is one space")
    }

    func testSoftHyphenIsVisibleAsInGlibc() {
        XCTAssertEqual(DisplayWidth.of("co\u{AD}op"), 5)
    }

    func testTruncationCountsColumnsAndNeverSplitsAWideCharacter() {
        XCTAssertEqual(DisplayWidth.truncate("日本語のタスク", to: 7), "日本語…")
        XCTAssertEqual(DisplayWidth.truncate("short", to: 10), "short")
        XCTAssertEqual(DisplayWidth.truncate("short", to: 5), "short")
        XCTAssertEqual(DisplayWidth.truncate("shorter", to: 5), "shor…")
        XCTAssertEqual(DisplayWidth.truncate("🎉🎉🎉🎉", to: 6), "🎉🎉…")
        XCTAssertEqual(DisplayWidth.truncate("abc", to: 0), "")
    }

    func testTruncationAndPaddingSanitise() {
        XCTAssertEqual(DisplayWidth.truncate("a\u{1B}[31mred\u{202E}xyz", to: 6), "a\u{FFFD}red…")
        XCTAssertEqual(DisplayWidth.pad("\u{1B}]52;c;aGk=\u{7}日", to: 5), "\u{FFFD}日  ")
        XCTAssertEqual(DisplayWidth.pad("toolong", to: 3), "toolong", "padding never cuts")
    }

    func testScalarWidths() {
        XCTAssertEqual(DisplayWidth.of(Unicode.Scalar(0x4E00)!), 2)
        XCTAssertEqual(DisplayWidth.of(Unicode.Scalar(0x0301)!), 0)
        XCTAssertEqual(DisplayWidth.of(Unicode.Scalar(0x1F600)!), 2)
        XCTAssertEqual(DisplayWidth.of(Unicode.Scalar(0x00AD)!), 1, "soft hyphen is visible, as in glibc")
        XCTAssertEqual(DisplayWidth.of(Unicode.Scalar(0xA4D0)!), 1, "Lisu, just past Yi")
    }
}
