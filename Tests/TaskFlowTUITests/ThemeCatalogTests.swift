import Foundation
import TaskFlowTUI
import TerminalUI
import XCTest

final class ThemeCatalogTests: XCTestCase {
    private var directory: String!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("themes-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: directory)
    }

    private func write(_ name: String, _ text: String) {
        XCTAssertTrue(FileManager.default.createFile(atPath: directory + "/" + name, contents: Data(text.utf8)))
    }

    func testBuiltInThemesAreEmbeddedAndAllParse() throws {
        let catalog = ThemeCatalog(userDirectory: nil)
        XCTAssertEqual(catalog.items.map(\.name), ["default", "gruvbox", "high-contrast", "light", "mono", "solarized-dark"])
        for item in catalog.items {
            XCTAssertEqual(item.source, .builtIn)
            let file = try ThemeFile(name: item.name, parsing: item.text)
            XCTAssertFalse(file.description.isEmpty, item.name)
            XCTAssertNil(catalog.load(named: item.name).warning)
        }
    }

    /// Themes/default.toml and mono.toml say exactly what the compiled-in tables say, so the
    /// screen looks the same whichever one is in use.
    func testDefaultAndMonoFilesMatchTheCompiledInThemes() {
        let catalog = ThemeCatalog(userDirectory: nil)
        let fileDefault = catalog.load(named: "default").theme
        let fileMono = catalog.load(named: "mono").theme
        for role in Role.builtIn {
            XCTAssertEqual(fileDefault[role], Theme.default[role], role.name)
            XCTAssertEqual(fileMono[role], Theme.mono[role], role.name)
        }
        XCTAssertTrue(fileMono.isMonochrome)
    }

    func testGoodUserThemeIsListedAndLoaded() {
        write("ocean.toml", "description = \"Blue\"\n[header]\nfg256 = 33\n")
        write("notes.txt", "not a theme")
        let catalog = ThemeCatalog(userDirectory: directory)
        XCTAssertEqual(catalog.item(named: "ocean")?.source, .file(directory + "/ocean.toml"))
        XCTAssertNil(catalog.item(named: "notes"))
        let (theme, warning) = catalog.load(named: "ocean")
        XCTAssertNil(warning)
        XCTAssertEqual(theme.name, "ocean")
        XCTAssertEqual(theme[.header].foreground256, TerminalColor(index: 33))
    }

    func testUserThemeOverridesBuiltInOfTheSameName() {
        write("gruvbox.toml", "[header]\nfg256 = 1\n")
        let catalog = ThemeCatalog(userDirectory: directory)
        XCTAssertEqual(catalog.items.filter { $0.name == "gruvbox" }.count, 1)
        XCTAssertEqual(catalog.item(named: "gruvbox")?.source, .file(directory + "/gruvbox.toml"))
        XCTAssertEqual(catalog.load(named: "gruvbox").theme[.header].foreground256, .red)
    }

    func testBrokenThemeNamesFileLineAndProblemAndFallsBackToDefault() {
        write("broken.toml", "description = \"x\"\n\n[header]\nfg256 = \"purpleish\"\n")
        let (theme, warning) = ThemeCatalog(userDirectory: directory).load(named: "broken")
        XCTAssertEqual(
            warning,
            "\(directory!)/broken.toml:4: fg256 = \"purpleish\" is not a colour (a name, 0-255 or \"#rrggbb\"); using default theme"
        )
        XCTAssertEqual(theme.name, "default")
        XCTAssertEqual(theme[.header], Theme.default[.header])
    }

    func testBrokenUserDefaultFallsBackToTheBuiltInDefault() {
        write("default.toml", "[header\n")
        let (theme, warning) = ThemeCatalog(userDirectory: directory).load(named: "default")
        XCTAssertEqual(warning, "\(directory!)/default.toml:1: expected ']' to close the table name; using default theme")
        XCTAssertEqual(theme[.listSelected], Theme.default[.listSelected])
    }

    func testMissingThemeSaysWhichExistAndUsesDefault() {
        let (theme, warning) = ThemeCatalog(userDirectory: directory + "/absent").load(named: "neon")
        XCTAssertEqual(warning, "unknown theme \"neon\" (themes: default, gruvbox, high-contrast, light, mono, solarized-dark); using default")
        XCTAssertEqual(theme.name, "default")
    }

    func testSelectionOrderFlagEnvironmentConfigAndNoColor() {
        XCTAssertEqual(ThemeSelection.name(flag: nil, configured: nil, environment: [:]), "default")
        XCTAssertEqual(ThemeSelection.name(flag: nil, configured: "light", environment: [:]), "light")
        XCTAssertEqual(ThemeSelection.name(flag: nil, configured: "light", environment: ["TASKFLOW_THEME": "gruvbox"]), "gruvbox")
        XCTAssertEqual(ThemeSelection.name(flag: "mono", configured: "light", environment: ["TASKFLOW_THEME": "gruvbox"]), "mono")
        XCTAssertEqual(ThemeSelection.name(flag: "light", configured: nil, environment: ["NO_COLOR": "1"]), "mono")
        XCTAssertEqual(ThemeSelection.name(flag: "light", configured: nil, environment: ["NO_COLOR": ""]), "light")
        XCTAssertEqual(ThemeSelection.name(flag: "light", configured: nil, environment: [:], noColor: true), "mono")
    }
}
