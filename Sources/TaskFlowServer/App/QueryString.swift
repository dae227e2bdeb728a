/// `a=1&b=x+y` as (name, value) pairs: form-style `+` is a space, then percent-decoding.
/// Hummingbird's own map decodes `%2B` and `+` alike, which would turn a search for "c++"
/// into "c  "; reading the raw query keeps them apart. Works on bytes: Foundation's string
/// replacing and decoding showed in request profiles.
enum QueryString {
    static func pairs(_ raw: String?) -> [(name: String, value: String)] {
        guard let raw, !raw.isEmpty else { return [] }
        var result: [(name: String, value: String)] = []
        for part in raw.utf8.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true) {
            if let equals = part.firstIndex(of: UInt8(ascii: "=")) {
                result.append((decode(part[..<equals]), decode(part[part.index(after: equals)...])))
            } else {
                result.append((decode(part[...]), ""))
            }
        }
        return result
    }

    /// `+` → space and `%XX` → byte; a malformed escape is kept as written. Invalid UTF-8
    /// in the result is repaired (U+FFFD), so a hostile query cannot break later code.
    static func decode(_ bytes: Substring.UTF8View.SubSequence) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let byte = bytes[i]
            if byte == UInt8(ascii: "+") {
                out.append(0x20)
            } else if byte == UInt8(ascii: "%"), let hi = hex(bytes, bytes.index(after: i)),
                      let lo = hex(bytes, bytes.index(i, offsetBy: 2, limitedBy: bytes.endIndex) ?? bytes.endIndex) {
                out.append(hi << 4 | lo)
                i = bytes.index(i, offsetBy: 3)
                continue
            } else {
                out.append(byte)
            }
            i = bytes.index(after: i)
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func hex(_ bytes: Substring.UTF8View.SubSequence, _ index: Substring.UTF8View.Index) -> UInt8? {
        guard index < bytes.endIndex else { return nil }
        switch bytes[index] {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return bytes[index] - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return bytes[index] - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return bytes[index] - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
