import Foundation
import TaskFlowTUI
import TerminalUI
import TaskFlowSettings

/// What config.toml, the environment and the flags decide about the screen, gathered
/// before it opens so every problem can be shown on its message line.
struct ScreenSettings: Sendable {
    var theme: Theme
    var keymap: Keymap<TUICommand>
    var mouse: Bool
    var refresh: UserConfig.Refresh
    /// Whether the screen works on the local copy (`cache` in config.toml, `--no-cache`,
    /// `TASKFLOW_NO_CACHE=1`).
    var cache: Bool
    /// The views on the digit keys, and the config file `V` saves them in.
    var views: SavedViews
    var configPath: String
    /// One line each; the screen opens with all of them in a popup.
    var warnings: [String]

    init(config: UserConfig, themeFlag: String?, noColor: Bool, noCache: Bool = false, environment: [String: String]) {
        let catalog = ThemeCatalog(userDirectory: ThemeCatalog.userDirectory(environment: environment))
        let name = ThemeSelection.name(flag: themeFlag, configured: config.theme, environment: environment, noColor: noColor)
        let (theme, themeWarning) = catalog.load(named: name)
        let (keymap, keyWarnings) = config.keymap(from: TUIKeymap.standard)
        self.theme = theme
        self.keymap = keymap
        mouse = config.mouse
        views = config.views
        configPath = config.path
        refresh = config.refresh
        cache = config.cache && !noCache && environment["TASKFLOW_NO_CACHE"] != "1"
        warnings = config.warnings + catalog.unreadable.map { "\($0): cannot be read; skipped" } + [themeWarning].compactMap { $0 } + keyWarnings
    }
}
