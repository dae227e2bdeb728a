import Foundation
import TaskFlowCore
import TaskFlowSync
import TerminalUI
import XCTest
@testable import TaskFlowTUI

/// The conflict view and the stats pane's selection, rendered whole: the view fits and
/// cuts long values with "…" at the smallest screen and spells out the choice where there
/// is room; below the minimum the screen says it is too small.
final class ConflictViewTests: XCTestCase {
    /// Task 3 in conflict over its title, description, priority and due date; the cursor
    /// on the priority, kept as mine.
    private func opened(_ size: Size) -> AppState {
        var state = Fixtures.mainState(size: size, all: ConflictUpdateTests.tasks)
        _ = update(&state, .live(.localCopy(pending: 0, conflicts: ["t00003"], unreachable: false)))
        var conflict = ConflictUpdateTests.conflict
        conflict.mine?.description = "A description far too long for its column, 東京 included"
        conflict.theirs?.dueDate = Fixtures.task(1, dueInDays: 3).dueDate
        _ = update(&state, .key(.char("C")))
        _ = update(&state, .conflictLoaded(.success(conflict)))
        _ = update(&state, .key(.down))
        _ = update(&state, .key(.down))
        _ = update(&state, .key(.char("m")))
        return state
    }

    func testTheViewAtTheSmallestUsefulSize() {
        XCTAssertEqual(ScreenView.render(opened(Size(width: 40, height: 12))).frame.description, SMALLEST)
    }

    func testTheViewOnAWideScreenSaysWhatIsKept() {
        XCTAssertEqual(ScreenView.render(opened(Size(width: 100, height: 16))).frame.description, WIDE)
    }

    func testBelowTheMinimumTheTerminalIsTooSmall() {
        let screen = ScreenView.render(opened(Size(width: 39, height: 12))).frame.description
        XCTAssertTrue(screen.contains("Terminal too small"), screen)
    }

    func testTheFocusedStatsPaneMarksTheSelectedRowAndNamesTheFilter() {
        var state = Fixtures.mainState(size: Size(width: 100, height: 30), all: ConflictUpdateTests.tasks)
        _ = update(&state, .statsLoaded(ScopedStats(Fixtures.stats, followsFilter: true)))
        _ = update(&state, .key(.tab))
        _ = update(&state, .key(.tab))
        _ = update(&state, .key(.down))
        var buffer = ScreenBuffer(width: 40, height: 9)
        let scope = "priority:high words"
        var pane = StatsPane(stats: Fixtures.stats, isFocused: true)
        pane.selected = StatsRow(rawValue: state.statsSelection)
        pane.scope = scope
        buffer.render(pane, in: buffer.area)
        XCTAssertEqual(buffer.description, STATS_SELECTED)
        XCTAssertEqual(buffer[1, 2].style, Style(.listSelected), "the selected label on the highlight")
        XCTAssertNotEqual(buffer[1, 1].style, Style(.listSelected))
        pane.selected = .dueToday
        buffer.render(pane, in: buffer.area)
        XCTAssertEqual(buffer[12, 7].style, Style(.listSelected), "a due count, selected")
    }
}

private let SMALLEST = """
    1 conflict  connecting… · synced 0s ago
    ┌┌ Conflict: Theirs ──────────────────┐┐
    ││ field       mine       theirs      ││
    ││ title       ○ Mine     ● Theirs    ││
    ││ description ○ A descr… ● (empty)   ││
    ││ priority    ● high     ○ medium    ││
    ││ due         ○ none     ● 2026-12…  ││
    ││                                    ││
    ││ ←/→ mine/theirs · M/T all ·        ││
    ││ Enter apply · Esc leave            ││
    └└────────────────────────────────────┘┘
     j/↓ move     sort: created ↓  1–5 of 5
    """

private let WIDE = """
     TaskFlow  127.0.0.1:5000  ada@example.com                  1 conflict  connecting… · synced 0s ago
    ┌ Tasks (5) ──────────────────────────────────────────┐┌ Detail ───────────────────────────────────┐
    │[ ] 0001 med  Task 1                                 ││Task 3                                     │
    │[ ] 0002 ┌ Conflict: Theirs ────────────────────────────────────────────────────────────┐         │
    │[ ] 0003 │ field       mine                      theirs                    keeping      │         │
    │[ ] 0004 │ title       ○ Mine                    ● Theirs                  keep theirs  │         │
    │[ ] 0005 │ description ○ A description far too … ● (empty)                 keep theirs  │re lines ┘
    │         │ priority    ● high                    ○ medium                  keep mine    │─────────┐
    │         │ due         ○ none                    ● 2026-12-04              keep theirs  │         │
    │         │                                                                              │         │
    │         │ ←/→ mine/theirs · M/T all · Enter apply · Esc leave                          │         │
    │         └──────────────────────────────────────────────────────────────────────────────┘         │
    │                                                     ││                                           │
    │                                                     ││                                           │
    └─────────────────────────────────────────────────────┘└───────────────────────────────────────────┘
     j/↓ move  ←/m/h mine  →/t/l theirs  M all mine  T all theirs             sort: created ↓  1–5 of 5
    """

private let STATS_SELECTED = """
    ┌ Stats · priority:high words ─────────┐
    │todo        6 ████████████            │
    │in progress 2 ████                    │
    │done        4 ████████                │
    │high        3 ██████                  │
    │medium      6 ████████████            │
    │low         3 ██████                  │
    │overdue 2  today 1  this week 4       │
    └──────────────────────────────────────┘
    """
