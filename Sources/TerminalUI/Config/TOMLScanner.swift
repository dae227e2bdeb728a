import Foundation

/// Reads the pieces of one TOML line for `TOMLDocument`; every failure carries the line.
struct TOMLScanner {
    private var rest: Substring
    private let line: Int

    init(_ text: Substring, line: Int) {
        rest = text
        self.line = line
    }

    var peek: Character? { rest.first }

    var atEndOrComment: Bool { rest.isEmpty || rest.first == "#" }

    mutating func skipSpaces() { rest = rest.drop(while: { $0 == " " || $0 == "\t" }) }

    mutating func consume(_ character: Character) -> Bool {
        guard rest.first == character else { return false }
        rest.removeFirst()
        return true
    }

    private func fail(_ message: String) -> TOMLError { TOMLError(line: line, message: message) }

    /// After a value only spaces and a comment may follow.
    mutating func expectLineEnd() throws(TOMLError) {
        skipSpaces()
        guard atEndOrComment else { throw fail("unexpected text after the value: \"\(rest)\"") }
    }

    /// `[name]` or `[a.b]`; array-of-tables headers (`[[x]]`) are outside the subset.
    mutating func tableHeader() throws(TOMLError) -> String {
        _ = consume("[")
        if peek == "[" { throw fail("arrays of tables ([[...]]) are not supported") }
        var parts: [String] = []
        repeat {
            skipSpaces()
            parts.append(try key())
            skipSpaces()
        } while consume(".")
        guard consume("]") else { throw fail("expected ']' to close the table name") }
        try expectLineEnd()
        return parts.joined(separator: ".")
    }

    /// A bare key (letters, digits, `-`, `_`) or a quoted one.
    mutating func key() throws(TOMLError) -> String {
        if peek == "\"" || peek == "'" { return try string() }
        let bare = rest.prefix(while: { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") })
        guard !bare.isEmpty else {
            throw fail(peek.map { "expected a key, found '\($0)'" } ?? "expected a key")
        }
        rest = rest.dropFirst(bare.count)
        return String(bare)
    }

    mutating func value() throws(TOMLError) -> TOMLValue {
        guard let first = peek else { throw fail("expected a value after '='") }
        switch first {
        case "\"", "'":
            return .string(try string())
        case "[":
            return .array(try array())
        default:
            let word = rest.prefix(while: { !$0.isWhitespace && $0 != "," && $0 != "]" && $0 != "#" })
            rest = rest.dropFirst(word.count)
            if word == "true" { return .boolean(true) }
            if word == "false" { return .boolean(false) }
            let digits = word.replacingOccurrences(of: "_", with: "")
            if let number = Int(digits.hasPrefix("+") ? String(digits.dropFirst()) : digits) { return .integer(number) }
            throw fail(word.isEmpty ? "expected a value, found '\(first)'" : "\"\(word)\" is not a string, integer, boolean or array (strings need quotes)")
        }
    }

    private mutating func array() throws(TOMLError) -> [TOMLValue] {
        _ = consume("[")
        var values: [TOMLValue] = []
        while true {
            skipSpaces()
            if consume("]") { return values }
            guard peek != nil, peek != "#" else { throw fail("expected ']' to close the array (arrays must fit on one line)") }
            values.append(try value())
            skipSpaces()
            if consume(",") { continue }
            guard consume("]") else { throw fail("expected ',' or ']' in the array") }
            return values
        }
    }

    /// A basic string (`"…"` with backslash escapes) or a literal one (`'…'`, taken as is).
    private mutating func string() throws(TOMLError) -> String {
        let quote = rest.removeFirst()
        var result = ""
        while let character = rest.first {
            rest.removeFirst()
            if character == quote { return result }
            guard quote == "\"", character == "\\" else {
                result.append(character)
                continue
            }
            guard let escaped = rest.first else { break }
            rest.removeFirst()
            switch escaped {
            case "\"": result.append("\"")
            case "\\": result.append("\\")
            case "n": result.append("\n")
            case "t": result.append("\t")
            case "r": result.append("\r")
            case "u", "U":
                let length = escaped == "u" ? 4 : 8
                let hex = rest.prefix(length)
                guard hex.count == length, let code = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(code) else {
                    throw fail("invalid \\\(escaped) escape in a string")
                }
                rest = rest.dropFirst(length)
                result.unicodeScalars.append(scalar)
            default:
                throw fail("unknown escape \\\(escaped) in a string")
            }
        }
        throw fail("string is not closed (strings must fit on one line)")
    }
}
