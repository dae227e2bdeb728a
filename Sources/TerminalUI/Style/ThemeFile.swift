/// Reads a theme written in TOML (see man/taskflow-themes.5):
///
///     description = "Light text on the terminal's background"
///     [header]
///     fg256 = 255          # palette index, colour name or "#rrggbb"
///     bg256 = 24
///     fg8 = "white"        # one of the 8 ANSI colours (or "default")
///     bg8 = "blue"
///     attributes = ["bold"]
///
/// Strict on purpose: an unknown role, key or colour is an error with its line, so a
/// typo is reported instead of silently showing the wrong colour.
public struct ThemeFile: Sendable {
    public var theme: Theme
    /// The file's one-line `description`, shown by `taskflow themes`.
    public var description: String

    static let colorKeys = ["fg256", "bg256", "fg8", "bg8"]

    public init(name: String, parsing text: String) throws(TOMLError) {
        let document = try TOMLDocument(parsing: text)
        var theme = Theme(name: name)
        description = ""
        for entry in document.tables[0].entries {
            guard entry.key == "description" else {
                throw TOMLError(line: entry.line, message: "unknown key \"\(entry.key)\" (only description belongs above the first [role])")
            }
            guard let text = entry.value.stringValue else {
                throw TOMLError(line: entry.line, message: "description must be a string, found \(entry.value.kind)")
            }
            description = text
        }
        for table in document.tables.dropFirst() {
            guard let role = Role(named: table.name) else {
                throw TOMLError(line: table.line, message: "unknown role [\(table.name)]")
            }
            theme[role] = try ThemeFile.entry(table)
        }
        self.theme = theme
    }

    private static func entry(_ table: TOMLDocument.Table) throws(TOMLError) -> ThemeEntry {
        var result = ThemeEntry()
        for entry in table.entries {
            switch entry.key {
            case "fg256": result.foreground256 = try color(entry, eightOnly: false)
            case "bg256": result.background256 = try color(entry, eightOnly: false)
            case "fg8": result.foreground8 = try color(entry, eightOnly: true)
            case "bg8": result.background8 = try color(entry, eightOnly: true)
            case "attributes": result.attributes = try attributes(entry)
            default:
                throw TOMLError(line: entry.line, message: "unknown key \"\(entry.key)\" in [\(table.name)] (expected fg256, bg256, fg8, bg8, attributes)")
            }
        }
        return result
    }

    private static func color(_ entry: TOMLDocument.Entry, eightOnly: Bool) throws(TOMLError) -> TerminalColor {
        let parsed: TerminalColor?
        switch entry.value {
        case .integer(let index): parsed = (0...255).contains(index) ? TerminalColor(index: UInt8(index)) : nil
        case .string(let text): parsed = TerminalColor(parsing: text)
        default: parsed = nil
        }
        guard let parsed else {
            throw TOMLError(line: entry.line, message: "\(entry.key) = \(entry.value) is not a colour (a name, 0-255 or \"#rrggbb\")")
        }
        if eightOnly, let index = parsed.index, index > 7 {
            throw TOMLError(line: entry.line, message: "\(entry.key) = \(entry.value) is not one of the 8 basic colours")
        }
        return parsed
    }

    private static func attributes(_ entry: TOMLDocument.Entry) throws(TOMLError) -> Attributes {
        let names: [String]?
        switch entry.value {
        case .string(let text): names = [text]
        case .array(let values): names = values.compactMap(\.stringValue).count == values.count ? values.compactMap(\.stringValue) : nil
        default: names = nil
        }
        guard let names, let parsed = Attributes(parsing: names.joined(separator: ",")) else {
            throw TOMLError(line: entry.line, message: "attributes = \(entry.value) is not a list of bold, underline, reverse, dim")
        }
        return parsed
    }
}
