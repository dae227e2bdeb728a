import CNcursesw
import TerminalUI

/// Turns resolved styles into curses attributes and colour pairs, allocating a pair the
/// first time a foreground/background combination is drawn.
struct CursesPalette {
    let mode: ColorMode
    /// Whether the terminal accepted `use_default_colors`, so -1 means "terminal default".
    let hasDefaultColors: Bool
    private var pairs: [PairKey: Int16] = [:]
    private var nextPair: Int32 = 1

    private struct PairKey: Hashable {
        var foreground: Int16
        var background: Int16
    }

    init(mode: ColorMode, hasDefaultColors: Bool) {
        self.mode = mode
        self.hasDefaultColors = hasDefaultColors
    }

    static func attributes(_ attributes: Attributes) -> attr_t {
        var result = tf_A_NORMAL()
        if attributes.contains(.bold) { result |= tf_A_BOLD() }
        if attributes.contains(.underline) { result |= tf_A_UNDERLINE() }
        if attributes.contains(.reverse) { result |= tf_A_REVERSE() }
        if attributes.contains(.dim) { result |= tf_A_DIM() }
        return result
    }

    /// The colour pair for a style; 0 (the terminal's colours) when colour is off or the
    /// terminal has run out of pairs.
    mutating func pair(for style: ResolvedStyle) -> Int16 {
        guard mode != .none else { return 0 }
        let key = PairKey(foreground: color(style.foreground, isForeground: true), background: color(style.background, isForeground: false))
        if key.foreground == -1, key.background == -1 { return 0 }
        if let pair = pairs[key] { return pair }
        guard nextPair < min(tf_COLOR_PAIRS(), Int32(Int16.max)) else { return 0 }
        let pair = Int16(nextPair)
        guard init_pair(pair, key.foreground, key.background) != ERR else { return 0 }
        nextPair += 1
        pairs[key] = pair
        return pair
    }

    private func color(_ color: TerminalColor, isForeground: Bool) -> Int16 {
        guard let index = color.index else {
            if hasDefaultColors { return -1 }
            return isForeground ? Int16(COLOR_WHITE) : Int16(COLOR_BLACK)
        }
        // A theme may name bright colours for 8-colour terminals; fold them onto 0–7.
        let available = Int(tf_COLORS())
        return Int16(index < available ? index : index % 8)
    }
}
