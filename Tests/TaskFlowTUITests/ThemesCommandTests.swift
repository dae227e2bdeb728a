import Foundation
import TaskFlowTestSupport
import XCTest

/// `taskflow themes` run as a user would, with a config directory of its own.
final class ThemesCommandTests: XCTestCase {
    private func run(config: String?, themes: [String: String]) throws -> (out: String, err: String) {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("themes-cmd-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: home) }
        try FileManager.default.createDirectory(atPath: home + "/taskflow/themes", withIntermediateDirectories: true)
        if let config { XCTAssertTrue(FileManager.default.createFile(atPath: home + "/taskflow/config.toml", contents: Data(config.utf8))) }
        for (name, text) in themes { XCTAssertTrue(FileManager.default.createFile(atPath: home + "/taskflow/themes/\(name)", contents: Data(text.utf8))) }
        let process = Process()
        process.executableURL = try ProductsDirectory.executable("taskflow", overrideVariable: "TASKFLOW_BIN")
        process.arguments = ["themes"]
        process.environment = ["HOME": home, "XDG_CONFIG_HOME": home, "PATH": "/usr/bin:/bin"]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let output = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let errors = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
        return (output.replacingOccurrences(of: home, with: "$XDG"), errors.replacingOccurrences(of: home, with: "$XDG"))
    }

    func testListsBuiltInAndUserThemesMarksTheChosenOneAndReportsProblems() throws {
        let (out, err) = try run(
            config: "theme = \"ocean\"\nmouse = 1\n",
            themes: ["ocean.toml": "description = \"Blue\"\n[header]\nfg256 = 33\n", "light.toml": "[header\n"])
        let lines = out.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 7, out)
        XCTAssertTrue(lines.contains("  default         Colours on the terminal's own background; suits dark and light terminals  (built-in)"), out)
        XCTAssertTrue(lines.contains("* ocean           Blue  ($XDG/taskflow/themes/ocean.toml)"), out)
        XCTAssertTrue(lines.contains("  light           broken: $XDG/taskflow/themes/light.toml:1: expected ']' to close the table name"), out)
        XCTAssertEqual(err, "taskflow: $XDG/taskflow/config.toml:2: mouse must be true or false, found 1\n")
    }
}
