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
        if header.trimmingCharacters(in: .whitespaces) == "*" { return true }
        return header.split(separator: ",").contains { candidate in
            var c = candidate.trimmingCharacters(in: .whitespaces)
            if c.hasPrefix("W/") { c.removeFirst(2) }
            return c == tag
        }
    }

    /// The versions an `If-Match` header accepts: `"3"`, `W/"3"`, `3`, or `*` (any).
    /// Nil when there is no header; an empty set when nothing in it is a version.
    static func expectedVersions(ifMatch header: String?) -> IfMatch? {
        guard let header else { return nil }
        if header.trimmingCharacters(in: .whitespaces) == "*" { return .any }
        let versions = header.split(separator: ",").compactMap { candidate -> Int? in
            var c = candidate.trimmingCharacters(in: .whitespaces)
            if c.hasPrefix("W/") { c.removeFirst(2) }
            return Int(c.trimmingCharacters(in: CharacterSet(charactersIn: "\"")))
        }
        return .versions(Set(versions))
    }

    enum IfMatch {
        case any
        case versions(Set<Int>)
    }
}
