import TerminalUI
import XCTest

final class ListViewTests: XCTestCase {
    private let rows = (0..<10).map { ListRow([Span("Task \($0)")]) }

    func testShowsTheTopWhenTheSelectionIsVisible() {
        var buffer = ScreenBuffer(width: 10, height: 3)
        buffer.render(ListView(rows: rows, state: ListState(selected: 1)), in: buffer.area)
        XCTAssertEqual(buffer.description, "Task 0\nTask 1\nTask 2")
        XCTAssertEqual(buffer[0, 1].style, Style(.listSelected))
        XCTAssertEqual(buffer[9, 1].style, Style(.listSelected), "the highlight spans the whole row")
        XCTAssertEqual(buffer[0, 0].style, .normal)
    }

    func testScrollsJustEnoughToKeepTheCursorVisible() {
        var buffer = ScreenBuffer(width: 10, height: 3)
        buffer.render(ListView(rows: rows, state: ListState(selected: 5)), in: buffer.area)
        XCTAssertEqual(buffer.description, "Task 3\nTask 4\nTask 5")
        XCTAssertEqual(buffer[0, 2].style, Style(.listSelected))

        // Moving back up inside the visible rows does not scroll.
        var state = ListState(selected: 5)
        state.scrollToSelection(visibleRows: 3, count: rows.count)
        state.move(by: -1, count: rows.count)
        buffer.render(ListView(rows: rows, state: state), in: buffer.area)
        XCTAssertEqual(buffer.description, "Task 3\nTask 4\nTask 5")
        XCTAssertEqual(buffer[0, 1].style, Style(.listSelected))
        XCTAssertEqual(buffer[0, 2].style, .normal)
    }

    func testScrollMarginKeepsRowsAroundTheCursor() {
        var buffer = ScreenBuffer(width: 10, height: 3)
        buffer.render(ListView(rows: rows, state: ListState(selected: 5), scrollMargin: 1), in: buffer.area)
        XCTAssertEqual(buffer.description, "Task 4\nTask 5\nTask 6")
    }

    func testCursorMovementStopsAtTheEnds() {
        var state = ListState(selected: 0)
        state.move(by: -3, count: 10)
        XCTAssertEqual(state.selected, 0)
        state.move(by: 100, count: 10)
        XCTAssertEqual(state.selected, 9)
        XCTAssertEqual(state.offsetShowingSelection(visibleRows: 4, count: 10), 6)
        state.select(3, count: 0)
        XCTAssertNil(state.selected)
    }

    func testUnfocusedListUsesTheQuietHighlight() {
        var buffer = ScreenBuffer(width: 10, height: 2)
        buffer.render(ListView(rows: rows, state: ListState(selected: 0), isFocused: false), in: buffer.area)
        XCTAssertEqual(buffer[0, 0].style, Style(.listSelectedUnfocused))
    }

    func testTheHighlightDrawsEverythingInItsOwnColoursKeepingAttributes() {
        // A red or dim mark on the highlight bar was unreadable in some themes.
        var buffer = ScreenBuffer(width: 12, height: 2)
        let row = ListRow([Span("!", style: Style(.priorityHigh, attributes: .bold)), Span(" Ship it")])
        buffer.render(ListView(rows: [row, row], state: ListState(selected: 0)), in: buffer.area)
        XCTAssertEqual(buffer[0, 0].style, Style(.listSelected, attributes: .bold))
        XCTAssertEqual(buffer[2, 0].style, Style(.listSelected))
        XCTAssertEqual(buffer[0, 1].style, Style(.priorityHigh, attributes: .bold), "other rows keep their colours")
    }

    func testTrailingSpansStayFlushRightWhileTheTitleIsTruncated() {
        var buffer = ScreenBuffer(width: 16, height: 2)
        let list = [
            ListRow([Span("Buy milk and bread")], trailing: [Span("in 3d", .dueSoon)]),
            ListRow([Span("Call Bob")], trailing: [Span("today", .dueSoon)]),
        ]
        buffer.render(ListView(rows: list, state: ListState(selected: nil)), in: buffer.area)
        XCTAssertEqual(buffer.description, """
            Buy milk … in 3d
            Call Bob   today
            """)
        XCTAssertEqual(buffer[11, 0].style, Style(.dueSoon))
    }

    func testEmptyListShowsThePlaceholder() {
        var buffer = ScreenBuffer(width: 20, height: 2)
        buffer.render(ListView(rows: [], state: ListState(selected: nil), placeholder: "No tasks"), in: buffer.area)
        XCTAssertEqual(buffer.description, "No tasks")
        XCTAssertEqual(buffer[0, 0].style, Style(.dim))
    }

    func testRendersOnlyInsideItsArea() {
        var buffer = ScreenBuffer(width: 12, height: 4)
        buffer.fill(buffer.area, with: ".")
        buffer.render(ListView(rows: rows, state: ListState(selected: 0)), in: Rect(x: 2, y: 1, width: 8, height: 2))
        XCTAssertEqual(buffer.description, """
            ............
            ..Task 0  ..
            ..Task 1  ..
            ............
            """)
    }
}
