import TaskFlowClient
import TaskFlowCore
import TerminalUI
import XCTest
@testable import TaskFlowTUI

/// Screens rendered into buffers and compared whole, as a user would see them.
final class ViewTests: XCTestCase {
    /// Chinese, emoji, a done task, and a title carrying an escape sequence.
    let tasks = [
        Fixtures.task(1, title: "准备季度报告 for the board", status: .inProgress, priority: .high, dueInDays: -2),
        Fixtures.task(2, title: "🚀 Launch the beta", dueInDays: 0),
        Fixtures.task(3, title: "Renew passport", status: .done, priority: .low, dueInDays: 3),
        Fixtures.task(4, title: "Evil \u{1B}[31mred\u{1B}[0m title"),
    ]

    func render(_ widget: some Widget, width: Int, height: Int) -> String {
        var buffer = ScreenBuffer(width: width, height: height)
        buffer.render(widget, in: buffer.area)
        return buffer.description
    }

    func testListRowsWithWideGlyphsAndEscapesLineUp() {
        let state = Fixtures.mainState(size: Size(width: 50, height: 10), all: tasks)
        XCTAssertEqual(render(TaskListPane(state: state, isFocused: true), width: 50, height: 6), LIST50)
    }

    func testANarrowListTruncatesTitlesButKeepsTheDueDate() {
        let state = Fixtures.mainState(size: Size(width: 50, height: 10), all: tasks)
        // Too narrow for the ID column: its columns go to the titles.
        XCTAssertEqual(render(TaskListPane(state: state, isFocused: true), width: 26, height: 6), LIST26)
    }

    func testTheSelectedRowIsHighlightedAndOverdueStandsOut() {
        let state = Fixtures.mainState(size: Size(width: 50, height: 10), all: tasks)
        var buffer = ScreenBuffer(width: 50, height: 6)
        buffer.render(TaskListPane(state: state, isFocused: true), in: buffer.area)
        XCTAssertEqual(buffer[1, 1].style.background, .listSelected)
        // On the bar everything takes its colours (contrast), the overdue date stays bold.
        XCTAssertEqual(buffer[40, 1].style, Style(.listSelected, attributes: .bold))
        XCTAssertNotEqual(buffer[1, 2].style.background, .listSelected)
        var moved = state
        _ = update(&moved, .key(.down))
        buffer.render(TaskListPane(state: moved, isFocused: true), in: buffer.area)
        XCTAssertEqual(buffer[40, 1].style.foreground, .overdue, "off the bar overdue stands out in its colour")
        XCTAssertEqual(buffer[10, 1].style.foreground, .priorityHigh, "after the status and the short id")
    }

    func testATooSmallTerminalSaysSo() {
        var state = Fixtures.mainState(size: Size(width: 50, height: 10), all: tasks)
        state.size = Size(width: 30, height: 8)
        XCTAssertEqual(ScreenView.render(state).frame.description, SMALL)
    }

    func testStatsShowBarsDueCountsAndTheFourteenDayChart() {
        XCTAssertEqual(render(StatsPane(stats: Fixtures.stats, isFocused: false), width: 46, height: 14), STATS)
    }

    func testUnderAHundredColumnsOnePaneIsShown() {
        let state = Fixtures.mainState(size: Size(width: 60, height: 20), all: tasks)
        XCTAssertEqual(ScreenView.render(state).frame.description, NARROW)
    }

    /// Issue 15: under 100 columns nothing showed that there were other panes. The pane
    /// says which of three it is, and Tab leads the hints, even at 40 columns.
    func testAPaneShownAloneSaysItIsOneOfThreeAndTabLeadsTheHints() {
        var state = Fixtures.mainState(size: Size(width: 40, height: 12), all: tasks)
        for (pane, tab) in [(Pane.list, "1/3"), (.detail, "2/3"), (.stats, "3/3")] {
            XCTAssertEqual(state.focus, pane)
            let lines = ScreenView.render(state).frame.description.split(separator: "\n").map(String.init)
            XCTAssertTrue(lines[1].hasSuffix("─ \(tab) ┐"), lines[1])
            XCTAssertTrue(lines.last!.hasPrefix(" Tab pane  "), lines.last!)
            XCTAssertTrue(lines.last!.hasSuffix("? help  1–4 of 4"), "the sort gives way at 40 columns: \(lines.last!)")
            _ = update(&state, .key(.tab))
        }
        let wide = ScreenView.render(Fixtures.mainState(size: Size(width: 100, height: 24), all: tasks)).frame.description
        XCTAssertFalse(wide.contains("1/3"), "all three panes are in sight")
    }

