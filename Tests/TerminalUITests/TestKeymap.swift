import TerminalUI

extension KeyContext {
    static let list = KeyContext("list")
}

/// A small keymap shaped like the app's: global commands and a list pane.
enum TestKeymap {
    static let quit = Command("quit", help: "Quit TaskFlow", hint: "quit")
    static let help = Command("help", help: "Show help", hint: "help")
    static let down = Command("move-down", help: "Move down", hint: "down")
    static let delete = Command("delete", help: "Delete the selected task", hint: "delete")
    static let edit = Command("edit", help: "Edit the selected task")

    static func make() -> Keymap {
        var keymap = Keymap()
        keymap.bind(.char("q"), to: quit)
        keymap.bind(.char("?"), to: help)
        keymap.bind([.char("j"), .down], to: down, in: .list)
        keymap.bind(.char("d"), to: delete, in: .list)
        keymap.bind(.char("e"), to: edit, in: .list)
        return keymap
    }
}
