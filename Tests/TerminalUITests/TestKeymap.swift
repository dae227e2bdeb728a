import TerminalUI

extension KeyContext {
    static let list = KeyContext("list")
}

/// A few commands shaped like the app's, as the app declares them: one enum.
enum TestCommand: String, CaseIterable, KeyCommand {
    case quit, showHelp = "help", down = "move-down", delete, edit

    var name: String { rawValue }

    var help: String {
        switch self {
        case .quit: "Quit TaskFlow"
        case .showHelp: "Show help"
        case .down: "Move down"
        case .delete: "Delete the selected task"
        case .edit: "Edit the selected task"
        }
    }

    var hint: String? {
        switch self {
        case .quit: "quit"
        case .showHelp: "help"
        case .down: "down"
        case .delete: "delete"
        case .edit: nil
        }
    }
}

/// A small keymap shaped like the app's: global commands and a list pane.
enum TestKeymap {
    static let quit = TestCommand.quit
    static let help = TestCommand.showHelp
    static let down = TestCommand.down
    static let delete = TestCommand.delete
    static let edit = TestCommand.edit

    static func make() -> Keymap<TestCommand> {
        var keymap = Keymap<TestCommand>()
        keymap.bind(.char("q"), to: quit)
        keymap.bind(.char("?"), to: help)
        keymap.bind([.char("j"), .down], to: down, in: .list)
        keymap.bind(.char("d"), to: delete, in: .list)
        keymap.bind(.char("e"), to: edit, in: .list)
        return keymap
    }
}