    func testTheHelpScrollsToItsLastLine() {
        var state = Fixtures.mainState(size: Size(width: 100, height: 24), all: tasks)
        _ = update(&state, .key(.char("?")))
        for _ in 0..<200 { _ = update(&state, .key(.char("j"))) }
        let screen = ScreenView.render(state).frame.description
        XCTAssertTrue(screen.contains("No, keep things as they are"), "the last binding can be reached:\n\(screen)")
        XCTAssertGreaterThan(state.helpScroll, 0)
    }

    func testAHundredColumnsShowAllThreePanes() {
        var state = Fixtures.mainState(size: Size(width: 100, height: 24), all: tasks)
        _ = update(&state, .key(.tab))
        XCTAssertEqual(ScreenView.render(state).frame.description, WIDE)
    }

    func testTheLoginScreenNeverShowsThePassword() {
        var state = AppState(size: Size(width: 70, height: 16), now: Fixtures.now, defaultServer: "http://tasks.example")
        _ = update(&state, .sessionFound(nil))
        for character in "ada@example.com" { _ = update(&state, .key(.char(character))) }
        _ = update(&state, .key(.tab))
        for character in "hunter22" { _ = update(&state, .key(.char(character))) }
        let (frame, cursor) = ScreenView.render(state)
        XCTAssertEqual(frame.description, LOGIN)
        XCTAssertFalse(frame.description.contains("hunter22"))
        XCTAssertEqual(cursor, Point(x: 23, y: 8))
    }

    func testTheFooterCountsRowsOnScreenOfTheServersTotal() {
        var state = Fixtures.mainState(size: Size(width: 120, height: 24), all: Fixtures.tasks(1_234))
        XCTAssertEqual(state.listRows, 20)
        for _ in 0..<3 { _ = update(&state, .key(.pageDown)) }
        XCTAssertEqual(state.cursor, 60)
        // The cursor is on row 61, at the bottom of the 20 rows shown.
        let footer = render(FooterView(state: state), width: 120, height: 1)
        XCTAssertTrue(footer.hasSuffix("sort: created ↓  42–61 of 1,234"), footer)
        _ = update(&state, .key(.char("G")))
        XCTAssertTrue(render(FooterView(state: state), width: 120, height: 1).hasSuffix("1,215–1,234 of 1,234"))
    }

    func testTheHeaderShowsLiveStateSyncAgeAndALowRateLimit() {
        var state = Fixtures.mainState(size: Size(width: 120, height: 24), all: Fixtures.tasks(3))
        _ = update(&state, .live(.state(.polling(reason: "socket refused"))))
        state.rateLimit = RateLimitStatus(limit: 100, remaining: 7, resetAfter: 300, observedAt: Fixtures.now)
        _ = update(&state, .tick(Fixtures.now.addingTimeInterval(5)))
        let header = render(HeaderView(state: state), width: 120, height: 1)
        XCTAssertTrue(header.hasPrefix(" TaskFlow  127.0.0.1:5000  ada@example.com"), header)
        XCTAssertTrue(header.hasSuffix("7/100 requests left  polling · synced 5s ago"), header)
        _ = update(&state, .tick(Fixtures.now.addingTimeInterval(200)))
        XCTAssertTrue(render(HeaderView(state: state), width: 120, height: 1).hasSuffix("polling · synced 3m ago"))
    }

    func testWhileLiveTheDataCountsAsCurrent() {
        var state = Fixtures.mainState(size: Size(width: 120, height: 24), all: Fixtures.tasks(3))
        _ = update(&state, .live(.state(.live)))
        _ = update(&state, .tick(Fixtures.now.addingTimeInterval(90)))
        XCTAssertTrue(render(HeaderView(state: state), width: 120, height: 1).hasSuffix("● live · synced 0s ago"))
    }

    func testTheHelpOverlayListsCommandsFromTheKeymap() {
        var state = Fixtures.mainState(size: Size(width: 100, height: 40), all: Fixtures.tasks(3))
        _ = update(&state, .key(.char("?")))
        let screen = ScreenView.render(state).frame.description
        XCTAssertTrue(screen.contains("Keys (? or Esc to close)"))
        for binding in state.keymap.bindings(for: .list) {
            // A digit's help names the view on it (ViewsFooterTests).
            let help = HelpOverlay.viewHelp(state.views)[binding.command] ?? binding.command.help
            XCTAssertTrue(screen.contains(help), "help lacks \(binding.command.name)")
        }
        XCTAssertTrue(screen.contains("G/End    Go to the last task"))
    }
}

