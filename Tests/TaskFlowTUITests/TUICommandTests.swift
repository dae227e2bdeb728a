import TaskFlowTUI
import TerminalUI
import XCTest

/// The command table itself: every command is reachable, named for a config file and
/// explained, derived from `TUICommand.allCases` so a new command is checked at once.
final class TUICommandTests: XCTestCase {
    func testEveryCommandHasAKeyByDefault() {
        let bound = Set(TUIKeymap.standard.contexts.values.flatMap(\.values))
        for command in TUICommand.allCases {
            XCTAssertTrue(bound.contains(command), "\(command.name) has no key in TUIKeymap.standard")
        }
    }

    func testNamesAreUniqueConfigWordsAndEveryCommandIsExplained() {
        XCTAssertEqual(Set(TUICommand.allCases.map(\.name)).count, TUICommand.allCases.count)
        for command in TUICommand.allCases {
            XCTAssertTrue(command.name.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "-" }, command.name)
            XCTAssertFalse(command.help.isEmpty, command.name)
            XCTAssertNotEqual(command.hint, "", command.name)
        }
    }

    func testEveryCommandCanBeReboundByName() throws {
        for command in TUICommand.allCases {
            var keymap = TUIKeymap.standard
            try keymap.rebind(command: command.name, to: [Key.function(12)])
            for context in keymap.contexts(binding: command.name) {
                XCTAssertEqual(keymap.keys(for: command, in: context), [.function(12)], "\(command.name) in \(context)")
            }
        }
    }
}
