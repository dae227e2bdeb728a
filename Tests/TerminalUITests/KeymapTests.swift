import TerminalUI
import XCTest

final class KeymapTests: XCTestCase {
    func testParsesConfigKeyNames() throws {
        let cases: [(String, Key)] = [
            ("x", .char("x")), ("G", .char("G")), ("?", .char("?")), ("-", .char("-")),
            ("ctrl-d", .ctrl("d")), ("C-D", .ctrl("d")), ("^d", .ctrl("d")), ("ctrl-space", .ctrl(" ")),
            ("enter", .enter), ("Return", .enter), ("esc", .escape), ("tab", .tab),
            ("S-tab", .backTab), ("shift-tab", .backTab), ("shift-g", .char("G")),
            ("pgdn", .pageDown), ("PgUp", .pageUp), ("home", .home), ("end", .end),
            ("space", .char(" ")), ("backspace", .backspace), ("del", .delete),
            ("alt-x", .alt("x")), ("M-x", .alt("x")), ("f5", .function(5)), ("F12", .function(12)),
            ("up", .up), ("ctrl-i", .tab), ("ctrl-h", .backspace), (" q ", .char("q")),
        ]
        for (text, expected) in cases {
            XCTAssertEqual(try Key(parsing: text), expected, text)
        }
    }

    func testRejectsWhatIsNotAKey() {
        for text in ["", "ctrl-", "hyper-x", "f99", "ctrl-alt-x", "shift-up", "foo"] {
            XCTAssertThrowsError(try Key(parsing: text), text) { error in
                XCTAssertEqual(error as? KeymapError, .invalidKey(text))
            }
        }
    }

    func testConfigNamesReadBackAsTheSameKey() throws {
        let keys: [Key] = [.char("x"), .char(" "), .ctrl("d"), .alt("x"), .enter, .escape, .backTab, .pageDown, .function(7), .left]
        for key in keys {
            XCTAssertEqual(try Key(parsing: key.configName), key, key.configName)
        }
    }

    func testDisplayNamesForHints() {
        XCTAssertEqual(Key.ctrl("d").displayName, "^D")
        XCTAssertEqual(Key.pageDown.displayName, "PgDn")
        XCTAssertEqual(Key.char(" ").displayName, "Space")
        XCTAssertEqual(Key.down.displayName, "↓")
    }

    func testContextBindingsWinAndGlobalOnesApplyEverywhere() {
        let keymap = TestKeymap.make()
        XCTAssertEqual(keymap.command(for: .char("d"), in: .list), TestKeymap.delete)
        XCTAssertEqual(keymap.command(for: .char("q"), in: .list), TestKeymap.quit)
        XCTAssertNil(keymap.command(for: .char("d"), in: .global))
        XCTAssertNil(keymap.command(for: .char("z"), in: .list))
    }

    func testBindingsListCommandsInDeclarationOrderWithAllTheirKeys() {
        let bindings = TestKeymap.make().bindings(for: .list, includingGlobal: true)
        XCTAssertEqual(bindings.map(\.command.name), ["move-down", "delete", "edit", "quit", "help"])
        XCTAssertEqual(bindings[0].keys, [.char("j"), .down])
        XCTAssertEqual(bindings[0].keyLabel, "j/↓")
    }

    func testRebindReplacesTheCommandsKeys() throws {
        var keymap = TestKeymap.make()
        let conflicts = try keymap.rebind(command: "delete", to: ["x"])
        XCTAssertEqual(conflicts, [])
        XCTAssertEqual(keymap.command(for: .char("x"), in: .list), TestKeymap.delete)
        XCTAssertNil(keymap.command(for: .char("d"), in: .list))
        XCTAssertEqual(keymap.keys(for: TestKeymap.delete, in: .list), [.char("x")])
    }

    func testRebindOntoAnotherCommandsKeyReportsTheConflict() throws {
        var keymap = TestKeymap.make()
        let conflicts = try keymap.rebind(command: "delete", to: .char("e"))
        XCTAssertEqual(conflicts, [
            KeyConflict(kind: .replaced, key: .char("e"), context: .list, command: TestKeymap.delete, other: TestKeymap.edit),
        ])
        XCTAssertEqual(keymap.command(for: .char("e"), in: .list), TestKeymap.delete)
        XCTAssertEqual(keymap.keys(named: "edit", in: .list), [], "edit lost its only key")
        XCTAssertEqual(conflicts.first?.description, "e in list was bound to edit, now delete")
    }

    func testGlobalRebindHiddenByAContextBindingIsReported() throws {
        var keymap = TestKeymap.make()
        let conflicts = try keymap.rebind(command: "quit", to: ["j"])
        XCTAssertEqual(conflicts, [
            KeyConflict(kind: .shadowed, key: .char("j"), context: .list, command: TestKeymap.quit, other: TestKeymap.down),
        ])
        XCTAssertEqual(keymap.command(for: .char("j"), in: .global), TestKeymap.quit)
        XCTAssertEqual(keymap.command(for: .char("j"), in: .list), TestKeymap.down)
    }

    func testRebindErrors() {
        var keymap = TestKeymap.make()
        XCTAssertThrowsError(try keymap.rebind(command: "nope", to: ["x"])) { error in
            XCTAssertEqual(error as? KeymapError, .unknownCommand("nope"))
        }
        XCTAssertThrowsError(try keymap.rebind(command: "quit", to: ["ctrl-"])) { error in
            XCTAssertEqual(error as? KeymapError, .invalidKey("ctrl-"))
        }
        XCTAssertEqual(keymap.command(for: .char("q"), in: .global), TestKeymap.quit, "a failed rebind changes nothing")
    }

    func testRebindInOneContextOnly() throws {
        var keymap = TestKeymap.make()
        keymap.bind(.char("d"), to: TestKeymap.delete, in: KeyContext("detail"))
        try keymap.rebind(command: "delete", to: .char("D"), in: KeyContext("detail"))
        XCTAssertEqual(keymap.command(for: .char("D"), in: KeyContext("detail")), TestKeymap.delete)
        XCTAssertEqual(keymap.command(for: .char("d"), in: .list), TestKeymap.delete)
    }
}
