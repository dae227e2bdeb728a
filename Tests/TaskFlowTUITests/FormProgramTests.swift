import Foundation
import TaskFlowCore
import TerminalUI
import XCTest
@testable import TaskFlowTUI

/// The form and `$EDITOR` through the whole program: keys in, the fake server's answers
/// back through the effect runner, the screen read as the user sees it.
final class FormProgramTests: XCTestCase {

    func testAValidationRoundTripShowsTheServersWordsUnderTheFieldThenSaves() {
        let service = FakeTaskService(tasks: Fixtures.tasks(3))
        let program = makeProgram(service)
        program.start()
        waitUntil(program, "the first page") { screen(program).contains("Task 1 ") }
        service.refuse(with: [FieldProblem("title", "must be at most 200 characters")])
        program.backend.enqueue([.char("a")])
        program.backend.enqueue(typing: "Too long, says the server")
        program.backend.enqueue([.enter])
        waitUntil(program, "the problem under Title") { screen(program).contains("↳ must be at most 200 characters") }
        XCTAssertTrue(screen(program).contains("Too long, says the server"))
        XCTAssertEqual(service.tasks.count, 3)

        service.refuse(with: [])
        program.backend.enqueue([.ctrl("u")])
        program.backend.enqueue(typing: "Short")
        program.backend.enqueue([.enter])
        waitUntil(program, "the new task in the list") { screen(program).contains("Added “Short”") && !screen(program).contains("New task") }
        XCTAssertEqual(service.tasks.first?.title, "Short")
        XCTAssertEqual(service.createKeys.count, 2)
        XCTAssertNotEqual(service.createKeys[0], service.createKeys[1], "different fields, a different key")
    }

    func testEditorScriptRoundTripHandsTheTerminalOverAndSavesTheDescription() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("taskflow-editor-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let script = directory.appendingPathComponent("edit.sh").path
        // Appends a line, as a user would, and records what it was given.
        try "#!/bin/sh\ncp \"$1\" \(directory.path)/seen.txt\nprintf 'added by the editor\\n' >> \"$1\"\n"
            .write(toFile: script, atomically: true, encoding: .utf8)
        chmod(script, 0o755)

        let service = FakeTaskService(tasks: [Fixtures.task(1, description: "ทดสอบ 🙂 first line")])
        let program = makeProgram(service)
        program.editor = ExternalEditor(environment: ["EDITOR": script, "TMPDIR": directory.path, "PATH": "/usr/bin:/bin"])
        program.start()
        waitUntil(program, "the first page") { screen(program).contains("Task 1 ") }
        program.backend.enqueue([.char("E")])
        waitUntil(program, "the server to have the description") {
            service.tasks[0].description == "ทดสอบ 🙂 first line\nadded by the editor"
        }
        XCTAssertEqual(program.backend.handOverCount, 1)
        XCTAssertTrue(program.backend.wasInactiveDuringHandOver, "the UI let go of the terminal while the editor ran")
        XCTAssertEqual(try String(contentsOfFile: directory.path + "/seen.txt", encoding: .utf8), "ทดสอบ 🙂 first line\n")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasPrefix("taskflow-description") }
        XCTAssertEqual(leftovers, [], "the temporary file is removed")
        waitUntil(program, "the new line in the detail pane") { screen(program).contains("added by the editor") }
    }

    func testTheEditorComesFromEditorThenVisualThenVi() {
        XCTAssertEqual(ExternalEditor(environment: ["EDITOR": "nano", "VISUAL": "code --wait"]).command, "nano")
        XCTAssertEqual(ExternalEditor(environment: ["EDITOR": " ", "VISUAL": "code --wait"]).command, "code --wait")
        XCTAssertEqual(ExternalEditor(environment: [:]).command, "vi")
    }

    func testAnEditorThatCannotBeFoundIsReportedAndNothingChanges() {
        let outcome = ExternalEditor(environment: ["EDITOR": "no-such-editor-here", "PATH": "/usr/bin:/bin"]).edit("kept")
        XCTAssertEqual(outcome, .failed("The editor (no-such-editor-here) was not found; set $EDITOR"))
    }
}
