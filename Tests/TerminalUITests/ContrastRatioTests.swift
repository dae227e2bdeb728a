import TerminalUI
import XCTest

final class ContrastRatioTests: XCTestCase {
    func testKnownPairs() throws {
        XCTAssertEqual(try XCTUnwrap(ContrastRatio.between(.white, .black)), 16.67, accuracy: 0.01, "xterm's white is 229")
        XCTAssertEqual(try XCTUnwrap(ContrastRatio.between(TerminalColor(index: 231), TerminalColor(index: 16))), 21, accuracy: 0.01)
        XCTAssertEqual(try XCTUnwrap(ContrastRatio.between(.cyan, .cyan)), 1)
        XCTAssertEqual(try XCTUnwrap(ContrastRatio.between(TerminalColor(index: 244), TerminalColor(index: 31))), 1.05, accuracy: 0.05,
                       "the done title on the selected row, as the issue measured")
        XCTAssertNil(ContrastRatio.between(.default, .black))
    }
}
