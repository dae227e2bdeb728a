/// Block characters that draw bars at 1/8-cell resolution.
enum BlockGlyphs {
    /// Left-aligned partial blocks, 1/8 to 7/8 of a cell wide.
    static let horizontal: [Character] = ["▏", "▎", "▍", "▌", "▋", "▊", "▉"]
    /// Bottom-aligned blocks, 1/8 to 8/8 of a cell high.
    static let vertical: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    /// `value / maxValue` of `cells` cells, in eighths, rounded to nearest; any non-zero
    /// value shows at least one eighth so it never looks like zero.
    static func eighths(_ value: Int, of maxValue: Int, cells: Int) -> Int {
        guard value > 0, maxValue > 0, cells > 0 else { return 0 }
        let scaled = (Double(min(value, maxValue)) / Double(maxValue) * Double(cells * 8)).rounded()
        return max(1, Int(scaled))
    }

    /// A horizontal bar `eighths / 8` cells long.
    static func bar(eighths: Int) -> String {
        let full = String(repeating: "█", count: eighths / 8)
        let rest = eighths % 8
        return rest == 0 ? full : full + String(horizontal[rest - 1])
    }
}
