import Foundation
import TaskFlowCore
import TerminalUI

/// The add/edit form as a popup over the list: one row per field, the server's (or the
/// date parser's) problem right under its field, and a line for what is going on.
/// Its keys are in the footer, which shows the form context's hints.
public struct TaskFormView {
    public var form: TaskForm
    public var now: Date
    /// The key that opens `$EDITOR` (the user's binding), for the description's placeholder.
    public var editorKey: String?

    public init(form: TaskForm, now: Date, editorKey: String? = nil) {
        self.form = form
        self.now = now
        self.editorKey = editorKey
    }

    static let labelWidth = 13

    /// The rows the form draws, top to bottom: a field, or a field's problem.
    private var rows: [(field: TaskForm.Field, isProblem: Bool)] {
        TaskForm.Field.allCases.flatMap { field in
            [(field, false)] + (form.problems[field] == nil ? [] : [(field, true)])
        }
    }

    /// The popup's outer size in `area`: its rows, a blank line and two lines of notes, at
    /// most 80 wide. Where that would leave only a sliver of one cell between its border and
    /// the pane borders under it (a doubled border at 40×12), it covers the area instead.
    static func frameSize(rows: Int, in area: Rect) -> Size {
        var width = min(80, area.width)
        var height = min(rows + 5, area.height)
        if area.width - width < 4 { width = area.width }
        if area.height - height < 4 { height = area.height }
        return Size(width: width, height: height)
    }

    /// What needs attention in the popup is drawn in the popup's own colours, bold (and
    /// underlined for what went wrong), as the footer does on its bar: the error and warning
    /// colours on the popup's background fell under 4.5:1 in most themes (1.35:1 in light).
    static let attention = Style(.popup, attributes: .bold)
    static let failure = Style(.popup, attributes: [.bold, .underline])

    /// What is going on, under the fields: saving, the question before discarding, or why
    /// the server refused.
    private var note: (text: String, style: Style) {
        if form.isSubmitting { return ("Saving…", Style(.dim).on(.popup)) }
        if form.confirmsDiscard { return ("Esc again discards what you typed; any other key keeps editing", Self.attention) }
        if let message = form.message { return (message, Self.failure) }
        return ("", Style(.dim).on(.popup))
    }

    /// Draws the form and returns where the text cursor goes. When the rows do not all fit
    /// (a low terminal, or problems under several fields), they scroll to keep the focused
    /// field and its problem in sight, with "↑ more" / "↓ more" on the border.
    public func render(in area: Rect, buffer: inout ScreenBuffer) -> Point? {
        let rows = rows
        let size = Self.frameSize(rows: rows.count, in: area)
        let popup = Popup(title: form.isNew ? "New task" : "Edit task", width: size.width, height: size.height)
        popup.render(in: area, buffer: &buffer)
        let frame = popup.frame(in: area)
        let content = frame.inset(by: Insets(top: 1, left: 2, bottom: 1, right: 2))
        guard content.width > Self.labelWidth + 4, content.height > 0 else { return nil }

        let (noteText, noteStyle) = note
        var notes = noteText.isEmpty ? [] : Array(TextWrap.wrap(noteText, width: content.width).prefix(2))
        let fitsAll = rows.count + (notes.isEmpty ? 0 : notes.count + 1) <= content.height
        if !fitsAll { notes = Array(notes.prefix(max(0, content.height - 3))) }
        let window = fitsAll ? rows.count : content.height - notes.count
        let focusRow = rows.firstIndex { $0.field == form.focus && !$0.isProblem } ?? 0
        let lastWanted = focusRow + (form.problems[form.focus] == nil ? 0 : 1)
        let scroll = max(0, min(lastWanted - window + 1, rows.count - window))

        var cursor: Point?
        for (index, row) in rows.enumerated().dropFirst(scroll).prefix(max(0, window)) {
            let y = content.y + index - scroll
            let valueArea = Rect(x: content.x + Self.labelWidth, y: y, width: content.width - Self.labelWidth, height: 1)
            if row.isProblem {
                let problem = "↳ " + (form.problems[row.field] ?? "")
                buffer.put(problem, at: valueArea.origin, maxWidth: valueArea.width, style: Self.failure)
                continue
            }
            let focused = row.field == form.focus && !form.isSubmitting
            let labelStyle = focused ? Style(.title, attributes: .bold).on(.popup) : Style(.dim).on(.popup)
            buffer.put(row.field.label, at: Point(x: content.x, y: y), maxWidth: Self.labelWidth - 1, style: labelStyle)
            if let position = renderValue(row.field, focused: focused, in: valueArea, buffer: &buffer) { cursor = position }
        }
        let mark = Style(.borderFocused).on(.popup)
        if scroll > 0, frame.width > 12 {
            buffer.put(" ↑ more ", at: Point(x: frame.maxX - 10, y: frame.y), style: mark)
        }
        if scroll + window < rows.count, frame.width > 12 {
            buffer.put(" ↓ more ", at: Point(x: frame.maxX - 10, y: frame.maxY - 1), style: mark)
        }
        let noteY = fitsAll ? content.y + rows.count + 1 : content.y + window
        for (offset, line) in notes.enumerated() where noteY + offset < content.maxY {
            buffer.put(line, at: Point(x: content.x, y: noteY + offset), maxWidth: content.width, style: noteStyle)
        }
        return cursor
    }