private let LIST50 = """
    ┌ Tasks (4) ─────────────────────────────────────┐
    │[~] 0001 high 准备季度报告 for the b… 2d overdue│
    │[ ] 0002 med  🚀 Launch the beta           today│
    │[x] 0003 low  Renew passport               in 3d│
    │[ ] 0004 med  Evil �red� title                  │
    └────────────────────────────────────────────────┘
    """

private let LIST26 = """
    ┌ Tasks (4) ─────────────┐
    │[~] high 准…  2d overdue│
    │[ ] med  🚀 Launc… today│
    │[x] low  Renew pa… in 3d│
    │[ ] med  Evil �red� tit…│
    └────────────────────────┘
    """

private let SMALL = """


          Terminal too small
          30×8, needs 40×10
               q quits
    """

private let STATS = """
    ┌ Stats ─────────────────────────────────────┐
    │todo        6 ███████████████               │
    │in progress 2 █████                         │
    │done        4 ██████████                    │
    │high        3 ███████▌                      │
    │medium      6 ███████████████               │
    │low         3 ███████▌                      │
    │overdue 2  today 1  this week 4             │
    │Done per day, 14 days (15)                  │
    │            ▂▂             ██               │
    │         ▄▄ ██             ██       ▄▄      │
    │   ▆▆    ██ ██    ▆▆       ██ ▆▆    ██ ▆▆   │
    │18 19 20 21 22 23 24 25 26 27 28 29 30 31   │
    └────────────────────────────────────────────┘
    """

private let NARROW = """
     TaskFlow  127.0.0.1:5000  ada… connecting… · synced 0s ago
    ┌ Tasks (4) ────────────────────────────────────────── 1/3 ┐
    │[~] 0001 high 准备季度报告 for the board        2d overdue│
    │[ ] 0002 med  🚀 Launch the beta                     today│
    │[x] 0003 low  Renew passport                         in 3d│
    │[ ] 0004 med  Evil �red� title                            │
    │                                                          │
    │                                                          │
    │                                                          │
    │                                                          │
    │                                                          │
    │                                                          │
    │                                                          │
    │                                                          │
    │                                                          │
    │                                                          │
    │                                                          │
    │                                                          │
    └──────────────────────────────────────────────────────────┘
     Tab pane  j/↓ move       ? help  sort: created ↓  1–4 of 4
    """

private let WIDE = """
     TaskFlow  127.0.0.1:5000  ada@example.com                              connecting… · synced 0s ago
    ┌ Tasks (4) ──────────────────────────────────────────┐┌ Detail ───────────────────────────────────┐
    │[~] 0001 high 准备季度报告 for the board   2d overdue││准备季度报告 for the board                 │
    │[ ] 0002 med  🚀 Launch the beta                today││Status    [~] in progress                  │
    │[x] 0003 low  Renew passport                    in 3d││Priority  high                             │
    │[ ] 0004 med  Evil �red� title                       ││Due       2026-11-29 23:59 UTC (2d overdue)│
    │                                                     ││Created   2026-12-01 11:59 UTC             │
    │                                                     ││Updated   2026-12-01 11:59 UTC             │
    │                                                     │└─────────────────────────── ↓ 4 more lines ┘
    │                                                     │┌ Stats ────────────────────────────────────┐
    │                                                     ││loading…                                   │
    │                                                     ││                                           │
    │                                                     ││                                           │
    │                                                     ││                                           │
    │                                                     ││                                           │
    │                                                     ││                                           │
    │                                                     ││                                           │
    │                                                     ││                                           │
    │                                                     ││                                           │
    │                                                     ││                                           │
    │                                                     ││                                           │
    │                                                     ││                                           │
    └─────────────────────────────────────────────────────┘└───────────────────────────────────────────┘
     j/↓ scroll  Esc/h back  x done  s status  ? help  1 todo 2 doing 3 done  sort: created ↓  1–4 of 4
    """

private let LOGIN = """
     TaskFlow

       ┌ Sign in to TaskFlow ─────────────────────────────────────────┐
       │                                                              │
       │ Server    http://tasks.example                               │
       │                                                              │
       │ Email     ada@example.com                                    │
       │                                                              │
       │ Password  ••••••••                                           │
       │                                                              │
       │                                                              │
       │                                                              │
       │ Enter sign in · Tab next field · Esc quit                    │
       └──────────────────────────────────────────────────────────────┘
    """
