/// One spelling per path, as RFC 3986 §6.2.2 normalises it: percent-encoded unreserved
/// characters decoded (`%76` → `v`), empty segments dropped (`//` → `/`), and `.` and `..`
/// segments resolved. The router and every middleware see this spelling, so a path the
/// router serves can never slip past a middleware that checks it (the rate limiter).
enum CanonicalPath {
    static func of(_ path: String) -> String {
        let decoded = decodingUnreserved(path)
        var segments: [Substring] = []
        var endsAsDirectory = false
        for segment in decoded.split(separator: "/", omittingEmptySubsequences: false) {
            endsAsDirectory = segment.isEmpty || segment == "." || segment == ".."
            switch segment {
            case "", ".": continue
            case "..": _ = segments.popLast()
            default: segments.append(segment)
            }
        }
        guard !segments.isEmpty else { return "/" }
        return "/" + segments.joined(separator: "/") + (endsAsDirectory ? "/" : "")
    }

    /// `%XX` of an unreserved character (A–Z a–z 0–9 - . _ ~) becomes the character;
    /// every other escape, valid or not, stays exactly as written.
    private static func decodingUnreserved(_ path: String) -> String {
        guard path.utf8.contains(UInt8(ascii: "%")) else { return path }
        let bytes = Array(path.utf8)
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "%"), index + 2 < bytes.count,
               let high = hexValue(bytes[index + 1]), let low = hexValue(bytes[index + 2]),
               isUnreserved(high << 4 | low) {
                result.append(high << 4 | low)
                index += 3
            } else {
                result.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    private static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): true
        case UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"): true
        default: false
        }
    }
}
