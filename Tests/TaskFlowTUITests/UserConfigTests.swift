import Foundation
import TaskFlowTUI
import TerminalUI
import XCTest
@testable import TaskFlowSettings

final class UserConfigTests: XCTestCase {
    private let path = "/home/u/.config/taskflow/config.toml"

    func testValidFile() {
        let config = UserConfig(parsing: """
        # mine
        server = "https://tasks.example.com"
        theme = "gruvbox"
        refresh = "poll"
        mouse = true

        [keys]
        done = "d"
        cycle-status = ["S", "ctrl-s"]
        """, path: path)
        XCTAssertEqual(config.warnings, [])
        XCTAssertEqual(config.server, "https://tasks.example.com")
        XCTAssertEqual(config.theme, "gruvbox")
        XCTAssertEqual(config.refresh, .poll)
        XCTAssertEqual(config.refresh.liveMode, .pollingOnly)
        XCTAssertTrue(config.mouse)
        XCTAssertEqual(config.keys, [
            UserConfig.Binding(command: "mark-done", keys: ["d"], line: 8),
            UserConfig.Binding(command: "cycle-status", keys: ["S", "ctrl-s"], line: 9),
        ])
    }

    func testMissingFileAndDefaults() throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("cfg-\(UUID().uuidString)").path
        let config = UserConfig.load(environment: ["XDG_CONFIG_HOME": home])
        XCTAssertEqual(config, UserConfig(path: home + "/taskflow/config.toml"))
        XCTAssertEqual(config.refresh, .auto)
        XCTAssertFalse(config.mouse)
        XCTAssertNil(config.theme)
    }

    func testLoadReadsTheXDGFile() throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("cfg-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: home) }
        try FileManager.default.createDirectory(atPath: home + "/taskflow", withIntermediateDirectories: true)
        XCTAssertTrue(FileManager.default.createFile(atPath: home + "/taskflow/config.toml", contents: Data("theme = \"light\"\n".utf8)))
        XCTAssertEqual(UserConfig.load(environment: ["XDG_CONFIG_HOME": home]).theme, "light")
    }

    func testUnknownKeysAndBadValuesAreOneLineWarningsAndKeepDefaults() {
        let config = UserConfig(parsing: """
        colour = "red"
        refresh = "sometimes"
        mouse = "yes"
        theme = 3
        server = "not a url"
        [display]
        [keys]
        quit = 5
        """, path: path)
        XCTAssertEqual(config.warnings, [
            "\(path):1: unknown key \"colour\" (known: server, theme, refresh, mouse, cache, [keys], [views.NAME])",
            "\(path):2: refresh = \"sometimes\" is not one of auto, socket, poll",
            "\(path):3: mouse must be true or false, found \"yes\"",
            "\(path):4: theme must be a string, found an integer",
            "\(path):5: server = \"not a url\" is not a server address (like \"http://127.0.0.1:5000\")",
            "\(path):6: unknown section [display] (known: [keys], [views.NAME])",
            "\(path):8: keys.quit must be a key (\"x\") or a list of keys ([\"s\", \"S\"]), found 5",
        ])
        XCTAssertEqual(config.refresh, .auto)
        XCTAssertFalse(config.mouse)
        XCTAssertNil(config.theme)
        XCTAssertNil(config.server)
        XCTAssertEqual(config.keys, [])
    }

    func testLinesThatAreNotTOMLCostOnlyThemselvesAndAreAllReported() {
        let config = UserConfig(parsing: """
        server = "https://tasks.example.com"
        mouse = yes
        theme = light
        refresh = "poll"
        [keys
        quit = "Q"
        [keys]
        done = "D"
        """, path: path)
        XCTAssertEqual(config.warnings, [
            "\(path):2: \"yes\" is not a string, integer, boolean or array (strings need quotes); the line is ignored",
            "\(path):3: \"light\" is not a string, integer, boolean or array (strings need quotes); the line is ignored",
            "\(path):5: expected ']' to close the table name; the lines up to the next table are ignored",
        ])
        XCTAssertEqual(config.server, "https://tasks.example.com")
        XCTAssertEqual(config.refresh, .poll)
        XCTAssertFalse(config.mouse)
        XCTAssertNil(config.theme)
        XCTAssertEqual(config.keys, [UserConfig.Binding(command: "mark-done", keys: ["D"], line: 8)])
    }

    func testKeymapRebindingAndConflicts() {
        let config = UserConfig(parsing: """
        [keys]
        done = "D"
        refresh = "s"
        quit = "ctrl-q"
        launch-rockets = "L"
        help = "ctrl-"
        """, path: path)
        let (keymap, warnings) = config.keymap(from: TUIKeymap.standard)
        XCTAssertEqual(keymap.command(for: .char("D"), in: .list)?.name, "mark-done")
        XCTAssertNil(keymap.command(for: .char("x"), in: .list))
        XCTAssertEqual(keymap.command(for: .char("D"), in: .detail)?.name, "mark-done")
        XCTAssertEqual(keymap.command(for: .ctrl("q"), in: .list)?.name, "quit")
        XCTAssertNil(keymap.command(for: .char("q"), in: .list))
        XCTAssertEqual(keymap.command(for: .char("s"), in: .list)?.name, "cycle-status", "the pane's own binding still wins")
        XCTAssertEqual(warnings, [
            "\(path):3: key conflict: s for refresh is hidden in detail by cycle-status",
            "\(path):3: key conflict: s for refresh is hidden in list by cycle-status",
            "\(path):5: keys: no command named \"launch-rockets\"",
            "\(path):6: keys: not a key: \"ctrl-\"",
        ])
    }
}

extension UserConfigTests {
    func testTakingAnotherCommandsKeyIsReportedButRestatingADefaultIsNot() {
        let config = UserConfig(parsing: "[keys]\ncycle-status = \"p\"\nquit = [\"q\", \"ctrl-c\"]\n", path: "c.toml")
        let (keymap, warnings) = config.keymap(from: TUIKeymap.standard)
        XCTAssertEqual(keymap.command(for: .char("p"), in: .list)?.name, "cycle-status")
        XCTAssertEqual(warnings, [
            "c.toml:2: key conflict: p in detail was bound to cycle-priority, now cycle-status",
            "c.toml:2: key conflict: p in list was bound to cycle-priority, now cycle-status",
        ])
    }
}
