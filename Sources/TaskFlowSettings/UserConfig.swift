import Foundation
import TaskFlowClient
import TerminalUI

/// `$XDG_CONFIG_HOME/taskflow/config.toml` (documented in taskflow(1) and
/// docs/config.example.toml). Reading it never fails: an unknown key, a bad value or a
/// line that is not TOML becomes a one-line warning naming it, that setting keeps its
/// default and every other one is kept, because a typo in a config file must never keep
/// anyone from their tasks.
public struct UserConfig: Sendable, Equatable {
    /// How the screen hears about changes made elsewhere (`refresh = "auto"`).
    public enum Refresh: String, Sendable, CaseIterable {
        case auto, socket, poll

        public var liveMode: LiveOptions.Mode {
            switch self {
            case .auto: .automatic
            case .socket: .socketOnly
            case .poll: .pollingOnly
            }
        }
    }

    /// One line of the `[keys]` table, checked against the keymap later (`keymap(from:)`).
    public struct Binding: Sendable, Equatable {
        public var command: String
        public var keys: [String]
        public var line: Int

        public init(command: String, keys: [String], line: Int) {
            self.command = command
            self.keys = keys
            self.line = line
        }
    }

    public var server: String?
    public var theme: String?
    public var refresh: Refresh = .auto
    public var mouse = false
    /// `cache = false`: keep no local copy (shared machines); every read asks the server.
    public var cache = true
    public var keys: [Binding] = []
    /// The built-in views and the `[views.NAME]` tables, each on its key.
    public var views = SavedViews()
    /// One line each: `config.toml:4: unknown key "colour"`.
    public var warnings: [String] = []
    /// Where the file was read from, to prefix warnings.
    public var path: String
    /// What `warn` found while parsing, with its line: `warnings` in the file's order.
    private var found: [Found] = []
    private struct Found: Sendable, Equatable {
        var line: Int
        var text: String
    }

    public static let topLevelKeys = ["server", "theme", "refresh", "mouse", "cache"]

    /// Names in `[keys]` that read better than the command's own name.
    /// The quick filters 1–3 became views 1–3: their old names still rebind those keys.
    public static let aliases = ["done": "mark-done", "filter-todo": "view-1", "filter-in-progress": "view-2", "filter-done": "view-3"]

    /// The settings a missing file means.
    public init(path: String) { self.path = path }

    public init(parsing text: String, path: String) {
        self.path = path
        var problems: [TOMLError] = []
        let document = TOMLDocument(parsing: text, problems: &problems)
        for problem in problems { warn(problem.line, problem.message) }
        for entry in document.tables[0].entries { apply(entry) }
        var configured: [SavedViews.Configured] = []
        for table in document.tables.dropFirst() {
            if table.name == "views" || table.name.hasPrefix("views.") {
                if let view = readView(table, name: String(table.name.dropFirst("views.".count))) { configured.append(view) }
                continue
            }
            guard table.name == "keys" else {
                warn(table.line, "unknown section [\(table.name)] (known: [keys], [views.NAME])")
                continue
            }
            for entry in table.entries { applyKey(entry) }
        }
        var viewProblems: [(Int, String)] = []
        views = SavedViews(configured: configured) { viewProblems.append(($0, $1)) }
        for (line, message) in viewProblems { warn(line, message) }
        // The parser, the settings and the views each find problems on their own pass:
        // said in the file's order (a stable sort), so they read top to bottom beside it.
        warnings = found.sorted { $0.line < $1.line }.map(\.text)
        found = []
    }

    /// The config of `environment`'s user; a missing file is no warning.
    public static func load(environment: [String: String]) -> UserConfig {
        let path = XDGDirectories(environment: environment).config.appendingPathComponent("taskflow/config.toml").path
        guard FileManager.default.fileExists(atPath: path) else { return UserConfig(path: path) }
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            var config = UserConfig(path: path)
            config.warnings.append("\(path): cannot be read as UTF-8 text; the file is ignored")
            return config
        }
        return UserConfig(parsing: text, path: path)
    }

    /// A problem on `line`, said once parsing is done.
    mutating func warn(_ line: Int, _ message: String) { found.append(Found(line: line, text: "\(path):\(line): \(message)")) }

    private mutating func apply(_ entry: TOMLDocument.Entry) {
        switch (entry.key, entry.value) {
        case ("server", .string(let text)):
            if (try? ServerAddress(text)) == nil {
                warn(entry.line, "server = \"\(text)\" is not a server address (like \"http://127.0.0.1:5000\")")
            } else {
                server = text
            }
        case ("theme", .string(let text)) where !text.isEmpty:
            theme = text
        case ("refresh", .string(let text)):
            if let value = Refresh(rawValue: text) {
                refresh = value
            } else {
                warn(entry.line, "refresh = \"\(text)\" is not one of auto, socket, poll")
            }
        case ("mouse", .boolean(let value)):
            mouse = value
        case ("cache", .boolean(let value)):
            cache = value
        case ("server", _), ("theme", _), ("refresh", _):
            warn(entry.line, "\(entry.key) must be a string, found \(entry.value.kind)")
        case ("mouse", _), ("cache", _):
            warn(entry.line, "\(entry.key) must be true or false, found \(entry.value)")
        default:
            warn(entry.line, "unknown key \"\(entry.key)\" (known: \(Self.topLevelKeys.joined(separator: ", ")), [keys], [views.NAME])")
        }
    }

    private mutating func applyKey(_ entry: TOMLDocument.Entry) {
        let keys: [String]? = switch entry.value {
        case .string(let text): [text]
        case .array(let values): values.allSatisfy { $0.stringValue != nil } ? values.compactMap(\.stringValue) : nil
        default: nil
        }
        guard let keys, !keys.isEmpty else {
            warn(entry.line, "keys.\(entry.key) must be a key (\"x\") or a list of keys ([\"s\", \"S\"]), found \(entry.value)")
            return
        }
        self.keys.append(Binding(command: Self.aliases[entry.key] ?? entry.key, keys: keys, line: entry.line))
    }
}
