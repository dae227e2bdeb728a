import TerminalUI
import XCTest

final class LayoutTests: XCTestCase {
    func testVerticalSplitWithHeaderFooterAndBody() {
        let parts = Rect(x: 0, y: 0, width: 80, height: 24).split(.vertical, [.fixed(1), .fill(), .fixed(1)])
        XCTAssertEqual(parts, [
            Rect(x: 0, y: 0, width: 80, height: 1),
            Rect(x: 0, y: 1, width: 80, height: 22),
            Rect(x: 0, y: 23, width: 80, height: 1),
        ])
    }

    func testHorizontalSplitByRatioWithSpacing() {
        let parts = Rect(x: 0, y: 0, width: 101, height: 10).split(.horizontal, [.ratio(2, 5), .fill()], spacing: 1)
        XCTAssertEqual(parts, [Rect(x: 0, y: 0, width: 40, height: 10), Rect(x: 41, y: 0, width: 60, height: 10)])
    }

    func testFillWeightsShareTheRemainderAndTheLastTakesRounding() {
        let parts = Rect(x: 0, y: 0, width: 10, height: 1).split(.horizontal, [.fill(1), .fill(2)])
        XCTAssertEqual(parts.map(\.width), [3, 7])
    }

    func testTooSmallAreaGivesEmptyPartsNotNegativeOnes() {
        let parts = Rect(x: 0, y: 0, width: 10, height: 3).split(.vertical, [.fixed(2), .fixed(2), .fill()])
        XCTAssertEqual(parts.map(\.height), [2, 1, 0])
        XCTAssertTrue(parts.allSatisfy { $0.maxY <= 3 })
    }

    func testInsetsAndCentering() {
        let area = Rect(x: 0, y: 0, width: 20, height: 10)
        XCTAssertEqual(area.inset(by: 1), Rect(x: 1, y: 1, width: 18, height: 8))
        XCTAssertEqual(area.inset(by: Insets(horizontal: 2)), Rect(x: 2, y: 0, width: 16, height: 10))
        XCTAssertEqual(area.inset(by: 20), Rect(x: 20, y: 20, width: 0, height: 0))
        XCTAssertEqual(area.centered(width: 10, height: 4), Rect(x: 5, y: 3, width: 10, height: 4))
        XCTAssertEqual(area.centered(width: 30, height: 4), Rect(x: 0, y: 3, width: 20, height: 4))
    }

    func testIntersection() {
        let a = Rect(x: 0, y: 0, width: 10, height: 10)
        XCTAssertEqual(a.intersection(Rect(x: 5, y: 5, width: 10, height: 10)), Rect(x: 5, y: 5, width: 5, height: 5))
        XCTAssertTrue(a.intersection(Rect(x: 20, y: 0, width: 5, height: 5)).isEmpty)
    }
}
