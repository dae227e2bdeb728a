import Foundation
import TaskFlowClient
import TerminalUI
import XCTest
@testable import TaskFlowTUI

/// The header says what the local copy holds back: changes not yet sent, conflicts, and
/// that the server is out of reach; nothing when all is sent.
final class LocalCopyHeaderTests: XCTestCase {
    private func header(_ state: AppState) -> String {
        var buffer = ScreenBuffer(width: 120, height: 1)
        buffer.render(HeaderView(state: state), in: buffer.area)
        return buffer.description
    }

    func testPendingConflictsAndOfflineAreShownAndGoWhenSent() {
        var state = Fixtures.mainState(size: Size(width: 120, height: 24), all: Fixtures.tasks(3))
        _ = update(&state, .live(.state(.live)))
        _ = update(&state, .live(.localCopy(pending: 3, conflicts: ["t00001"], unreachable: true)))
        XCTAssertTrue(header(state).contains("⇡3 pending · 1 conflict · offline  ● live"), header(state))
        _ = update(&state, .live(.localCopy(pending: 0, conflicts: ["t00001", "t00002"], unreachable: false)))
        XCTAssertTrue(header(state).contains("2 conflicts  ● live"), header(state))
        XCTAssertFalse(header(state).contains("pending"))
        _ = update(&state, .live(.localCopy(pending: 0, conflicts: [], unreachable: false)))
        XCTAssertTrue(header(state).hasSuffix("● live · synced 0s ago"), header(state))
    }
}
