import TerminalUI

/// The `:` palette: a line to type on and the matching commands with their keys, the
/// chosen one highlighted.
public struct PaletteView: Widget {
    public var palette: CommandPalette
    public var keymap: Keymap<TUICommand>

    public init(palette: CommandPalette, keymap: Keymap<TUICommand>) {
        self.palette = palette
        self.keymap = keymap
    }

    private func frame(in area: Rect) -> Rect {
        let width = min(72, max(20, area.width - 4))
        let height = min(area.height - 2, 3 + min(12, max(1, palette.matches.count)))
        return Rect(x: area.x + (area.width - width) / 2, y: area.y + 1, width: width, height: max(3, height))
    }

    public func cursorPosition(in area: Rect) -> Point? {
        let inner = frame(in: area).inset(by: 1)
        return TextInput(state: palette.input, placeholder: "").cursorPosition(in: Rect(x: inner.x + 2, y: inner.y, width: inner.width - 2, height: 1))
    }

    public func render(in area: Rect, buffer: inout ScreenBuffer) {
        let frame = frame(in: area)
        buffer.fill(frame, style: Style(.popup))
        let inner = buffer.drawBox(frame, style: Style(.borderFocused).on(.popup), title: "Commands")
        guard inner.height > 0 else { return }
        buffer.put(": ", at: inner.origin, maxWidth: 2, style: Style(.title).on(.popup))
        TextInput(state: palette.input, placeholder: "type part of a command's name").render(
            in: Rect(x: inner.x + 2, y: inner.y, width: inner.width - 2, height: 1), buffer: &buffer)
        let matches = palette.matches
        guard !matches.isEmpty else {
            if inner.height > 1 { buffer.put("No command matches.", at: Point(x: inner.x, y: inner.y + 1), maxWidth: inner.width, style: Style(.dim).on(.popup)) }
            return
        }
        let rows = inner.height - 1
        let selected = min(palette.selected, matches.count - 1)
        let first = max(0, selected - rows + 1)
        for (row, command) in matches.dropFirst(first).prefix(rows).enumerated() {
            let keys = (keymap.keys(for: command, in: .list) + keymap.keys(for: command, in: .global)).map(\.displayName)
            let label = (keys.first ?? "").padding(toLength: 6, withPad: " ", startingAt: 0)
            let text = "\(label) \(command.name.padding(toLength: 20, withPad: " ", startingAt: 0)) \(command.help)"
            let isChosen = first + row == selected
            let style = isChosen ? Style(.cursor) : Style(.popup)
            let line = Rect(x: inner.x, y: inner.y + 1 + row, width: inner.width, height: 1)
            buffer.fill(line, style: style)
            buffer.put(text, at: line.origin, maxWidth: inner.width, style: style)
        }
    }
}
