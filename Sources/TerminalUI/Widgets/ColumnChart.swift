/// Vertical columns over several rows (a 14-day completion chart), at 1/8-row resolution,
/// with optional labels under the columns. When the columns do not all fit, the latest
/// ones are shown.
public struct ColumnChart: Widget {
    public var values: [Int]
    public var labels: [String]
    public var columnWidth: Int
    public var gap: Int
    public var maxValue: Int?
    public var style: Style
    public var labelStyle: Style

    public init(
        _ values: [Int], labels: [String] = [], columnWidth: Int = 2, gap: Int = 1, maxValue: Int? = nil,
        style: Style = Style(.chart), labelStyle: Style = Style(.dim)
    ) {
        self.values = values
        self.labels = labels
        self.columnWidth = max(1, columnWidth)
        self.gap = max(0, gap)
        self.maxValue = maxValue
        self.style = style
        self.labelStyle = labelStyle
    }

    public func render(in area: Rect, buffer: inout ScreenBuffer) {
        guard !area.isEmpty else { return }
        buffer.fill(area)
        let hasLabels = !labels.isEmpty && area.height > 1
        let chartHeight = area.height - (hasLabels ? 1 : 0)
        let fitting = (area.width + gap) / (columnWidth + gap)
        let first = max(0, values.count - fitting)
        let top = max(maxValue ?? 0, values.max() ?? 0)
        for (column, index) in (first..<values.count).enumerated() {
            let x = area.x + column * (columnWidth + gap)
            let total = BlockGlyphs.eighths(values[index], of: top, cells: chartHeight)
            for level in 0..<chartHeight {
                let eighths = min(8, max(0, total - level * 8))
                guard eighths > 0 else { break }
                let glyph = String(repeating: String(BlockGlyphs.vertical[eighths - 1]), count: columnWidth)
                buffer.put(glyph, at: Point(x: x, y: area.maxY - 1 - (hasLabels ? 1 : 0) - level), maxWidth: columnWidth, style: style)
            }
            if hasLabels, index < labels.count {
                // Labels are clipped, not ellipsised: a 2-column day number must stay whole.
                let label = Glyph.split(labels[index])
                var used = 0
                for glyph in label {
                    guard used + glyph.width <= columnWidth else { break }
                    buffer.put(glyph.text, at: Point(x: x + used, y: area.maxY - 1), maxWidth: glyph.width, style: labelStyle)
                    used += glyph.width
                }
            }
        }
    }
}
