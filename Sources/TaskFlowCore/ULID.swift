import Foundation

/// Ids that sort by creation time (ULID: 48-bit milliseconds, 80 random bits, 26 digits of
/// Crockford base32), so id tie-breaks follow creation order. The server makes them, and a
/// client that works offline makes its own for the tasks it creates (API.md, `POST /tasks`).
public enum ULID {
    private static let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ".utf8)

    public static func make(now: Date = Date()) -> String {
        var value = [UInt8](repeating: 0, count: 16)
        let ms = UInt64(max(0, now.millis))
        for i in 0..<6 { value[i] = UInt8(truncatingIfNeeded: ms >> (8 * (5 - i))) }
        // Two draws (not one per byte): each is a getrandom call, and every request makes an id.
        var rng = SystemRandomNumberGenerator()
        let high: UInt64 = rng.next(), low: UInt16 = rng.next()
        for i in 0..<8 { value[6 + i] = UInt8(truncatingIfNeeded: high >> (8 * i)) }
        value[14] = UInt8(truncatingIfNeeded: low >> 8)
        value[15] = UInt8(truncatingIfNeeded: low)
        // 128 bits -> 26 base32 digits, most significant first.
        var out = [UInt8](repeating: 0, count: 26)
        var hi = value[0..<8].reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        var lo = value[8..<16].reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        for i in stride(from: 25, through: 0, by: -1) {
            out[i] = alphabet[Int(lo & 31)]
            lo = lo >> 5 | (hi & 31) << 59
            hi >>= 5
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `text` in canonical form (upper case) when it is a ULID: 26 Crockford base32 digits,
    /// the first at most 7 (128 bits). Lower case is accepted, as Crockford's decoding
    /// does; the ambiguous letters I, L, O and U are not, so one id has one spelling.
    public static func normalised(_ text: String) -> String? {
        let upper = text.uppercased()
        let digits = Array(upper.utf8)
        guard digits.count == 26, digits[0] <= UInt8(ascii: "7"), digits.allSatisfy(alphabet.contains) else { return nil }
        return upper
    }
}
