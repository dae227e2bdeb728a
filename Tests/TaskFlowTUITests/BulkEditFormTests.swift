import Foundation
import TaskFlowCore
import TerminalUI
import XCTest
@testable import TaskFlowTUI

/// The edit form with tasks marked: status, priority and due for all of them at once, only
/// the fields changed, one bulk change (one batch, one undo step).
final class BulkEditFormTests: XCTestCase {
    private func markedState() -> AppState {
        var tasks = Fixtures.tasks(5)
        tasks[1].priority = .high
        var state = Fixtures.mainState(all: tasks)
        for _ in 0..<3 { _ = update(&state, .key(.char(" "))) }
        _ = update(&state, .key(.char("e")))
        return state
    }

    private func type(_ text: String, into state: inout AppState) {
        for character in text { _ = update(&state, .key(.char(character))) }
    }

    func testEditWithMarksOpensTheFormForTheMarkedTasksEveryFieldUnchanged() {
        let state = markedState()
        XCTAssertNil(state.taskForm)
        let form = try? XCTUnwrap(state.bulkForm)
        XCTAssertEqual(form?.title, "Edit 3 marked tasks")
        XCTAssertEqual(form?.ids, ["t00001", "t00002", "t00003"])
        XCTAssertNil(form?.status)
        XCTAssertNil(form?.priority)
        XCTAssertEqual(state.keyContext, .form)

        var unmarked = Fixtures.mainState(all: Fixtures.tasks(2))
        _ = update(&unmarked, .key(.char("e")))
        XCTAssertNil(unmarked.bulkForm, "without marks e edits the selected task")
        XCTAssertNotNil(unmarked.taskForm)
    }

    func testSavingSendsTheChangedFieldsToEveryMarkedTaskAsOneBulkChange() {
        var state = markedState()
        _ = update(&state, .key(.tab))
        type("h", into: &state)
        _ = update(&state, .key(.tab))
        type("+2d", into: &state)
        let effects = update(&state, .key(.enter))
        let due = DateWords.parseDue("+2d", now: Fixtures.now)!
        XCTAssertEqual(effects, [.updateTasks([
            BulkChange(id: "t00001", changes: TaskChanges(priority: .high, dueDate: .set(due))),
            BulkChange(id: "t00002", changes: TaskChanges(dueDate: .set(due))),  // already high
            BulkChange(id: "t00003", changes: TaskChanges(priority: .high, dueDate: .set(due))),
        ])])
        XCTAssertNil(state.bulkForm)
        XCTAssertEqual((0..<3).map { state.tasks.task(at: $0)?.priority }, [.high, .high, .high], "shown at once")
        XCTAssertEqual((0..<3).map { state.tasks.task(at: $0)?.dueDate }, [due, due, due])
        XCTAssertEqual(state.tasks.task(at: 3)?.priority, .medium, "unmarked tasks are left alone")
        XCTAssertEqual(state.message?.text, "Changed 3 marked tasks")
        XCTAssertEqual(state.marked.count, 3, "the marks stay for the next action")
    }

    func testOnlyTasksThatDifferChangeAndTheFooterSaysHowMany() {
        var state = markedState()
        _ = update(&state, .key(.tab))
        _ = update(&state, .key(.right))
        _ = update(&state, .key(.right))
        _ = update(&state, .key(.right))  // unchanged → low → medium → high
        XCTAssertEqual(state.bulkForm?.priority, .high)
        let effects = update(&state, .key(.enter))
        XCTAssertEqual(effects, [.updateTasks([
            BulkChange(id: "t00001", changes: TaskChanges(priority: .high)), BulkChange(id: "t00003", changes: TaskChanges(priority: .high)),
        ])])
        XCTAssertEqual(state.message?.text, "Changed 2 of 3 marked tasks")
    }

    func testNoneClearsTheDueDatesAndStatusChoicesIncludeUnchanged() {
        var tasks = Fixtures.tasks(2)
        tasks[0].dueDate = Fixtures.now
        var state = Fixtures.mainState(all: tasks)
        _ = update(&state, .key(.char("*")))
        _ = update(&state, .key(.char("e")))
        type("d", into: &state)
        XCTAssertEqual(state.bulkForm?.status, .done)
        type("u", into: &state)
        XCTAssertNil(state.bulkForm?.status, "u puts it back to unchanged")
        _ = update(&state, .key(.left))
        XCTAssertEqual(state.bulkForm?.status, .done, "← from unchanged wraps to the last")
        _ = update(&state, .key(.backTab))
        type("none", into: &state)
        guard case .updateTasks(let bulk)? = update(&state, .key(.enter)).first else { return XCTFail("no bulk change") }
        XCTAssertEqual(bulk, [
            BulkChange(id: "t00001", changes: TaskChanges(status: .done, dueDate: .clear)),
            BulkChange(id: "t00002", changes: TaskChanges(status: .done)),
        ])
    }

    func testEscCancelsAndABadDateKeepsTheFormOpen() {
        var state = markedState()
        _ = update(&state, .key(.tab))
        type("h", into: &state)
        XCTAssertEqual(update(&state, .key(.escape)), [])
        XCTAssertNil(state.bulkForm)
        XCTAssertEqual((0..<3).map { state.tasks.task(at: $0)?.priority }, [.medium, .high, .medium], "nothing changed")

        _ = update(&state, .key(.char("e")))
        _ = update(&state, .key(.backTab))
        type("someday", into: &state)
        XCTAssertEqual(update(&state, .key(.enter)), [])
        XCTAssertEqual(state.bulkForm?.dueProblem, "not a date: try today, tomorrow, +3d, fri, 2026-12-24 or none")
        XCTAssertNil(state.message)

        _ = update(&state, .key(.escape))
        _ = update(&state, .key(.char("e")))
        XCTAssertEqual(update(&state, .key(.enter)), [], "nothing chosen: nothing sent")
        XCTAssertEqual(state.message?.text, "Nothing changed: the marked tasks already had those values")
    }

    func testTheFormShowsEachFieldUnchangedUntilChosen() {
        var state = markedState()
        state.size = Size(width: 72, height: 14)
        _ = update(&state, .resize(state.size))
        _ = update(&state, .key(.tab))
        type("h", into: &state)
        _ = update(&state, .key(.tab))
        type("tomorrow", into: &state)
        let lines = ScreenView.render(state).frame.description.split(separator: "\n").map(String.init)
        let popup = lines
        XCTAssertEqual(lines.first { $0.contains("Edit 3 marked tasks") }?.contains("┌ Edit 3 marked tasks ─"), true, lines.joined(separator: "\n"))
        XCTAssertTrue(popup.contains { $0.contains("Status       [unchanged]  todo   in progress   done") }, lines.joined(separator: "\n"))
        XCTAssertTrue(popup.contains { $0.contains("Priority      unchanged   low   medium  [high]") }, lines.joined(separator: "\n"))
        XCTAssertTrue(popup.contains { $0.contains("Due          tomorrow") && $0.contains("→ Wed 2026-12-02 (tomorrow)") }, lines.joined(separator: "\n"))
        XCTAssertTrue(popup.contains { $0.contains("Only what you change is set, on every marked task") }, lines.joined(separator: "\n"))
        _ = update(&state, .resize(Size(width: 160, height: 14)))
        let footer = ScreenView.render(state).frame.description.split(separator: "\n").last.map(String.init) ?? ""
        XCTAssertTrue(footer.contains("Esc cancel") && !footer.contains("$EDITOR"), "no description to edit: \(footer)")
    }
}
