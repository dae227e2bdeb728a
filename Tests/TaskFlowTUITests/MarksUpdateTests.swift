import Foundation
import TaskFlowCore
import TerminalUI
import XCTest
@testable import TaskFlowTUI

/// Marks and bulk actions at the update level: what is marked, what one key then sends.
final class MarksUpdateTests: XCTestCase {
    private func state() -> AppState { Fixtures.mainState(all: Fixtures.tasks(6)) }

    func testSpaceMarksAndMovesDownVMarksARangeStarMarksAllEscClears() {
        var state = state()
        let ids = (0..<6).compactMap { state.tasks.task(at: $0)?.id }
        _ = update(&state, .key(.char(" ")))
        XCTAssertEqual(state.marked, [ids[0]])
        XCTAssertEqual(state.cursor, 1, "Space moves down, to mark the next at once")
        _ = update(&state, .key(.char("j")))
        _ = update(&state, .key(.char("j")))
        _ = update(&state, .key(.char("v")))
        XCTAssertEqual(state.marked, Set(ids[0...3]), "v marks from the last marked to the cursor")
        _ = update(&state, .key(.char(" ")))
        XCTAssertEqual(state.marked, Set(ids[0...2]), "Space on a marked task unmarks it")
        _ = update(&state, .key(.char("*")))
        XCTAssertEqual(state.marked, Set(ids))
        _ = update(&state, .key(.escape))
        XCTAssertEqual(state.marked, [])
    }

    func testXOnMarkedTasksSendsOneBulkChangeAndShowsItAtOnce() {
        var state = state()
        _ = update(&state, .key(.char(" ")))
        _ = update(&state, .key(.char(" ")))
        _ = update(&state, .key(.char(" ")))
        let effects = update(&state, .key(.char("x")))
        guard case .updateTasks(let bulk)? = effects.first, effects.count == 1 else { return XCTFail("\(effects)") }
        XCTAssertEqual(bulk.count, 3)
        XCTAssertTrue(bulk.allSatisfy { $0.changes == TaskChanges(status: .done) })
        XCTAssertEqual((0..<3).compactMap { state.tasks.task(at: $0)?.status }, [.done, .done, .done], "shown at once")
        XCTAssertEqual(state.tasks.task(at: 3)?.status, .todo, "unmarked tasks are left alone")
        // Refused: each goes back.
        for change in bulk { _ = update(&state, .taskSaveFailed(id: change.id, ServiceFailure(message: "down"))) }
        XCTAssertEqual((0..<3).compactMap { state.tasks.task(at: $0)?.status }, [.todo, .todo, .todo])
    }

    func testDOnMarkedTasksAsksOnceNamingTheCountThenDeletesThemTogether() {
        var state = state()
        _ = update(&state, .key(.char("*")))
        XCTAssertEqual(update(&state, .key(.char("d"))), [])
        guard case .deleteMany(let doomed)? = state.confirmation else { return XCTFail("no question") }
        XCTAssertEqual(doomed.count, 6)
        XCTAssertEqual(ConfirmPopup(confirmation: state.confirmation!, keymap: state.keymap).question, "Delete 6 marked tasks? (u undoes it)")
        let effects = update(&state, .key(.char("y")))
        guard case .deleteTasks(let ids)? = effects.first else { return XCTFail("\(effects)") }
        XCTAssertEqual(ids.count, 6)
        XCTAssertEqual(state.marked, [], "the marks go with the tasks")
    }

    func testTheListShowsTheMarksAndTheFooterHowMany() {
        var state = state()
        _ = update(&state, .key(.char(" ")))
        _ = update(&state, .key(.char(" ")))
        let screen = ScreenView.render(state).frame.description
        XCTAssertTrue(screen.contains("│● [ ] 0001 med  Task 1"), screen)
        XCTAssertTrue(screen.contains("│  [ ] 0003 med  Task 3"), screen)
        XCTAssertTrue(screen.contains("2 marked"), screen)
    }
}

