import Foundation
import TaskFlowClient
import TaskFlowCore
import TaskFlowSync
import TerminalUI
import XCTest
@testable import TaskFlowTUI

/// The conflict view as values: `C` asks for the conflict (the selected task's, else the
/// first one, with the cursor moved to it), choices per field and for all, Enter asks the
/// service to resolve with exactly the fields chosen, Esc leaves it.
final class ConflictUpdateTests: XCTestCase {
    static let tasks = Fixtures.tasks(5)

    /// Mine wanted Task 3 high and "Mine"; the server has "Theirs" at medium.
    static let conflict: Conflict = {
        var mine = tasks[2], theirs = tasks[2]
        mine.title = "Mine"
        mine.priority = .high
        theirs.title = "Theirs"
        theirs.version = 2
        return Conflict(id: mine.id, mine: mine, theirs: theirs)
    }()

    private func state(conflicts: [String]) -> AppState {
        var state = Fixtures.mainState(all: Self.tasks)
        _ = update(&state, .live(.localCopy(pending: 0, conflicts: conflicts, unreachable: false)))
        return state
    }

    func testCOpensTheSelectedTasksConflictElseGoesToTheFirst() {
        var state = self.state(conflicts: ["t00003", "t00005"])
        XCTAssertEqual(update(&state, .key(.char("C"))).last, .loadConflict(id: "t00003"), "Task 1 has none: the first conflict")
        XCTAssertEqual(state.selectedTask?.id, "t00003", "the cursor went to it")
        _ = update(&state, .key(.char("j")))
        _ = update(&state, .key(.char("j")))
        XCTAssertEqual(update(&state, .key(.char("C"))), [.loadConflict(id: "t00005")], "the selected task's own")
    }

    func testWithoutConflictsOrWithoutALocalCopyCSaysSo() {
        var online = Fixtures.mainState(all: Self.tasks)
        XCTAssertEqual(update(&online, .key(.char("C"))), [])
        XCTAssertEqual(online.message?.text.contains("--no-cache"), true, online.message?.text ?? "no message")
        var none = state(conflicts: [])
        XCTAssertEqual(update(&none, .key(.char("C"))), [])
        XCTAssertEqual(none.message?.text, "No conflicts")
    }

    func testChoicesPerFieldAndForAllThenEnterResolvesWithThem() {
        var state = self.state(conflicts: ["t00003"])
        _ = update(&state, .conflictLoaded(.success(Self.conflict)))
        XCTAssertEqual(state.conflictResolver?.fields, [.title, .priority])
        XCTAssertEqual(state.keyContext, .conflict)
        // The server's version at first; ↓ then m keeps mine for priority.
        XCTAssertEqual(state.conflictResolver?.keepingMine, [])
        _ = update(&state, .key(.down))
        _ = update(&state, .key(.char("m")))
        XCTAssertEqual(state.conflictResolver?.keepingMine, [.priority])
        _ = update(&state, .key(.char("M")))
        XCTAssertEqual(state.conflictResolver?.keepingMine, [.title, .priority])
        _ = update(&state, .key(.char("T")))
        XCTAssertEqual(state.conflictResolver?.keepingMine, [])
        _ = update(&state, .key(.left))
        _ = update(&state, .key(.up))
        _ = update(&state, .key(.left))
        _ = update(&state, .key(.right))
        XCTAssertEqual(state.conflictResolver?.keepingMine, [.priority], "← and → choose for the row under the cursor")
        XCTAssertEqual(update(&state, .key(.enter)), [.resolveConflict(id: "t00003", keepingMine: [.priority])])
        XCTAssertNil(state.conflictResolver)
        let effects = update(&state, .conflictResolved(id: "t00003", keepingMine: [.priority], .success(())))
        XCTAssertTrue(effects.contains { if case .fetchPage = $0 { true } else { false } }, "the list is read again")
        XCTAssertEqual(state.message?.text, "Resolved: kept yours for priority (u undoes it)")
    }

    func testEscLeavesTheConflictUnresolvedAndOtherKeysDoNothingElse() {
        var state = self.state(conflicts: ["t00003"])
        _ = update(&state, .conflictLoaded(.success(Self.conflict)))
        XCTAssertEqual(update(&state, .key(.char("x"))), [], "the list's keys are not reachable under the view")
        XCTAssertEqual(update(&state, .key(.char("q"))), [])
        XCTAssertNil(state.conflictResolver)
        XCTAssertFalse(state.shouldQuit)
        XCTAssertEqual(state.message?.text, "Conflict left unresolved: C opens it again")
    }

    func testAConflictedRowIsMarkedAndTheDetailSaysHowToResolve() {
        var state = self.state(conflicts: ["t00001"])
        state.focus = .list
        let screen = ScreenView.render(state).frame.description
        XCTAssertTrue(screen.contains("[ ] 0001 med  ! Task 1"), screen)
        XCTAssertTrue(screen.contains("conflict: press C to resolve"), screen)
        XCTAssertFalse(screen.contains("! Task 2"))
    }

    func testValuesReadOnOneLineAndADeletionIsEveryField() {
        var mine = Self.tasks[0], theirs = Self.tasks[0]
        mine.description = "two\nlines"
        mine.dueDate = Date(timeIntervalSince1970: 1_796_126_400)  // 2026-12-01 12:00
        theirs.dueDate = Date(timeIntervalSince1970: 1_796_140_800)  // 2026-12-01 16:00
        let resolver = ConflictResolver(Conflict(id: mine.id, mine: mine, theirs: theirs))
        XCTAssertEqual(resolver.fields, [.description, .dueDate])
        XCTAssertEqual(resolver.value(of: .description, mine: true), "two lines")
        XCTAssertEqual(resolver.value(of: .description, mine: false), "(empty)")
        XCTAssertEqual(resolver.value(of: .dueDate, mine: true), "2026-12-01T12:00:00.000Z", "the same day: the times tell them apart")
        theirs.dueDate = nil
        XCTAssertEqual(ConflictResolver(Conflict(id: mine.id, mine: mine, theirs: theirs)).value(of: .dueDate, mine: true), "2026-12-01")
        let deleted = ConflictResolver(Conflict(id: mine.id, mine: nil, theirs: theirs))
        XCTAssertEqual(deleted.fields, TaskField.allCases)
        XCTAssertEqual(deleted.value(of: .title, mine: true), "(deleted)")
    }
}
