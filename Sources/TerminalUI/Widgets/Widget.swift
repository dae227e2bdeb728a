/// Something that draws itself into an area of a buffer. Rendering is a pure function of
/// (widget, area, buffer): widgets hold the state they show and never touch a terminal.
public protocol Widget {
    func render(in area: Rect, buffer: inout ScreenBuffer)
}

extension ScreenBuffer {
    public mutating func render(_ widget: some Widget, in area: Rect) {
        widget.render(in: area.intersection(self.area), buffer: &self)
    }
}
