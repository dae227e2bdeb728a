/// A parsed TOML file, restricted to the subset TaskFlow's theme and config files use:
/// `[table]` headers (dotted names allowed), `key = value` lines with strings (basic and
/// literal), integers, booleans and single-line arrays of those, and `#` comments.
///
/// A small strict parser instead of TOMLKit: TOMLKit builds C++ toml++ (minutes added
/// to every clean build) for features these files never use, and every value here keeps
/// its line so messages can say "themes/x.toml:12: …".
public struct TOMLDocument: Sendable, Equatable {
    /// One `key = value` line.
    public struct Entry: Sendable, Equatable {
        public var key: String
        public var value: TOMLValue
        public var line: Int
    }

    /// A `[name]` section; the top of the file is the table named "".
    public struct Table: Sendable, Equatable {
        public var name: String
        public var line: Int
        public var entries: [Entry]

        /// The entry called `key`, if present.
        public subscript(key: String) -> Entry? { entries.first { $0.key == key } }
    }

    /// Tables in file order, starting with the top-level one (line 0 when empty).
    public var tables: [Table]

    /// The table called `name` ("" for the top level).
    public func table(_ name: String) -> Table? { tables.first { $0.name == name } }

    /// Parses `text`; throws `TOMLError` at the first line that is not valid in the subset.
    /// For theme files, where a half-read theme would be worse than none.
    public init(parsing text: String) throws(TOMLError) {
        var problems: [TOMLError] = []
        self.init(parsing: text, problems: &problems, strict: true)
        if let first = problems.first { throw first }
    }

    /// Parses what it can of `text`, for a config file where one typo must cost one setting,
    /// not all of them: each line that is not valid in the subset is left out and described
    /// in `problems`. After a table header that cannot be read, the lines up to the next
    /// good header are left out too, since the table they belong to is unknown.
    public init(parsing text: String, problems: inout [TOMLError]) {
        self.init(parsing: text, problems: &problems, strict: false)
    }

    private init(parsing text: String, problems: inout [TOMLError], strict: Bool) {
        var tables = [Table(name: "", line: 0, entries: [])]
        var inUnreadableTable = false
        var lineNumber = 0
        // "\r\n" is one Character in Swift, so it is named as a separator of its own.
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            lineNumber += 1
            var scanner = TOMLScanner(rawLine, line: lineNumber)
            scanner.skipSpaces()
            if scanner.atEndOrComment { continue }
            do throws(TOMLError) {
                if scanner.peek == "[" {
                    inUnreadableTable = true
                    let name = try scanner.tableHeader()
                    if tables.contains(where: { $0.name == name }) {
                        throw TOMLError(line: lineNumber, message: "table [\(name)] is defined twice")
                    }
                    tables.append(Table(name: name, line: lineNumber, entries: []))
                    inUnreadableTable = false
                    continue
                }
                if inUnreadableTable { continue }
                let entry = try Self.entry(&scanner, line: lineNumber)
                if tables[tables.count - 1][entry.key] != nil {
                    throw TOMLError(line: lineNumber, message: "key \"\(entry.key)\" is set twice")
                }
                tables[tables.count - 1].entries.append(entry)
            } catch {
                if strict {
                    problems.append(error)
                    break
                }
                let skipped = inUnreadableTable ? "the lines up to the next table are ignored" : "the line is ignored"
                problems.append(TOMLError(line: error.line, message: "\(error.message); \(skipped)"))
            }
        }
        self.tables = tables
    }

    /// One `key = value` line.
    private static func entry(_ scanner: inout TOMLScanner, line: Int) throws(TOMLError) -> Entry {
        let key = try scanner.key()
        scanner.skipSpaces()
        guard scanner.consume("=") else {
            throw TOMLError(line: line, message: "expected '=' after key \"\(key)\"")
        }
        scanner.skipSpaces()
        let value = try scanner.value()
        try scanner.expectLineEnd()
        return Entry(key: key, value: value, line: line)
    }
}

/// Where and why a TOML file could not be read.
public struct TOMLError: Error, Sendable, Equatable, CustomStringConvertible {
    public var line: Int
    public var message: String

    public init(line: Int, message: String) {
        self.line = line
        self.message = message
    }

    public var description: String { "line \(line): \(message)" }
}
