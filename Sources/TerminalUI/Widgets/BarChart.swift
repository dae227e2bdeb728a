/// Horizontal bars, one per row: label, value, and a bar scaled to the widest value.
///
///     todo         12 ████████████
///     in progress   3 ███
public struct BarChart: Widget {
    public struct Bar: Hashable, Sendable {
        public var label: String
        public var value: Int
        public var style: Style

        public init(_ label: String, _ value: Int, style: Style = Style(.barFill)) {
            self.label = label
            self.value = value
            self.style = style
        }
    }

    public var bars: [Bar]
    /// The value of a full-width bar; by default the largest value.
    public var maxValue: Int?
    public var labelStyle: Style

    public init(_ bars: [Bar], maxValue: Int? = nil, labelStyle: Style = .normal) {
        self.bars = bars
        self.maxValue = maxValue
        self.labelStyle = labelStyle
    }

    public func render(in area: Rect, buffer: inout ScreenBuffer) {
        guard !area.isEmpty else { return }
        buffer.fill(area)
        let labelWidth = min(bars.map { DisplayWidth.of($0.label) }.max() ?? 0, area.width / 3)
        let valueWidth = bars.map { String($0.value).count }.max() ?? 1
        let barX = area.x + labelWidth + 1 + valueWidth + 1
        let barWidth = max(0, area.maxX - barX)
        let top = max(maxValue ?? 0, bars.map(\.value).max() ?? 0)
        for (row, bar) in bars.prefix(area.height).enumerated() {
            let y = area.y + row
            buffer.put(bar.label, at: Point(x: area.x, y: y), maxWidth: labelWidth, style: labelStyle)
            let value = String(bar.value)
            let valueX = area.x + labelWidth + 1 + valueWidth - value.count
            buffer.put(value, at: Point(x: valueX, y: y), maxWidth: area.maxX - valueX, style: labelStyle)
            let eighths = BlockGlyphs.eighths(bar.value, of: top, cells: barWidth)
            buffer.put(BlockGlyphs.bar(eighths: eighths), at: Point(x: barX, y: y), maxWidth: barWidth, style: bar.style)
        }
    }
}