/// `S` and `P` go backwards; `x` twice puts a task back where it was.
final class BackwardsKeysTests: XCTestCase {
    func testSAndPCycleBackwardsAndXTwiceRestoresTheStatusItHad() {
        var state = Fixtures.mainState(all: Fixtures.tasks(3))
        XCTAssertEqual(update(&state, .key(.char("S"))), [.updateTask(id: state.selectedTask!.id, TaskChanges(status: .done))])
        XCTAssertEqual(state.selectedTask?.status, .done, "todo backwards is done")
        _ = update(&state, .key(.char("S")))
        XCTAssertEqual(state.selectedTask?.status, .inProgress)
        _ = update(&state, .key(.char("P")))
        XCTAssertEqual(state.selectedTask?.priority, .low, "medium backwards is low")
        _ = update(&state, .key(.char("P")))
        XCTAssertEqual(state.selectedTask?.priority, .high)

        _ = update(&state, .key(.char("x")))
        XCTAssertEqual(state.selectedTask?.status, .done)
        _ = update(&state, .key(.char("x")))
        XCTAssertEqual(state.selectedTask?.status, .inProgress, "back to in progress, not todo")
    }
}

/// `y` and what it copies.
final class YankUpdateTests: XCTestCase {
    func testYThenITJCopiesTheIdTitleOrJSONAndOtherKeysNothing() {
        var state = Fixtures.mainState(all: Fixtures.tasks(2))
        let task = state.selectedTask!
        XCTAssertEqual(update(&state, .key(.char("y"))), [])
        XCTAssertEqual(update(&state, .key(.char("i"))), [.copyToClipboard(task.id)])
        XCTAssertEqual(state.message?.text, "Copied the id \(task.id)")
        _ = update(&state, .key(.char("y")))
        XCTAssertEqual(update(&state, .key(.char("t"))), [.copyToClipboard(task.title)])
        _ = update(&state, .key(.char("y")))
        guard case .copyToClipboard(let json)? = update(&state, .key(.char("j"))).first else { return XCTFail("no copy") }
        XCTAssertEqual(try TaskFlowJSON.decode(TaskItem.self, from: Data(json.utf8)), task)
        _ = update(&state, .key(.char("y")))
        XCTAssertEqual(update(&state, .key(.escape)), [])
        XCTAssertEqual(state.message?.text, "Nothing copied")
        _ = update(&state, .key(.char("j")))
        XCTAssertEqual(state.cursor, 1, "after that, keys are commands again")
    }

    func testTheOSC52SequenceIsBase64OfTheText() {
        XCTAssertEqual(MemoryBackend.clipboardSequence("héllo ✓"), "\u{1B}]52;c;aMOpbGxvIOKckw==\u{07}")
    }
}

/// An open edit form learns when its task changes elsewhere.
final class FormNoticesChangeTests: XCTestCase {
    func testTheOpenFormSaysWhichFieldsChangedElsewhereOrThatTheTaskWentAway() {
        var state = Fixtures.mainState(all: Fixtures.tasks(2))
        var task = state.selectedTask!
        _ = update(&state, .key(.char("e")))
        XCTAssertNotNil(state.taskForm)
        XCTAssertNil(state.taskForm?.message)
        task.title = "Renamed in another window"
        task.status = .done
        task.version += 1
        _ = update(&state, .live(.event(.updated(task))))
        XCTAssertEqual(
            state.taskForm?.message,
            "Changed elsewhere since this form opened (title, status); saving sends only the fields you edited")
        _ = update(&state, .live(.event(.deleted(id: task.id, version: task.version + 1))))
        XCTAssertEqual(state.taskForm?.message, "Deleted elsewhere since this form opened; saving will fail")
    }
}

