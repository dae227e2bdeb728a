import Crypto
import Foundation
import Hummingbird

/// ETags for lists and stats, and the If-None-Match / If-Match checks.
enum EntityTag {
    /// A tag from the user's change counter and what else decides the answer; no page query needed.
    static func make(counter: Int, parts: [String]) -> String {
        let digest = SHA256.hash(data: Data(parts.joined(separator: "\u{1F}").utf8))
        let short = Hex.encode(digest.prefix(8))
        return "\"\(counter)-\(short)\""
    }

    /// The current UTC minute, for answers that depend on the clock (`overdue`, stats).
    static func minute(_ now: Date) -> String { String(now.millis / 60_000) }

    static func matches(ifNoneMatch header: String?, tag: String) -> Bool {
        guard let header else { return false }
        let candidates = entries(header)
        return candidates.contains { $0 == "*" || $0 == tag }
    }

    /// The versions an `If-Match` header accepts: `"3"`, `W/"3"`, `3`, or `*` (any).
    /// Nil when there is no header; an empty set when nothing in it is a version.
    static func expectedVersions(ifMatch header: String?) -> IfMatch? {
        guard let header else { return nil }
        let candidates = entries(header)
        if candidates.contains("*") { return .any }
        return .versions(Set(candidates.compactMap { Int($0.trimmingQuotes) }))
    }

    /// The comma-separated entries of a conditional header, trimmed, weak prefixes dropped.
    /// (Plain Substring work: Foundation's trimming showed in the 304 path's profile.)
    private static func entries(_ header: String) -> [Substring] {
        header.split(separator: ",").map { entry in
            var c = entry.drop { $0 == " " || $0 == "\t" }
            while let last = c.last, last == " " || last == "\t" { c = c.dropLast() }
            if c.hasPrefix("W/") { c = c.dropFirst(2) }
            return c
        }
    }

    enum IfMatch {
        case any
        case versions(Set<Int>)
    }
}

private extension Substring {
    var trimmingQuotes: Substring {
        var c = self
        if c.first == "\"" { c = c.dropFirst() }
        if c.last == "\"" { c = c.dropLast() }
        return c
    }
}
