import Foundation

/// WCAG 2 contrast between two palette colours, as xterm draws them by default (the
/// reference for theme files: terminals differ a little, the order of magnitude holds).
/// 4.5:1 is the minimum for text, 3:1 for large or deliberately dim text.
public enum ContrastRatio {
    /// The ratio, 1…21, or nil when either colour is the terminal's own default (whose
    /// value only the user's terminal knows).
    public static func between(_ first: TerminalColor, _ second: TerminalColor) -> Double? {
        guard let a = first.index, let b = second.index else { return nil }
        let (lighter, darker) = (max(luminance(a), luminance(b)), min(luminance(a), luminance(b)))
        return (lighter + 0.05) / (darker + 0.05)
    }

    /// Relative luminance of a palette entry (sRGB, WCAG 2).
    static func luminance(_ index: Int) -> Double {
        let (r, g, b) = rgb(index)
        func linear(_ channel: Int) -> Double {
            let c = Double(channel) / 255
            return c <= 0.039_28 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)
    }

    /// xterm's default palette: 16 system colours, the 6×6×6 cube, then 24 greys.
    static func rgb(_ index: Int) -> (Int, Int, Int) {
        let system = [
            (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
            (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
        ]
        if index < 16 { return system[max(0, index)] }
        if index >= 232 {
            let grey = 8 + 10 * (index - 232)
            return (grey, grey, grey)
        }
        let levels = [0, 95, 135, 175, 215, 255]
        let cube = index - 16
        return (levels[cube / 36], levels[cube / 6 % 6], levels[cube % 6])
    }
}
