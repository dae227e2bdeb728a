import Foundation
import TaskFlowCore
import TerminalUI
import XCTest
@testable import TaskFlowTUI

/// Adding, editing and deleting as values: keys in, effects and state out.
final class FormUpdateTests: XCTestCase {
    private func type(_ text: String, into state: inout AppState) {
        for character in text { _ = update(&state, .key(.char(character))) }
    }

    private func mainState(_ count: Int = 5) -> AppState {
        var state = Fixtures.mainState(all: Fixtures.tasks(count))
        state.makeIdempotencyKey = { "key-1" }
        return state
    }

    func testAddingSendsEveryFieldAndShowsTheTaskAtOnce() throws {
        var state = mainState()
        _ = update(&state, .key(.char("a")))
        XCTAssertEqual(state.keyContext, .form)
        type("Buy milk 🥛", into: &state)
        _ = update(&state, .key(.tab))
        type("two litres", into: &state)
        _ = update(&state, .key(.tab))
        _ = update(&state, .key(.right))  // status: in-progress
        _ = update(&state, .key(.tab))
        _ = update(&state, .key(.char("h")))  // priority: high
        _ = update(&state, .key(.tab))
        type("tomorrow", into: &state)
        let effects = update(&state, .key(.enter))

        let tomorrow = DateWords.parseDue("tomorrow", now: Fixtures.now)!
        XCTAssertEqual(effects, [.createTask(
            TaskChanges(title: "Buy milk 🥛", description: "two litres", status: .inProgress, priority: .high, dueDate: .set(tomorrow)),
            idempotencyKey: "key-1")])
        XCTAssertEqual(state.selectedTask?.title, "Buy milk 🥛", "the new task is on screen before the server answers")
        XCTAssertEqual(state.tasks.count, 6)
        XCTAssertTrue(state.taskForm?.isSubmitting ?? false, "the form stays until the server has the task")

        var saved = try XCTUnwrap(state.selectedTask)
        saved.id = "n00001"
        saved.version = 1
        let afterSave = update(&state, .formSaved(saved))
        XCTAssertNil(state.taskForm)
        XCTAssertEqual(state.message?.text, "Added “Buy milk 🥛”")
        XCTAssertNil(state.tasks.index(of: TaskItem.provisionalID("key-1")), "the stand-in row is gone")
        XCTAssertEqual(state.selectedTask?.id, "n00001", "the server's copy is on the stand-in's row, under the cursor")
        XCTAssertEqual(state.followedTaskID, "n00001", "the cursor follows the new task through the reload")
        XCTAssertTrue(afterSave.contains { if case .fetchPage = $0 { true } else { false } })
    }

    func testServerProblemsAppearBesideTheirFieldsAndNothingTypedIsLost() {
        var state = mainState()
        _ = update(&state, .key(.char("a")))
        type("   ", into: &state)
        _ = update(&state, .key(.tab))
        type("notes", into: &state)
        _ = update(&state, .key(.enter))
        let refusal = ServiceFailure(
            message: "title must not be empty", code: "validation_failed", problems: [FieldProblem("title", "must not be empty")])
        XCTAssertEqual(update(&state, .formFailed(refusal)), [])

        let form = try! XCTUnwrap(state.taskForm)
        XCTAssertEqual(form.problems[.title], "must not be empty")
        XCTAssertEqual(form.focus, .title, "the cursor goes to the field at fault")
        XCTAssertEqual(form.title.text, "   ")
        XCTAssertEqual(form.description.text, "notes")
        XCTAssertFalse(form.isSubmitting)
        XCTAssertEqual(state.tasks.count, 5, "the stand-in row is taken back")
        XCTAssertEqual(state.selectedTask?.title, "Task 1")

        type("Real title", into: &state)
        XCTAssertNil(state.taskForm?.problems[.title], "typing in the field clears its problem")
    }

