import Foundation

/// `a=1&b=x+y` as (name, value) pairs: form-style `+` is a space, then percent-decoding.
/// Hummingbird's own map decodes `%2B` and `+` alike, which would turn a search for "c++"
/// into "c  "; reading the raw query keeps them apart.
enum QueryString {
    static func pairs(_ raw: String?) -> [(name: String, value: String)] {
        guard let raw, !raw.isEmpty else { return [] }
        return raw.split(separator: "&", omittingEmptySubsequences: true).map { part in
            let pieces = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = decode(pieces[0])
            let value = pieces.count > 1 ? decode(pieces[1]) : ""
            return (name, value)
        }
    }

    private static func decode(_ text: Substring) -> String {
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }
}
