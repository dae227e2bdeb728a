import Foundation
import TerminalUI
import XCTest
@testable import TaskFlowTUI

/// The whole program on the in-memory terminal, for program tests: a fixed clock, a fake
/// server behind, and the loop stepped until what the user would wait for is on screen.
extension XCTestCase {
    func makeProgram(
        _ service: FakeTaskService, width: Int = 120, height: Int = 30, pageSize: Int = 50
    ) -> TUIProgram<MemoryBackend> {
        let backend = MemoryBackend(width: width, height: height)
        let state = AppState(size: backend.size, now: Fixtures.now, defaultServer: "http://127.0.0.1:5000", pageSize: pageSize)
        return TUIProgram(backend: backend, service: service, state: state, clock: { Fixtures.now })
    }

    /// Runs the loop until `condition` holds (effects finish on other threads).
    func waitUntil(
        _ program: TUIProgram<MemoryBackend>, _ what: String, file: StaticString = #filePath, line: UInt = #line,
        _ condition: () -> Bool
    ) {
        let deadline = Date().addingTimeInterval(5)
        while Date() < deadline {
            program.step(wait: .zero)
            if condition() { return }
            usleep(1_000)
        }
        XCTFail("timed out waiting for \(what); screen:\n\(program.backend.screen)", file: file, line: line)
    }

    func screen(_ program: TUIProgram<MemoryBackend>) -> String { program.backend.screen.description }
}
