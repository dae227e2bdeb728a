import TaskFlowCore
import TerminalUI
import XCTest
@testable import TaskFlowTUI

/// The sort popup and the footer call each field by the same name, and a field chosen
/// in the popup starts in the direction that suits it, not the previous field's.
final class SortNamesTests: XCTestCase {
    func testTheFooterNamesTheSortAsThePopupDoes() {
        for (index, field) in SortPicker.fields.enumerated() {
            var state = Fixtures.mainState(size: Size(width: 120, height: 30), all: Fixtures.tasks(3))
            _ = update(&state, .key(.char("o")))
            for _ in 0..<index { _ = update(&state, .key(.down)) }
            let popup = ScreenView.render(state).frame.description
            _ = update(&state, .key(.enter))
            let footer = ScreenView.render(state).frame.description.split(separator: "\n").last.map(String.init) ?? ""
            let name = SortPicker.name(of: field)
            XCTAssertTrue(popup.contains("│ \(name)  "), "\(field): \(popup)")
            XCTAssertTrue(footer.contains("sort: \(name) "), "\(field): \(footer)")
        }
    }

    func testMovingToAnotherFieldResetsTheDirectionAndBackRestoresIt() {
        var picker = SortPicker(current: TaskSort(.createdAt, descending: false))
        picker.move(by: 2)
        XCTAssertEqual(picker.sort, TaskSort(.dueDate, descending: false), "soonest due first")
        picker.move(by: 1)
        XCTAssertEqual(picker.sort, TaskSort(.priority, descending: true), "high first")
        picker.move(by: -3)
        XCTAssertEqual(picker.sort, TaskSort(.createdAt, descending: false), "the sort in force keeps its direction")
    }
}