/// `M`: the messages the footer showed (and cut), in full.
final class MessageLogTests: XCTestCase {
    func testEveryMessageIsKeptInFullAndMShowsThem() {
        var state = Fixtures.mainState(size: Size(width: 60, height: 20), all: Fixtures.tasks(2))
        let long = "Not saved: “Task 2”: the server cannot reach its database; nothing was changed; try again shortly"
        state.message = StatusMessage(long, now: state.now)
        state.message = StatusMessage("Copied the id X", isError: false, now: state.now)
        XCTAssertEqual(state.messageLog.map(\.text), [long, "Copied the id X"])
        _ = update(&state, .key(.char("M")))
        XCTAssertTrue(state.showsMessages)
        let screen = ScreenView.render(state).frame.description
        XCTAssertTrue(screen.contains("Messages (2)"), screen)
        XCTAssertTrue(screen.replacingOccurrences(of: "\n", with: " ").contains("try again"), "the long one is there in full:\n\(screen)")
        XCTAssertEqual(update(&state, .key(.char("j"))), [])
        XCTAssertFalse(state.showsMessages, "any key closes it, and does nothing else")
        XCTAssertEqual(state.cursor, 0)
    }
}

/// The search's words stand out in the list and the detail; a long detail says there is more.
final class SearchHighlightTests: XCTestCase {
    func testMatchesAtTheStartOfWordsAreBoldAndUnderlinedInAnyCase() {
        let spans = TaskText.highlighted("Write the Report, reread", words: ["rep", "re"], style: .normal)
        XCTAssertEqual(spans.map(\.text), ["Write the ", "Rep", "ort, ", "re", "read"])
        XCTAssertEqual(spans.map { $0.style.attributes.contains(.underline) }, [false, true, false, true, false])
        XCTAssertEqual(TaskText.highlighted("Nothing here", words: [], style: .normal).map(\.text), ["Nothing here"])
    }

    func testTheDetailPaneSaysWhenMoreTextIsBelow() {
        var task = Fixtures.task(1, title: "Long one")
        task.description = (1...40).map { "Line \($0)" }.joined(separator: "\n")
        var buffer = ScreenBuffer(width: 40, height: 12)
        buffer.render(DetailPane(task: task, isLoading: false, scroll: 0, now: Fixtures.now, isFocused: true), in: buffer.area)
        XCTAssertTrue(buffer.description.contains("↓ 39 more lines ┘"), buffer.description)
        var short = ScreenBuffer(width: 40, height: 30)
        task.description = "Short"
        short.render(DetailPane(task: task, isLoading: false, scroll: 0, now: Fixtures.now, isFocused: true), in: short.area)
        XCTAssertFalse(short.description.contains("more line"), short.description)
    }
}

/// `:` finds a command by name and runs it.
final class CommandPaletteTests: XCTestCase {
    func testTypingFindsACommandEnterRunsItEscCloses() {
        var state = Fixtures.mainState(all: Fixtures.tasks(3))
        _ = update(&state, .key(.char(":")))
        XCTAssertNotNil(state.palette)
        XCTAssertEqual(state.palette?.matches.count, CommandPalette.runnable.count, "everything, before typing")
        for character in "undo" { _ = update(&state, .key(.char(character))) }
        XCTAssertEqual(state.palette?.choice, .undo)
        XCTAssertEqual(update(&state, .key(.enter)), [.undo])
        XCTAssertNil(state.palette)

        _ = update(&state, .key(.char(":")))
        for character in "mkdn" { _ = update(&state, .key(.char(character))) }
        XCTAssertEqual(state.palette?.choice, .markDone, "letters in order, like fuzzy finders")
        let screen = ScreenView.render(state).frame.description
        XCTAssertTrue(screen.contains("x      mark-done"), screen)
        _ = update(&state, .key(.enter))
        XCTAssertEqual(state.selectedTask?.status, .done, "ran as its key would")

        _ = update(&state, .key(.char(":")))
        _ = update(&state, .key(.char("q")))
        XCTAssertEqual(update(&state, .key(.escape)), [])
        XCTAssertNil(state.palette)
        XCTAssertFalse(state.shouldQuit, "typing q on the palette does not quit")
    }
}
