import ArgumentParser
import Foundation
import TaskFlowTUI
import TerminalUI
import TaskFlowSettings

/// `taskflow themes`: every theme a user can pick, where it comes from, and a sample line
/// in its colours (plain text when output is not a colour terminal).
struct ThemesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "themes",
        abstract: "List the colour themes (built-in and $XDG_CONFIG_HOME/taskflow/themes/*.toml).",
        discussion: "Pick one with --theme, TASKFLOW_THEME or theme in config.toml. The format: taskflow-themes(5)."
    )

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let config = UserConfig.load(environment: environment)
        for warning in config.warnings { FileHandle.standardError.write(Data("taskflow: \(warning)\n".utf8)) }
        let catalog = ThemeCatalog(userDirectory: ThemeCatalog.userDirectory(environment: environment))
        for path in catalog.unreadable { FileHandle.standardError.write(Data("taskflow: \(path): cannot be read; skipped\n".utf8)) }
        let current = ThemeSelection.name(flag: nil, configured: config.theme, environment: environment)
        let colour = isatty(STDOUT_FILENO) == 1 && (environment["NO_COLOR"] ?? "").isEmpty && environment["TERM"] != "dumb"
        let nameWidth = catalog.items.map(\.name.count).max() ?? 0
        var output = ""
        for item in catalog.items {
            let marker = item.name == current ? "*" : " "
            let name = item.name.padding(toLength: nameWidth, withPad: " ", startingAt: 0)
            do {
                let file = try ThemeFile(name: item.name, parsing: item.text)
                let sample = colour ? ThemeSample.ansi(file.theme) + "  " : ""
                output += "\(marker) \(name)  \(sample)\(file.description)  (\(item.source))\n"
            } catch {
                output += "\(marker) \(name)  broken: \(item.source):\(error.line): \(error.message)\n"
            }
        }
        print(output, terminator: "")
    }
}

/// A few roles of a theme as 256-colour ANSI text, for `taskflow themes`.
enum ThemeSample {
    static let parts: [(String, Role)] = [
        (" selected ", .listSelected), (" high ", .priorityHigh), (" overdue ", .overdue), (" done ", .statusDone), (" status ", .statusBar),
    ]

    static func ansi(_ theme: Theme) -> String {
        parts.map { text, role in
            let style = theme.resolve(Style(role), mode: .palette256)
            var codes: [String] = []
            if style.attributes.contains(.bold) { codes.append("1") }
            if style.attributes.contains(.dim) { codes.append("2") }
            if style.attributes.contains(.underline) { codes.append("4") }
            if style.attributes.contains(.reverse) { codes.append("7") }
            if let index = style.foreground.index { codes.append("38;5;\(index)") }
            if let index = style.background.index { codes.append("48;5;\(index)") }
            return "\u{1B}[\(codes.joined(separator: ";"))m\(text)\u{1B}[0m"
        }.joined()
    }
}
