/// The `?` overlay body: each section's commands with their keys and help text, from the
/// same keymap that dispatches keys.
///
///     List
///       j/↓      Move down
///       d        Delete the selected task
public struct HelpView<Command: KeyCommand>: Widget {
    public struct Section: Hashable, Sendable {
        public var title: String
        public var bindings: [KeyBinding<Command>]

        public init(_ title: String, _ bindings: [KeyBinding<Command>]) {
            self.title = title
            self.bindings = bindings
        }
    }

    public var sections: [Section]
    /// The first line shown, for scrolling a long help text.
    public var scroll: Int
    /// Help text that depends on the user's settings (a command bound to what they
    /// configured), in place of the command's own.
    public var helpOverrides: [Command: String]

    public init(_ sections: [Section], scroll: Int = 0, helpOverrides: [Command: String] = [:]) {
        self.sections = sections
        self.scroll = scroll
        self.helpOverrides = helpOverrides
    }

    /// Every line of the overlay as spans (titles, then indented key and help columns).
    public func lines() -> [[Span]] {
        let keyWidth = sections.flatMap(\.bindings).map { DisplayWidth.of($0.keyLabel) }.max() ?? 0
        var lines: [[Span]] = []
        for (index, section) in sections.enumerated() {
            if index > 0 { lines.append([]) }
            lines.append([Span(section.title, .title)])
            for binding in section.bindings {
                let label = binding.keyLabel
                let padding = String(repeating: " ", count: keyWidth - DisplayWidth.of(label) + 2)
                lines.append([Span("  "), Span(label, .hintKey), Span(padding), Span(helpOverrides[binding.command] ?? binding.command.help, .help)])
            }
        }
        return lines
    }

    public func render(in area: Rect, buffer: inout ScreenBuffer) {
        guard !area.isEmpty else { return }
        buffer.fill(area)
        let all = lines()
        let first = min(max(0, scroll), max(0, all.count - area.height))
        for (row, line) in all.dropFirst(first).prefix(area.height).enumerated() {
            buffer.put(line, at: Point(x: area.x, y: area.y + row), maxWidth: area.width)
        }
    }
}
