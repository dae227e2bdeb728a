import TerminalUI

/// Shown instead of the panes when the terminal cannot hold them.
public struct TooSmallView: Widget {
    public var size: Size

    public init(size: Size) { self.size = size }

    public func render(in area: Rect, buffer: inout ScreenBuffer) {
        buffer.fill(area)
        let minimum = Layout.minimumSize
        let lines = [
            "Terminal too small",
            "\(size.width)×\(size.height), needs \(minimum.width)×\(minimum.height)",
            "q quits",
        ]
        let top = area.y + max(0, (area.height - lines.count) / 2)
        for (index, line) in lines.enumerated() {
            let width = min(DisplayWidth.of(line), area.width)
            let x = area.x + max(0, (area.width - width) / 2)
            buffer.put(line, at: Point(x: x, y: top + index), maxWidth: area.width, style: Style(index == 0 ? .warning : .normal))
        }
    }
}
