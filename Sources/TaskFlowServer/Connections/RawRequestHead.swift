/// A complete request head as bytes, read only for what the connection layer must decide
/// before the HTTP parser sees it: the transfer codings and the upgrade it asks for.
/// (Lines are split on bytes: as Swift characters, `\r\n` is one character, not two.)
struct RawRequestHead {
    let bytes: [UInt8]
    /// Each line without its `\n` (a `\r` before it stays).
    private let lines: [ArraySlice<UInt8>]

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
    }

    /// The lower-cased, trimmed, comma-separated values of every header with this name.
    func values(_ name: String) -> [String] {
        lines.dropFirst().flatMap { line -> [String] in
            guard let (field, value) = Self.field(line), field == name else { return [] }
            return value.split(separator: ",").map { Self.trimmed($0) }
        }
    }

    /// `Transfer-Encoding` other than plain `chunked`: the server decodes nothing else.
    var hasUnsupportedTransferCoding: Bool {
        let codings = values("transfer-encoding")
        return !codings.isEmpty && codings != ["chunked"]
    }

    /// Asks for an upgrade that cannot be a WebSocket handshake: another protocol, or
    /// WebSocket without `Sec-WebSocket-Key` or with a version other than 13. The upgrade
    /// handler would drop such a request unanswered, so it goes on without its `Upgrade`.
    var asksForAnImpossibleUpgrade: Bool {
        let upgrade = values("upgrade")
        guard !upgrade.isEmpty else { return false }
        let isGET = lines.first?.starts(with: Array("GET ".utf8)) == true
        let isWebSocket = isGET && upgrade.contains("websocket")
            && !values("sec-websocket-key").isEmpty && values("sec-websocket-version") == ["13"]
        return !isWebSocket
    }

    /// The same head without its `Upgrade` header lines.
    func withoutUpgrade() -> [UInt8] {
        var kept = [lines[0]]
        kept += lines.dropFirst().filter { Self.field($0)?.name != "upgrade" }
        return Array(kept.joined(separator: [UInt8(ascii: "\n")]))
    }

    /// A header line's lower-cased name and its raw value.
    private static func field(_ line: ArraySlice<UInt8>) -> (name: String, value: String)? {
        guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else { return nil }
        let name = trimmed(String(decoding: line[..<colon], as: UTF8.self)[...])
        return (name, String(decoding: line[(colon + 1)...], as: UTF8.self))
    }

    private static func trimmed(_ text: Substring) -> String {
        let blank: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" }
        return String(text.drop(while: blank).reversed().drop(while: blank).reversed()).lowercased()
    }
}
