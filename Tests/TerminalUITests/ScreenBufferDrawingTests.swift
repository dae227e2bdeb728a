import TerminalUI
import XCTest

final class ScreenBufferDrawingTests: XCTestCase {
    func testFillIsClippedToTheBuffer() {
        var buffer = ScreenBuffer(width: 4, height: 3)
        buffer.fill(Rect(x: 2, y: 1, width: 10, height: 10), with: "#", style: Style(.border))
        XCTAssertEqual(buffer.description, "\n  ##\n  ##")
        XCTAssertEqual(buffer[3, 2].style, Style(.border))
    }

    func testBoxWithTitleAndInnerArea() {
        var buffer = ScreenBuffer(width: 12, height: 4)
        let inner = buffer.drawBox(buffer.area, title: "Tasks")
        XCTAssertEqual(inner, Rect(x: 1, y: 1, width: 10, height: 2))
        buffer.put("inside", at: inner.origin)
        XCTAssertEqual(buffer.description, """
            ┌ Tasks ───┐
            │inside    │
            │          │
            └──────────┘
            """)
    }

    func testBoxTitleIsTruncated() {
        var buffer = ScreenBuffer(width: 8, height: 2)
        buffer.drawBox(buffer.area, title: "Statistics")
        XCTAssertEqual(buffer.description, "┌ Stat…┐\n└──────┘")
    }

    func testABoxLabelSitsAtTheRightEndAndTheTitleGivesWayToIt() {
        var buffer = ScreenBuffer(width: 24, height: 2)
        buffer.drawBox(buffer.area, title: "Tasks (75) · status:todo", trailing: "1/3")
        XCTAssertEqual(buffer.description, "┌ Tasks (75) · s…─ 1/3 ┐\n└──────────────────────┘")
        var narrow = ScreenBuffer(width: 14, height: 2)
        narrow.drawBox(narrow.area, title: "Tasks", trailing: "1/3")
        XCTAssertEqual(narrow.description, "┌ Tasks ─────┐\n└────────────┘", "no room for a title and the label: the title wins")
    }

    func testSetBackgroundKeepsTextColour() {
        var buffer = ScreenBuffer(width: 3, height: 1)
        buffer.put("!", at: .zero, style: Style(.priorityHigh))
        buffer.setBackground(.listSelected, in: buffer.area)
        XCTAssertEqual(buffer[0, 0].style, Style(foreground: .priorityHigh, background: .listSelected))
        XCTAssertEqual(buffer[1, 0].style, Style(foreground: .normal, background: .listSelected))
    }

    func testLinesKeepTrailingSpacesAndDescriptionTrimsThem() {
        var buffer = ScreenBuffer(width: 4, height: 2)
        buffer.put("a", at: Point(x: 1, y: 1))
        XCTAssertEqual(buffer.lines, ["    ", " a  "])
        XCTAssertEqual(buffer.description, "\n a")
    }
}
