import Foundation
import TaskFlowCore
import TerminalUI
import XCTest
@testable import TaskFlowTUI

/// The list's ID column (shortest unique tails) and `#` going to a task by one.
final class ShortIDUpdateTests: XCTestCase {
    /// Tasks with ULIDs; the 2nd and 3rd share the tail "7QTD", so theirs need five.
    private static let ids = [
        "01KBD3WJ8K00000000000000AB", "01KBD3WJ8K00000000000A7QTD", "01KBD3WJ8K00000000000B7QTD", "01KBD3WJ8K0000000000009XYZ",
    ]

    private func tasks() -> [TaskItem] {
        Self.ids.enumerated().map { index, id in
            var task = Fixtures.task(index + 1)
            task.id = id
            return task
        }
    }

    private func lines(_ state: AppState) -> [String] {
        ScreenView.render(state).frame.description.split(separator: "\n").map(String.init)
    }

    func testTheListShowsShortIDsInAColumnAsWideAsTheLongest() {
        let state = Fixtures.mainState(all: tasks())
        let rows = lines(state)
        XCTAssertTrue(rows[2].hasPrefix("│[ ] 00AB  med  Task 1"), rows[2])
        XCTAssertTrue(rows[3].hasPrefix("│[ ] A7QTD med  Task 2"), rows[3])
        XCTAssertTrue(rows[4].hasPrefix("│[ ] B7QTD med  Task 3"), rows[4])
        XCTAssertTrue(rows[5].hasPrefix("│[ ] 9XYZ  med  Task 4"), rows[5])
    }

    func testTheLocalCopysIDsMakeTheTailsUniqueAmongEveryTask() {
        var state = Fixtures.mainState(all: Array(tasks().prefix(1)))
        XCTAssertTrue(lines(state)[2].hasPrefix("│[ ] 00AB med  Task 1"), lines(state)[2])
        // A task not loaded (filtered out, or further down) ends in the same five characters.
        _ = update(&state, .shortIDsLoaded(ShortIDs([Self.ids[0], "01KBD3WJ8K0000000000X000AB"])))
        XCTAssertTrue(lines(state)[2].hasPrefix("│[ ] 0000AB med  Task 1"), lines(state)[2])
        XCTAssertTrue(state.shortIDsCoverAll)
        // Pages loaded later keep the local copy's ids.
        for case .fetchPage(let query, let generation) in update(&state, .key(.char("r"))) {
            _ = update(&state, .pageLoaded(page: query.page, generation: generation, Fixtures.page(Array(tasks().prefix(1)), query), nil))
        }
        XCTAssertTrue(lines(state)[2].hasPrefix("│[ ] 0000AB med  Task 1"), lines(state)[2])
    }

    private func jump(_ state: inout AppState, _ text: String) -> [Effect] {
        _ = update(&state, .key(.char("#")))
        XCTAssertEqual(state.queryLine?.kind, .jump)
        for character in text { _ = update(&state, .key(.char(character))) }
        return update(&state, .key(.enter))
    }

    func testHashGoesToALoadedTaskByItsTailOrTheHeadOfItsID() {
        var state = Fixtures.mainState(all: tasks())
        _ = jump(&state, "9xyz")
        XCTAssertNil(state.queryLine)
        XCTAssertEqual(state.selectedTask?.id, Self.ids[3])
        _ = jump(&state, "b7qtd")
        XCTAssertEqual(state.selectedTask?.id, Self.ids[2])
        _ = jump(&state, Self.ids[1].prefix(22).description)
        XCTAssertEqual(state.selectedTask?.id, Self.ids[1], "no id ends with it: the id it starts")
    }

    func testHashKeepsTheLineOpenSayingWhyWhenTheIDFitsSeveralOrNone() {
        var state = Fixtures.mainState(all: tasks())
        XCTAssertEqual(jump(&state, "7QTD"), [])
        let problem = state.queryLine?.problem ?? ""
        XCTAssertTrue(problem.hasPrefix("2 tasks fit 7QTD: A7QTD Task 2 · B7QTD Task 3"), problem)
        XCTAssertEqual(state.cursor, 0)
        XCTAssertEqual(state.message?.text, problem, "the message log keeps the whole list")
        _ = update(&state, .key(.escape))
        XCTAssertEqual(jump(&state, "QTD"), [])
        XCTAssertEqual(state.queryLine?.problem, "give at least 4 characters of the id")
        _ = update(&state, .key(.escape))
        XCTAssertEqual(jump(&state, "ZZZZ"), [])
        XCTAssertEqual(state.queryLine?.problem, "no task has an id like ZZZZ among those loaded")
        let footer = lines(state).last ?? ""
        XCTAssertTrue(footer.hasPrefix("#ZZZZ") && footer.contains("no task has an id like ZZZZ"), footer)
    }

    func testHashToATaskNotLoadedAsksForItsRowAndFollowsIt() {
        let all = (1...200).map { Fixtures.task($0) }
        var state = Fixtures.mainState(all: all)
        _ = update(&state, .shortIDsLoaded(ShortIDs(all.map(\.id))))
        XCTAssertEqual(jump(&state, "0150"), [.locateTask(id: "t00150", state.query)])
        let effects = update(&state, .taskLocated(id: "t00150", row: 149))
        XCTAssertEqual(state.cursor, 149)
        XCTAssertEqual(state.followedTaskID, "t00150")
        XCTAssertTrue(effects.contains { if case .fetchPage(let query, _) = $0 { query.page == 3 } else { false } }, "\(effects)")
        _ = update(&state, .taskLocated(id: "t00199", row: nil))
        XCTAssertEqual(state.message?.text, "0199 is not in this view (F clears the filter)")
    }
}
