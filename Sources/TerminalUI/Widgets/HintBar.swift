/// The footer line of key hints (`j/↓ down  / search  ? help`), generated from keymap
/// bindings so it always tells the truth. Commands without a `hint` are left out; hints
/// that do not fit are dropped whole from the end. `trailing` text (the filter, "41–60
/// of 1,234") is flush right and takes precedence; a `pinned` hint (`? help`) sits just
/// left of it and is never dropped, so the way to every other key is always on screen.
public struct HintBar<Command: KeyCommand>: Widget {
    public var bindings: [KeyBinding<Command>]
    public var trailing: String?
    public var pinned: KeyBinding<Command>?

    public init(_ bindings: [KeyBinding<Command>], trailing: String? = nil, pinned: KeyBinding<Command>? = nil) {
        self.bindings = bindings
        self.trailing = trailing
        self.pinned = pinned
    }

    public func render(in area: Rect, buffer: inout ScreenBuffer) {
        guard !area.isEmpty else { return }
        let row = area.row(0)
        buffer.fill(row, style: Style(.statusBar))
        var limit = row.maxX
        if let trailing, !trailing.isEmpty {
            let width = min(DisplayWidth.of(trailing), row.width)
            limit = row.maxX - width
            buffer.put(trailing, at: Point(x: limit, y: row.y), maxWidth: width, style: Style(.statusBar))
            limit -= 2
        }
        if let pinned, let hint = pinned.command.hint, !pinned.keys.isEmpty {
            let width = DisplayWidth.of(pinned.keyLabel) + 1 + DisplayWidth.of(hint)
            if limit - width > row.x + 1 {
                var x = limit - width
                x += buffer.put(pinned.keyLabel, at: Point(x: x, y: row.y), style: Style(.hintKey).on(.statusBar)) + 1
                buffer.put(hint, at: Point(x: x, y: row.y), style: Style(.statusBar))
                limit -= width + 2
            }
        }
        var x = row.x + 1
        for binding in bindings where binding.command != pinned?.command {
            guard let hint = binding.command.hint, !binding.keys.isEmpty else { continue }
            let keyLabel = binding.keyLabel
            let width = DisplayWidth.of(keyLabel) + 1 + DisplayWidth.of(hint)
            guard x + width <= limit else { break }
            x += buffer.put(keyLabel, at: Point(x: x, y: row.y), style: Style(.hintKey).on(.statusBar)) + 1
            x += buffer.put(hint, at: Point(x: x, y: row.y), style: Style(.statusBar)) + 2
        }
    }
}
