/// Text attributes that work on every terminal, with or without colour.
public struct Attributes: OptionSet, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let bold = Attributes(rawValue: 1 << 0)
    public static let underline = Attributes(rawValue: 1 << 1)
    public static let reverse = Attributes(rawValue: 1 << 2)
    public static let dim = Attributes(rawValue: 1 << 3)

    static let names: [(String, Attributes)] = [("bold", .bold), ("underline", .underline), ("reverse", .reverse), ("dim", .dim)]

    /// Parses a theme-file list such as `"bold, underline"` (or `"none"`); nil on an unknown name.
    public init?(parsing text: String) {
        var result: Attributes = []
        for part in text.split(whereSeparator: { $0 == "," || $0 == " " || $0 == "|" }) {
            let name = part.lowercased()
            if name == "none" { continue }
            guard let match = Attributes.names.first(where: { $0.0 == name }) else { return nil }
            result.insert(match.1)
        }
        self = result
    }

    public var description: String {
        let parts = Attributes.names.filter { contains($0.1) }.map(\.0)
        return parts.isEmpty ? "none" : parts.joined(separator: ",")
    }
}
