import Foundation

/// A terminal colour: the terminal's own default, or an index into the 256-colour palette
/// (0–7 are the 8 ANSI colours that every colour terminal has).
public struct TerminalColor: Hashable, Sendable, CustomStringConvertible {
    private enum Kind: Hashable, Sendable {
        case terminalDefault
        case index(UInt8)
    }

    private let kind: Kind

    public static let `default` = TerminalColor(kind: .terminalDefault)

    public init(index: UInt8) { kind = .index(index) }
    private init(kind: Kind) { self.kind = kind }

    /// The palette index, or nil for the terminal's default colour.
    public var index: Int? {
        if case .index(let value) = kind { return Int(value) }
        return nil
    }

    public static let black = TerminalColor(index: 0)
    public static let red = TerminalColor(index: 1)
    public static let green = TerminalColor(index: 2)
    public static let yellow = TerminalColor(index: 3)
    public static let blue = TerminalColor(index: 4)
    public static let magenta = TerminalColor(index: 5)
    public static let cyan = TerminalColor(index: 6)
    public static let white = TerminalColor(index: 7)

    static let names = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]

    /// Parses a theme-file colour: `default`, a name (`red`, `bright-red`), a palette
    /// index `0`–`255`, or `#rrggbb` (mapped to the nearest colour of the 256 palette).
    public init?(parsing text: String) {
        let name = text.trimmingCharacters(in: .whitespaces).lowercased()
        if name == "default" || name == "none" {
            self = .default
        } else if let index = TerminalColor.names.firstIndex(of: name) {
            self.init(index: UInt8(index))
        } else if name.hasPrefix("bright"),
                  let index = TerminalColor.names.firstIndex(of: String(name.dropFirst(6).drop(while: { $0 == "-" || $0 == "_" }))) {
            self.init(index: UInt8(index + 8))
        } else if let value = UInt8(name) {
            self.init(index: value)
        } else if name.hasPrefix("#"), name.count == 7, let rgb = UInt32(name.dropFirst(), radix: 16) {
            self.init(index: TerminalColor.nearest256(red: Int(rgb >> 16 & 0xFF), green: Int(rgb >> 8 & 0xFF), blue: Int(rgb & 0xFF)))
        } else {
            return nil
        }
    }

    /// The closest entry of the xterm 6x6x6 colour cube or grey ramp.
    static func nearest256(red: Int, green: Int, blue: Int) -> UInt8 {
        let levels = [0, 95, 135, 175, 215, 255]
        func nearestLevel(_ value: Int) -> Int {
            levels.indices.min(by: { abs(levels[$0] - value) < abs(levels[$1] - value) }) ?? 0
        }
        let (r, g, b) = (nearestLevel(red), nearestLevel(green), nearestLevel(blue))
        let cubeIndex = 16 + 36 * r + 6 * g + b
        let cubeDistance = square(levels[r] - red) + square(levels[g] - green) + square(levels[b] - blue)

        let average = (red + green + blue) / 3
        let greyStep = max(0, min(23, (average - 8 + 5) / 10))
        let grey = 8 + 10 * greyStep
        let greyDistance = square(grey - red) + square(grey - green) + square(grey - blue)
        return UInt8(greyDistance < cubeDistance ? 232 + greyStep : cubeIndex)
    }

    private static func square(_ value: Int) -> Int { value * value }

    public var description: String {
        guard let index else { return "default" }
        return index < 8 ? TerminalColor.names[index] : String(index)
    }
}
