/// A one-row chart, one column per value, using ▁▂▃▄▅▆▇█. Zero is a blank so that idle
/// days read as gaps. When there are more values than columns the latest ones are shown.
public struct Sparkline: Widget {
    public var values: [Int]
    public var maxValue: Int?
    public var style: Style

    public init(_ values: [Int], maxValue: Int? = nil, style: Style = Style(.chart)) {
        self.values = values
        self.maxValue = maxValue
        self.style = style
    }

    public func render(in area: Rect, buffer: inout ScreenBuffer) {
        guard !area.isEmpty else { return }
        let shown = values.suffix(area.width)
        let top = max(maxValue ?? 0, shown.max() ?? 0)
        var line = ""
        for value in shown {
            let eighths = BlockGlyphs.eighths(value, of: top, cells: 1)
            line.append(eighths == 0 ? " " : BlockGlyphs.vertical[eighths - 1])
        }
        buffer.put(line, at: area.origin, maxWidth: area.width, style: style)
    }
}