    private func renderValue(_ field: TaskForm.Field, focused: Bool, in area: Rect, buffer: inout ScreenBuffer) -> Point? {
        switch field {
        case .title, .description:
            let input = TextInput(
                state: form[text: field], isFocused: focused,
                placeholder: field == .description ? "optional" + (editorKey.map { " · \($0) opens $EDITOR" } ?? "") : nil)
            buffer.render(input, in: area)
            return input.cursorPosition(in: area)
        case .due:
            let inputArea = Rect(x: area.x, y: area.y, width: min(22, area.width), height: 1)
            let input = TextInput(state: form.due, isFocused: focused, placeholder: "none")
            buffer.render(input, in: inputArea)
            let preview = Rect(x: inputArea.maxX + 2, y: area.y, width: max(0, area.maxX - inputArea.maxX - 2), height: 1)
            let (text, style) = duePreview
            buffer.put(text, at: preview.origin, maxWidth: preview.width, style: style)
            return input.cursorPosition(in: inputArea)
        case .status:
            Self.renderChoices(TaskStatus.allCases.map { TaskText.statusName($0) }, selected: form.status.rank, focused: focused, in: area, buffer: &buffer)
            return nil
        case .priority:
            Self.renderChoices(TaskPriority.allCases.map(\.rawValue), selected: form.priority.rank, focused: focused, in: area, buffer: &buffer)
            return nil
        }
    }

    /// What the due field will mean: "→ Fri 2026-12-04 (in 3d)", or that it is not a date.
    var duePreview: (String, Style) {
        switch form.dueDate(now: now) {
        case .failure: return ("today, tomorrow, +3d, fri, 2026-12-24", Self.attention)
        case .success(nil): return ("today, tomorrow, +3d, fri, 2026-12-24", Style(.dim).on(.popup))
        case .success(let date?): return (Self.preview(of: date, now: now), Style(.dim).on(.popup))
        }
    }

    /// "→ Fri 2026-12-04 (in 3d)".
    static func preview(of date: Date, now: Date) -> String {
        let weekday = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][DateWords.weekdayIndex(date)]
        return "→ \(weekday) \(Timestamp.day(date)) (\(DateWords.relative(date, now: now)))"
    }

    /// Every choice with the chosen one in brackets (`[todo]  in progress   done`), or where
    /// they do not all fit, the chosen one between arrows (`‹ in progress ›`).
    static func renderChoices(_ names: [String], selected: Int, focused: Bool, in area: Rect, buffer: inout ScreenBuffer) {
        let fullWidth = names.reduce(0) { $0 + DisplayWidth.of($1) + 3 } - 1
        guard fullWidth <= area.width else {
            let style = focused ? Style(.listSelected) : Style(.title, attributes: .bold).on(.popup)
            buffer.put("‹ \(names[selected]) ›", at: area.origin, maxWidth: area.width, style: style)
            return
        }
        var x = area.x
        for (index, name) in names.enumerated() {
            let isSelected = index == selected
            let style =
                isSelected ? (focused ? Style(.listSelected) : Style(.title, attributes: .bold).on(.popup)) : Style(.dim).on(.popup)
            let text = isSelected ? "[\(name)]" : " \(name) "
            x += buffer.put(text, at: Point(x: x, y: area.y), maxWidth: max(0, area.maxX - x), style: style) + 1
        }
        if focused, x + 8 < area.maxX {
            buffer.put("←/→", at: Point(x: x + 1, y: area.y), maxWidth: area.maxX - x - 1, style: Style(.dim).on(.popup))
        }
    }
}
