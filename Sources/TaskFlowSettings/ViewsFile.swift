import Foundation
import TaskFlowClient
import TerminalUI

/// Writes a view into config.toml as `[views.NAME]`. The file is edited as text, not
/// written again from what was understood of it: every other line, comment and blank line
/// stays as the user left it, and a view of the same name has only its own table replaced.
public enum ViewsFile {
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// Reads `path` (a missing file is an empty one), puts `view` in it and replaces the file
    /// atomically with the mode it had (0644 for a new one).
    public static func save(_ view: SavedView, to path: String) throws {
        let manager = FileManager.default
        var text = ""
        var mode: mode_t = 0o644
        if manager.fileExists(atPath: path) {
            guard let data = manager.contents(atPath: path), let read = String(data: data, encoding: .utf8) else {
                throw Failure(description: "\(path) cannot be read as UTF-8 text")
            }
            text = read
            if let permissions = (try? manager.attributesOfItem(atPath: path))?[.posixPermissions] as? NSNumber {
                mode = mode_t(permissions.uint16Value & 0o7777)
            }
        } else {
            try manager.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        }
        try AtomicFile.write(Data(Self.text(text, saving: view).utf8), to: path, mode: mode)
    }

    /// `text` with `view`'s table in place of the old one of its name, or added at the end.
    public static func text(_ text: String, saving view: SavedView) -> String {
        // Split at "\n" alone, so a CRLF file keeps its "\r"s ("\r\n" is one Character).
        var lines = text.components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        let table = Self.table(view)
        var problems: [TOMLError] = []
        let document = TOMLDocument(parsing: text, problems: &problems)
        if let old = document.table("views.\(view.name)") {
            let start = old.line - 1
            var end = start + 1
            while end < lines.count, !isHeader(lines[end]) { end += 1 }
            // Comments and blank lines just before the next header belong to that table.
            while end > start + 1, isBlankOrComment(lines[end - 1]) { end -= 1 }
            lines.replaceSubrange(start..<end, with: table)
        } else {
            if let last = lines.last, !last.trimmingCharacters(in: .whitespaces).isEmpty { lines.append("") }
            lines += table
        }
        return lines.joined(separator: "\n") + "\n"
    }

    public static func table(_ view: SavedView) -> [String] {
        var lines = ["[views.\(view.name)]", "filter = \(quoted(view.filter))"]
        if let sort = view.sort { lines.append("sort = \(quoted(sort.description))") }
        if let key = view.key { lines.append("key = \(key)") }
        return lines
    }

    /// A TOML basic string: quotes, backslashes and control characters escaped.
    public static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F: result += String(format: "\\u%04X", scalar.value)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }

    private static func isHeader(_ line: String) -> Bool { line.trimmingCharacters(in: .whitespaces).hasPrefix("[") }

    private static func isBlankOrComment(_ line: String) -> Bool {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        return trimmed.isEmpty || trimmed.hasPrefix("#")
    }
}