    func testARetryOfTheSameFieldsReusesTheIdempotencyKeyAndNewFieldsGetANewOne() {
        var state = mainState()
        var keys = ["key-1", "key-2"][...]
        state.makeIdempotencyKey = { "unused" }
        _ = update(&state, .key(.char("a")))
        state.makeIdempotencyKey = { [keys] in keys.first! }
        type("Ship it", into: &state)
        XCTAssertEqual(update(&state, .key(.enter)), [.createTask(TaskChanges(title: "Ship it", status: .todo, priority: .medium), idempotencyKey: "key-1")])
        _ = update(&state, .formFailed(ServiceFailure(message: "could not connect to http://127.0.0.1:5000")))
        XCTAssertEqual(state.taskForm?.message, "Not saved (Enter tries again): could not connect to http://127.0.0.1:5000")
        XCTAssertEqual(state.taskForm?.title.text, "Ship it", "the server being down loses nothing")
        keys.removeFirst()
        state.makeIdempotencyKey = { [keys] in keys.first! }
        XCTAssertEqual(
            update(&state, .key(.enter)), [.createTask(TaskChanges(title: "Ship it", status: .todo, priority: .medium), idempotencyKey: "key-1")],
            "the same request again: the server creates it at most once")
        _ = update(&state, .formFailed(ServiceFailure(message: "timed out")))
        type("!", into: &state)
        XCTAssertEqual(
            update(&state, .key(.enter)), [.createTask(TaskChanges(title: "Ship it!", status: .todo, priority: .medium), idempotencyKey: "key-2")])
    }

    func testADueDateThatIsNotADateIsCaughtBeforeAsking() {
        var state = mainState()
        _ = update(&state, .key(.char("a")))
        type("Dentist", into: &state)
        _ = update(&state, .key(.backTab))
        type("next blursday", into: &state)
        XCTAssertEqual(update(&state, .key(.enter)), [])
        XCTAssertEqual(state.taskForm?.problems[.due], "not a date: try today, tomorrow, +3d, fri or 2026-12-24")
        XCTAssertEqual(state.taskForm?.focus, .due)
        XCTAssertEqual(state.tasks.count, 5)
    }

    func testEditingSendsOnlyWhatChangedAndRollsBackARefusal() {
        var state = Fixtures.mainState(all: [Fixtures.task(1, title: "Old", dueInDays: 2, description: "keep")] + Fixtures.tasks(4).dropFirst())
        _ = update(&state, .key(.char("e")))
        let form = state.taskForm!
        XCTAssertEqual(form.title.text, "Old")
        XCTAssertEqual(form.due.text, "2026-12-03", "an end-of-day due date shows as its day")
        _ = update(&state, .key(.ctrl("u")))
        type("New", into: &state)
        let effects = update(&state, .key(.enter))
        XCTAssertEqual(effects, [.saveTask(id: "t00001", TaskChanges(title: "New"))])
        XCTAssertEqual(state.selectedTask?.title, "New", "shown at once")

        _ = update(&state, .formFailed(ServiceFailure(message: "title must be at most 200 characters", code: "validation_failed",
            problems: [FieldProblem("title", "must be at most 200 characters")])))
        XCTAssertEqual(state.selectedTask?.title, "Old", "rolled back")
        XCTAssertEqual(state.taskForm?.problems[.title], "must be at most 200 characters")
        XCTAssertEqual(state.taskForm?.title.text, "New")
    }

    func testClearingTheDueDateSendsNullAndAnUntouchedFormSendsNothing() {
        var state = Fixtures.mainState(all: [Fixtures.task(1, dueInDays: 2)])
        _ = update(&state, .key(.char("e")))
        XCTAssertEqual(update(&state, .key(.enter)), [])
        XCTAssertNil(state.taskForm)
        XCTAssertEqual(state.message?.text, "Nothing changed in “Task 1”")

        _ = update(&state, .key(.char("e")))
        for _ in 0..<4 { _ = update(&state, .key(.tab)) }
        _ = update(&state, .key(.ctrl("u")))
        XCTAssertEqual(update(&state, .key(.enter)), [.saveTask(id: "t00001", TaskChanges(dueDate: .clear))])
    }

    func testEscapeOnATypedFormAsksOnceMore() {
        var state = mainState()
        _ = update(&state, .key(.char("a")))
        type("half a thought", into: &state)
        _ = update(&state, .key(.escape))
        XCTAssertNotNil(state.taskForm, "one Esc does not throw typing away")
        XCTAssertTrue(state.taskForm!.confirmsDiscard)
        type(" more", into: &state)
        XCTAssertEqual(state.taskForm?.title.text, "half a thought more")
        _ = update(&state, .key(.escape))
        _ = update(&state, .key(.escape))
        XCTAssertNil(state.taskForm)

        _ = update(&state, .key(.char("a")))
        _ = update(&state, .key(.escape))
        XCTAssertNil(state.taskForm, "an empty form closes at once")
    }

    func testKeysThatAreCommandsElsewhereAreTypedIntoTheForm() {
        var state = mainState()
        _ = update(&state, .key(.char("a")))
        type("quit? refresh/filter", into: &state)
        XCTAssertFalse(state.shouldQuit)
        XCTAssertEqual(state.taskForm?.title.text, "quit? refresh/filter")
    }

