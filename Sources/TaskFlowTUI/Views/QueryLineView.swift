import TerminalUI

/// The open search or filter line in place of the footer: the prompt, the text being
/// typed, and flush right either why the filter was refused or how many tasks match.
public struct QueryLineView {
    public var line: QueryLine
    public var state: AppState

    public init(line: QueryLine, state: AppState) {
        self.line = line
        self.state = state
    }

    /// Draws the line and returns where the text cursor goes.
    @discardableResult
    public func render(in area: Rect, buffer: inout ScreenBuffer) -> Point? {
        guard !area.isEmpty else { return nil }
        let row = area.row(0)
        buffer.fill(row, style: Style(.statusBar))
        var x = row.x + buffer.put(line.prompt, at: row.origin, maxWidth: row.width, style: Style(.hintKey).on(.statusBar))
        let note = trailing
        let noteWidth = min(DisplayWidth.of(note), max(0, row.maxX - x - 10))
        if noteWidth > 0 {
            // The bar's own colours, as the footer's messages: red on the bar fell under 4.5:1.
            let style = line.problem != nil ? Style(.statusBar, attributes: [.bold, .underline]) : Style(.statusBar)
            buffer.put(note, at: Point(x: row.maxX - noteWidth, y: row.y), maxWidth: noteWidth, style: style)
        }
        x = min(x, row.maxX)
        let field = Rect(x: x, y: row.y, width: max(0, row.maxX - x - noteWidth - (noteWidth > 0 ? 1 : 0)), height: 1)
        let placeholder: String? = switch line.kind {
        case .filter: "status:todo priority:high due:<7d words — Tab completes"
        case .viewName: "a name: letters, digits, - and _"
        case .jump: "the short id (4 or more characters) or the start of the id"
        case .search: nil
        }
        let input = TextInput(state: line.input, placeholder: placeholder)
        input.render(in: field, buffer: &buffer)
        return input.cursorPosition(in: field)
    }

    var trailing: String {
        if let problem = line.problem { return problem + " " }
        if let choices = line.choices {
            // What Tab can still put there; the one on the line now in brackets.
            return choices.names.enumerated().map { $0.offset == choices.index ? "[\($0.element)]" : $0.element }
                .joined(separator: " ") + " "
        }
        // A view's name has nothing for Tab to complete.
        guard line.kind == .search else { return Self.hints(state.keymap, omitting: line.kind == .viewName ? [.completeLine] : []) + " " }
        guard let total = state.tasks.total, state.tasks.inFlight.isEmpty else { return "searching… " }
        return (total == 1 ? "1 match" : "\(TaskText.count(total)) matches") + " "
    }

    /// "Enter apply  Esc/^C cancel  Tab complete", from the keymap so rebound keys show.
    static func hints(_ keymap: Keymap<TUICommand>, in context: KeyContext = .line, omitting: Set<TUICommand> = []) -> String {
        keymap.bindings(for: context).filter { !omitting.contains($0.command) }.compactMap { binding in
            binding.command.hint.map { "\(binding.keyLabel) \($0)" }
        }.joined(separator: "  ")
    }
}
