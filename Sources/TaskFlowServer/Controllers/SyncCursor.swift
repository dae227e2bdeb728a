import Foundation

/// The `cursor` of `GET /sync`: opaque to clients (API.md), here the last value of the
/// user's change sequence they hold, base64url-encoded with a format tag so that another
/// format can follow without old cursors being misread.
enum SyncCursor {
    private static let prefix = "s1:"

    static func encode(_ seq: Int) -> String {
        Data((prefix + String(seq)).utf8).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// The sequence value, or nil when `text` is not a cursor this server made.
    static func decode(_ text: String) -> Int? {
        guard text.count <= 64, text.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) else {
            return nil
        }
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        guard let data = Data(base64Encoded: base64), let plain = String(data: data, encoding: .utf8), plain.hasPrefix(prefix),
            let seq = Int(plain.dropFirst(prefix.count)), seq >= 0
        else { return nil }
        return seq
    }
}
