import Foundation

/// The options man/taskflow.1 promises, per command: from the SYNOPSIS (the root), COMMON
/// OPTIONS (every command), each entry of COMMANDS, and the `taskflow …` lines of EXAMPLES.
struct ManPageOptions {
    /// Command name ("" for the root, "*" for every command) → options as written (`-q`, `--search`).
    private(set) var options: [String: Set<String>] = [:]

    init(page: String) {
        let text = Self.plain(page)
        let sections = Self.sections(text)
        add(Self.optionTokens(in: sections["SYNOPSIS"] ?? ""), to: "")
        add(Self.optionTokens(in: sections["COMMON OPTIONS"] ?? ""), to: "*")
        for (command, entry) in Self.commandEntries(sections["COMMANDS"] ?? "") {
            add(Self.optionTokens(in: entry), to: command)
        }
        for invocation in Self.invocations(sections["EXAMPLES"] ?? "") {
            add(Self.optionTokens(in: invocation.arguments), to: invocation.command)
        }
    }

    private mutating func add(_ tokens: Set<String>, to command: String) {
        options[command, default: []].formUnion(tokens)
    }

    /// Roff with the escapes and fonts that matter here removed.
    static func plain(_ page: String) -> String {
        var text = page.replacingOccurrences(of: "\\-", with: "-").replacingOccurrences(of: "\\e\n", with: " ")
        for font in ["\\fB", "\\fI", "\\fR", "\\fP"] { text = text.replacingOccurrences(of: font, with: "") }
        return text
    }

    static func sections(_ text: String) -> [String: String] {
        var result: [String: String] = [:]
        var current = ""
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix(".SH ") {
                current = line.dropFirst(4).trimmingCharacters(in: CharacterSet(charactersIn: "\" "))
            } else {
                result[current, default: ""] += line + "\n"
            }
        }
        return result
    }

    /// Each top-level `.TP` entry of COMMANDS, by the command its tag names.
    static func commandEntries(_ section: String) -> [(String, String)] {
        var entries: [(String, String)] = []
        var depth = 0
        var expectTag = false
        for line in section.split(separator: "\n") {
            if line.hasPrefix(".RS") { depth += 1 }
            if line.hasPrefix(".RE") { depth -= 1 }
            if line == ".TP", depth == 0 {
                expectTag = true
                continue
            }
            if expectTag {
                expectTag = false
                let words = line.split(separator: " ").dropFirst().map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "\"[]")) }
                entries.append((words.first { !$0.isEmpty } ?? "", ""))
            }
            if !entries.isEmpty { entries[entries.count - 1].1 += line + "\n" }
        }
        return entries
    }

    /// `taskflow ls --overdue …` lines, up to the first pipe.
    static func invocations(_ section: String) -> [(command: String, arguments: String)] {
        section.components(separatedBy: "taskflow ").dropFirst().map { tail in
            let arguments = String(tail.prefix { $0 != "|" && $0 != "\n" && $0 != ")" })
            return (String(arguments.prefix { $0 != " " }), arguments)
        }
    }

    /// `-q`, `--search`: a dash not inside a word (`in-progress`, `-createdAt` are not options).
    static func optionTokens(in text: String) -> Set<String> {
        let pattern = try! NSRegularExpression(pattern: #"(?<![\w-])(--[a-z][a-z-]*[a-z]|-[a-zA-Z])(?![\w-])"#)
        let range = NSRange(text.startIndex..., in: text)
        return Set(pattern.matches(in: text, range: range).map { String(text[Range($0.range(at: 1), in: text)!]) })
    }
}
