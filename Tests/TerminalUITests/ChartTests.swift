import TerminalUI
import XCTest

final class ChartTests: XCTestCase {
    func testBarChartScalesToTheLargestValueInEighths() {
        var buffer = ScreenBuffer(width: 36, height: 3)
        let chart = BarChart([.init("todo", 12), .init("in progress", 3), .init("done", 6)])
        buffer.render(chart, in: buffer.area)
        XCTAssertEqual(buffer.description, """
            todo        12 █████████████████████
            in progress  3 █████▎
            done         6 ██████████▌
            """)
        XCTAssertEqual(buffer[15, 0].style, Style(.barFill))
    }

    func testBarChartGivesNonZeroValuesAVisibleBar() {
        var buffer = ScreenBuffer(width: 20, height: 2)
        buffer.render(BarChart([.init("a", 1000), .init("b", 1)]), in: buffer.area)
        XCTAssertEqual(buffer.lines[1], "b    1 ▏            ")
    }

    func testBarChartFixedMaximum() {
        var buffer = ScreenBuffer(width: 12, height: 1)
        buffer.render(BarChart([.init("x", 5)], maxValue: 10), in: buffer.area)
        // 8 bar columns; 5 of 10 is 4 columns.
        XCTAssertEqual(buffer.description, "x 5 ████")
    }

    func testSparklineUsesEighthBlocksAndBlankForZero() {
        var buffer = ScreenBuffer(width: 12, height: 1)
        buffer.render(Sparkline([0, 1, 2, 3, 4, 5, 6, 7, 8]), in: buffer.area)
        XCTAssertEqual(buffer.description, " ▁▂▃▄▅▆▇█")
    }

    func testSparklineShowsTheLatestValuesWhenNarrow() {
        var buffer = ScreenBuffer(width: 3, height: 1)
        buffer.render(Sparkline([8, 8, 8, 0, 4, 8]), in: buffer.area)
        XCTAssertEqual(buffer.description, " ▄█")
    }

    func testColumnChartStacksEighthsOverRowsWithLabels() {
        var buffer = ScreenBuffer(width: 8, height: 3)
        buffer.render(ColumnChart([0, 4, 8, 2], labels: ["1", "2", "3", "4"], columnWidth: 1, gap: 1), in: buffer.area)
        XCTAssertEqual(buffer.description, """
                █
              █ █ ▄
            1 2 3 4
            """)
        XCTAssertEqual(buffer[0, 2].style, Style(.dim))
        XCTAssertEqual(buffer[4, 0].style, Style(.chart))
    }

    func testFourteenDayChartFitsFortyOneColumns() {
        var buffer = ScreenBuffer(width: 41, height: 2)
        let days = (1...14).map { $0 }
        buffer.render(ColumnChart(days, columnWidth: 2, gap: 1), in: buffer.area)
        // 14 columns of 2 rows: 16 eighths for the top value, 1.14 eighths a step.
        XCTAssertEqual(buffer.lines[0], String(repeating: " ", count: 21) + "▁▁ ▂▂ ▃▃ ▅▅ ▆▆ ▇▇ ██")
        XCTAssertEqual(buffer.lines[1], "▁▁ ▂▂ ▃▃ ▅▅ ▆▆ ▇▇ ██ ██ ██ ██ ██ ██ ██ ██")
    }

    func testColumnChartShowsTheLatestColumnsWhenNarrow() {
        var buffer = ScreenBuffer(width: 5, height: 1)
        buffer.render(ColumnChart([8, 8, 8, 4, 8], columnWidth: 1, gap: 1), in: buffer.area)
        XCTAssertEqual(buffer.description, "█ ▄ █")
    }
}
