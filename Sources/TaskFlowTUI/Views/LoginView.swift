import TerminalUI

/// The sign-in screen: server, email and a password shown only as dots.
public struct LoginView {
    public var form: LoginForm

    public init(form: LoginForm) { self.form = form }

    /// Draws the form and returns where the text cursor goes.
    public func render(in area: Rect, buffer: inout ScreenBuffer) -> Point? {
        buffer.fill(area)
        let box = area.centered(width: 64, height: 12)
        let inner = buffer.drawBox(box, style: Style(.borderFocused), title: "Sign in to TaskFlow").inset(by: Insets(horizontal: 1))
        guard inner.height >= 8 else { return nil }
        var cursor: Point?
        for field in LoginForm.Field.allCases {
            let y = inner.y + 1 + field.rawValue * 2
            buffer.put(field.label, at: Point(x: inner.x, y: y), maxWidth: 10, style: Style(.dim))
            let fieldArea = Rect(x: inner.x + 10, y: y, width: inner.width - 10, height: 1)
            var state = form[field]
            if field == .password { state = Self.masked(state) }
            let input = TextInput(state: state, isFocused: field == form.focus)
            buffer.render(input, in: fieldArea)
            if field == form.focus { cursor = input.cursorPosition(in: fieldArea) }
        }
        let note = form.isSubmitting ? "Signing in…" : form.message ?? ""
        buffer.put(note, at: Point(x: inner.x, y: inner.y + 7), maxWidth: inner.width, style: Style(form.message == nil ? .dim : .error))
        buffer.put("Enter sign in · Tab next field · Esc quit", at: Point(x: inner.x, y: inner.maxY - 1), maxWidth: inner.width, style: Style(.dim))
        return form.isSubmitting ? nil : cursor
    }

    /// The same field with every character shown as a dot, the cursor where it was.
    static func masked(_ state: TextInputState) -> TextInputState {
        var masked = TextInputState(String(repeating: "•", count: state.text.count))
        masked.moveToStart()
        for _ in 0..<state.cursor { masked.moveRight() }
        masked.offset = state.offset
        return masked
    }
}
