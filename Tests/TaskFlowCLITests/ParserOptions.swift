import Foundation

/// Every option the real `taskflow` parser accepts, per command, from ArgumentParser's own
/// description of the command tree (`--experimental-dump-help`).
struct ParserOptions {
    /// Command name ("" for the root) → `-q`, `--search`, … (help and version included).
    private(set) var options: [String: Set<String>] = [:]
    /// Short letter → its long name → the commands where it means that.
    private(set) var shortMeanings: [String: [String: Set<String>]] = [:]

    init(dump: Data) throws {
        let object = try JSONSerialization.jsonObject(with: dump) as? [String: Any]
        guard let root = object?["command"] as? [String: Any] else { throw DumpError() }
        collect(root, name: "")
    }

    private mutating func collect(_ command: [String: Any], name: String) {
        var names: Set<String> = []
        for argument in command["arguments"] as? [[String: Any]] ?? [] {
            var short: String?, long: String?
            for spelling in argument["names"] as? [[String: Any]] ?? [] {
                guard let kind = spelling["kind"] as? String, let text = spelling["name"] as? String else { continue }
                names.insert(kind == "short" ? "-" + text : "--" + text)
                if kind == "short" { short = text } else if kind == "long" { long = text }
            }
            if let short, let long { shortMeanings[short, default: [:]][long, default: []].insert(name) }
        }
        options[name] = names
        for case let sub as [String: Any] in command["subcommands"] as? [Any] ?? [] {
            collect(sub, name: sub["commandName"] as? String ?? "?")
        }
    }

    struct DumpError: Error {}
}
