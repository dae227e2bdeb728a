import Foundation
import TaskFlowCore
import XCTest
@testable import TaskFlowTUI
@testable import TaskFlowSettings

/// `V` writes `[views.NAME]` into config.toml as text: every other line and comment stays,
/// a view of the same name has only its own table replaced, the file keeps its mode.
final class ViewsFileTests: XCTestCase {
    private let original = """
        # My settings, by hand.
        theme = "gruvbox"   # dark

        [views.urgent]
        filter = "priority:high"
        key = 4

        # Keys I changed
        [keys]
        done = "D"

        """

    func testANewViewIsAddedAtTheEndAndEverythingElseStays() {
        let view = SavedView(name: "reading", filter: "status:todo \"book\" \\ x", sort: TaskSort(.title, descending: true), key: 5)
        let text = ViewsFile.text(original, saving: view)
        XCTAssertEqual(text, original + """

            [views.reading]
            filter = "status:todo \\"book\\" \\\\ x"
            sort = "-title"
            key = 5

            """)
        let config = UserConfig(parsing: text, path: "c")
        XCTAssertEqual(config.warnings, [])
        XCTAssertEqual(config.views.view(named: "reading"), view, "the file reads back to the same view")
        XCTAssertEqual(config.keys.map(\.command), ["mark-done"])
    }

    func testSavingAViewOfTheSameNameReplacesOnlyItsTable() {
        let view = SavedView(name: "urgent", filter: "priority:high due:<7d", sort: TaskSort(.dueDate, descending: false), key: 4)
        XCTAssertEqual(ViewsFile.text(original, saving: view), """
            # My settings, by hand.
            theme = "gruvbox"   # dark

            [views.urgent]
            filter = "priority:high due:<7d"
            sort = "dueDate"
            key = 4

            # Keys I changed
            [keys]
            done = "D"

            """)
    }

    func testSaveReplacesTheFileKeepingItsModeAndCreatesOneThatIsMissing() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("views-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/taskflow/config.toml"
        let view = SavedView(name: "mine", filter: "status:todo", sort: .default, key: 4)

        try ViewsFile.save(view, to: path)
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "[views.mine]\nfilter = \"status:todo\"\nsort = \"-createdAt\"\nkey = 4\n")

        try Data(original.utf8).write(to: URL(fileURLWithPath: path))
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
        try ViewsFile.save(view, to: path)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        XCTAssertTrue(text.hasPrefix(original), text)
        XCTAssertTrue(text.hasSuffix("[views.mine]\nfilter = \"status:todo\"\nsort = \"-createdAt\"\nkey = 4\n"), text)
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber
        XCTAssertEqual(mode?.intValue, 0o600)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory + "/taskflow"), ["config.toml"], "no temporary file left")
    }

    func testAFileThatIsNotTextIsLeftAlone() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("views-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let bytes = Data([0xFF, 0xFE, 0x00, 0x41])
        try bytes.write(to: URL(fileURLWithPath: directory + "/config.toml"))
        XCTAssertThrowsError(try ViewsFile.save(SavedView(name: "x", filter: ""), to: directory + "/config.toml")) {
            XCTAssertEqual("\($0)", "\(directory)/config.toml cannot be read as UTF-8 text")
        }
        XCTAssertEqual(FileManager.default.contents(atPath: directory + "/config.toml"), bytes)
    }
}
