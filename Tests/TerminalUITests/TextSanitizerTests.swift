import TerminalUI
import XCTest

final class TextSanitizerTests: XCTestCase {
    func testPlainTextIsUntouched() {
        let text = "Fix 日本語 bug 🐛 café"
        XCTAssertEqual(TextSanitizer.sanitize(text), text)
    }

    func testEscapeSequencesBecomeOneReplacementEach() {
        XCTAssertEqual(TextSanitizer.sanitize("\u{1B}[31mred\u{1B}[0m"), "\u{FFFD}red\u{FFFD}")
        XCTAssertEqual(TextSanitizer.sanitize("a\u{1B}[2J\u{1B}[Hb"), "a\u{FFFD}\u{FFFD}b", "clear screen and home")
        XCTAssertEqual(TextSanitizer.sanitize("\u{1B}]0;pwned\u{7}title"), "\u{FFFD}title", "OSC window title ended by BEL")
        XCTAssertEqual(TextSanitizer.sanitize("\u{1B}]8;;http://x\u{1B}\\link"), "\u{FFFD}link", "OSC 8 ended by ST")
        XCTAssertEqual(TextSanitizer.sanitize("\u{1B}cafter"), "\u{FFFD}after", "ESC c (full reset)")
        XCTAssertEqual(TextSanitizer.sanitize("\u{9B}31mx"), "\u{FFFD}x", "8-bit CSI")
        XCTAssertEqual(TextSanitizer.sanitize("end\u{1B}"), "end\u{FFFD}")
        XCTAssertEqual(TextSanitizer.sanitize("evil\u{1B}[2Jtitle"), "evil\u{FFFD}title", "no [2J left behind")
        XCTAssertEqual(TextSanitizer.sanitize("\u{1B}]52;c;cm0gLXJmIH4=\u{7}x"), "\u{FFFD}x", "OSC 52 clipboard write")
        XCTAssertEqual(TextSanitizer.sanitize("\u{9D}8;;http://x\u{9C}y"), "\u{FFFD}y", "8-bit OSC ended by 8-bit ST")
    }

    func testControlCharactersDELAndC1AreReplaced() {
        XCTAssertEqual(TextSanitizer.sanitize("a\u{0}b\u{7}c\u{8}d\u{7F}e\u{85}f"), "a\u{FFFD}b\u{FFFD}c\u{FFFD}d\u{FFFD}e\u{FFFD}f")
        XCTAssertEqual(TextSanitizer.sanitize("line1\nline2\r"), "line1\u{FFFD}line2\u{FFFD}")
    }

    func testBidiOverridesAreReplaced() {
        XCTAssertEqual(TextSanitizer.sanitize("abc\u{202E}fed"), "abc\u{FFFD}fed")
        XCTAssertEqual(TextSanitizer.sanitize("\u{2066}x\u{2069}"), "\u{FFFD}x\u{FFFD}")
        // Every Bidi_Control: the marks (LRM, RLM, ALM) reorder neighbouring text too.
        XCTAssertEqual(TextSanitizer.sanitize("a\u{200E}b\u{200F}c\u{061C}d"), "a\u{FFFD}b\u{FFFD}c\u{FFFD}d")
    }

    func testTabIsASpace() {
        XCTAssertEqual(TextSanitizer.sanitize("a\tb"), "a b")
    }
}
