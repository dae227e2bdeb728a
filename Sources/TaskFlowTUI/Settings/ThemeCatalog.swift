import CThemes
import Foundation
import TaskFlowClient
import TerminalUI

/// Every theme a user can pick: the files of Themes/ compiled into the binary, and
/// `*.toml` files in `$XDG_CONFIG_HOME/taskflow/themes/`, which win over a built-in theme
/// of the same name (so a user can adjust "default" without renaming it).
public struct ThemeCatalog: Sendable {
    /// Where a theme comes from, as `taskflow themes` shows it.
    public enum Source: Sendable, Equatable, CustomStringConvertible {
        case builtIn
        case file(String)

        public var description: String {
            switch self {
            case .builtIn: "built-in"
            case .file(let path): path
            }
        }
    }

    /// One theme's text and origin, not yet parsed.
    public struct Item: Sendable, Equatable {
        public var name: String
        public var source: Source
        public var text: String
    }

    /// Themes by name, user files having replaced built-ins; sorted by name.
    public let items: [Item]
    /// User theme files that could not be read at all (not their contents' problems).
    public let unreadable: [String]

    /// The theme files in Themes/, as compiled in.
    public static let builtInItems: [Item] = (0..<taskflow_builtin_theme_count()).map { index in
        Item(name: String(cString: taskflow_builtin_theme_name(index)), source: .builtIn,
             text: String(cString: taskflow_builtin_theme_text(index)))
    }

    /// `$XDG_CONFIG_HOME/taskflow/themes` (or `~/.config/taskflow/themes`).
    public static func userDirectory(environment: [String: String]) -> String {
        XDGDirectories(environment: environment).config.appendingPathComponent("taskflow/themes").path
    }

    public init(builtIns: [Item] = ThemeCatalog.builtInItems, userDirectory: String?) {
        var byName = Dictionary(builtIns.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        var unreadable: [String] = []
        if let userDirectory, let names = try? FileManager.default.contentsOfDirectory(atPath: userDirectory) {
            for file in names.sorted() where file.hasSuffix(".toml") {
                let path = userDirectory + "/" + file
                guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
                    unreadable.append(path)
                    continue
                }
                let name = String(file.dropLast(5))
                byName[name] = Item(name: name, source: .file(path), text: text)
            }
        }
        items = byName.values.sorted { $0.name < $1.name }
        self.unreadable = unreadable
    }

    public func item(named name: String) -> Item? { items.first { $0.name == name } }

    /// The theme called `name`, or the default theme and a one-line message saying why
    /// not (`themes/x.toml:12: unknown role [heder]`). Never fails: a broken theme must
    /// not keep anyone from their tasks.
    public func load(named name: String) -> (theme: Theme, warning: String?) {
        guard let item = item(named: name) else {
            let known = items.map(\.name).joined(separator: ", ")
            return (fallback(), "unknown theme \"\(name)\" (themes: \(known)); using default")
        }
        do {
            return (try ThemeFile(name: item.name, parsing: item.text).theme, nil)
        } catch {
            let place = item.source == .builtIn ? "built-in theme \(item.name)" : "\(item.source)"
            return (fallback(excluding: item.name), "\(place):\(error.line): \(error.message); using default theme")
        }
    }

    /// The default theme: the user's or built-in file, or the compiled-in table if even
    /// that is broken (a user's default.toml with a typo must still give colours).
    private func fallback(excluding broken: String? = nil) -> Theme {
        if broken != "default", let item = item(named: "default"), let file = try? ThemeFile(name: "default", parsing: item.text) {
            return file.theme
        }
        if let builtIn = ThemeCatalog.builtInItems.first(where: { $0.name == "default" }),
           let file = try? ThemeFile(name: "default", parsing: builtIn.text) {
            return file.theme
        }
        return .default
    }
}