    func testDeleteAsksNamingTheTaskThenRemovesItAtOnce() {
        var state = mainState()
        _ = update(&state, .key(.char("j")))
        XCTAssertEqual(update(&state, .key(.char("d"))), [])
        XCTAssertEqual(state.confirmation, .delete(Fixtures.task(2)))
        XCTAssertEqual(state.keyContext, .confirm)
        XCTAssertEqual(update(&state, .key(.char("n"))), [])
        XCTAssertNil(state.confirmation)
        XCTAssertEqual(state.tasks.count, 5)

        _ = update(&state, .key(.char("d")))
        let effects = update(&state, .key(.char("y")))
        XCTAssertEqual(effects.first, .deleteTask(id: "t00002"))
        XCTAssertEqual(state.tasks.count, 4)
        XCTAssertEqual(state.selectedTask?.title, "Task 3", "the next task moves up under the cursor")

        _ = update(&state, .taskDeleteFailed(id: "t00002", ServiceFailure(message: "could not connect")))
        XCTAssertEqual(state.tasks.count, 5)
        XCTAssertEqual(state.tasks.task(at: 1)?.title, "Task 2", "put back on its own row")
        XCTAssertEqual(state.message?.text, "Not deleted: “Task 2”: could not connect")
    }

    func testDeletingATaskAlreadyDeletedElsewhereCountsAsDone() {
        var state = mainState()
        _ = update(&state, .key(.char("d")))
        _ = update(&state, .key(.char("y")))
        _ = update(&state, .taskDeleteFailed(id: "t00001", ServiceFailure(message: "task not found", code: "not_found")))
        XCTAssertEqual(state.message?.text, "Deleted “Task 1”")
        XCTAssertEqual(state.message?.isError, false)
    }

    func testTheEditorsTextIsSavedForTheTaskOrPutInTheForm() {
        var state = mainState()
        XCTAssertEqual(update(&state, .key(.char("E"))), [.openEditor(text: "", for: .description(taskID: "t00001"))])
        XCTAssertEqual(
            update(&state, .editorClosed(.edited("line one\nline two"), for: .description(taskID: "t00001"))),
            [.updateTask(id: "t00001", TaskChanges(description: "line one\nline two"))])
        XCTAssertEqual(state.selectedTask?.description, "line one\nline two")

        XCTAssertEqual(update(&state, .editorClosed(.edited("line one\nline two"), for: .description(taskID: "t00001"))), [])
        XCTAssertEqual(state.message?.text, "Description unchanged")

        _ = update(&state, .key(.char("a")))
        XCTAssertEqual(update(&state, .key(.ctrl("o"))), [.openEditor(text: "", for: .form)])
        _ = update(&state, .editorClosed(.edited("from vi"), for: .form))
        XCTAssertEqual(state.taskForm?.description.text, "from vi")
        _ = update(&state, .editorClosed(.failed("The editor (nano) exited with status 1; nothing was changed"), for: .form))
        XCTAssertEqual(state.taskForm?.description.text, "from vi")
        XCTAssertEqual(state.taskForm?.message, "The editor (nano) exited with status 1; nothing was changed")
    }

    func testAFormSurvivesTheSessionEndingAndSigningInAgain() {
        var state = mainState()
        _ = update(&state, .key(.char("a")))
        type("Precious words", into: &state)
        _ = update(&state, .key(.enter))
        _ = update(&state, .formFailed(ServiceFailure(message: "Your session has ended.", sessionEnded: true)))
        guard case .login = state.screen else { return XCTFail("expected the login screen") }
        _ = update(&state, .loggedIn(Fixtures.session))
        XCTAssertEqual(state.taskForm?.title.text, "Precious words")
        XCTAssertEqual(state.taskForm?.message, "Signed in again: Enter saves")
    }

    func testRebindingTheFormsKeysWorks() throws {
        var state = mainState()
        let messages = try state.keymap.rebind(command: "form-editor", to: ["ctrl-e"])
        XCTAssertTrue(messages.allSatisfy { $0.kind != .shadowed })
        _ = update(&state, .key(.char("a")))
        XCTAssertEqual(update(&state, .key(.ctrl("e"))), [.openEditor(text: "", for: .form)])
    }

    func testTheDueFieldPreviewsTheDayItMeans() {
        var form = TaskForm()
        form.due.setText("2026-12-04")
        XCTAssertEqual(TaskFormView(form: form, now: Fixtures.now).duePreview.0, "→ Fri 2026-12-04 (in 3d)")
        form.due.setText("mon")
        XCTAssertEqual(TaskFormView(form: form, now: Fixtures.now).duePreview.0, "→ Mon 2026-12-07 (in 6d)")
    }
}
