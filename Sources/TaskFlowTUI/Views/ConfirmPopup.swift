import TaskFlowCore
import TerminalUI

/// A yes/no question in a popup, naming exactly what will happen; the answer keys (the
/// user's bindings) are spelled out in it and in the footer.
public struct ConfirmPopup: Widget {
    public var confirmation: Confirmation
    public var keymap: Keymap<TUICommand>

    public init(confirmation: Confirmation, keymap: Keymap<TUICommand>) {
        self.confirmation = confirmation
        self.keymap = keymap
    }

    var question: String {
        switch confirmation {
        case .delete(let task): "Delete “\(task.title)”? (u undoes it)"
        case .deleteMany(let tasks): "Delete \(tasks.count) marked task\(tasks.count == 1 ? "" : "s")? (u undoes it)"
        }
    }

    public func render(in area: Rect, buffer: inout ScreenBuffer) {
        let yes = keymap.keys(for: .confirm, in: .confirm).map(\.displayName).joined(separator: "/")
        let no = keymap.keys(for: .refuse, in: .confirm).map(\.displayName).joined(separator: "/")
        let body = question + "\n\n\(yes) delete · \(no) keep"
        let popup = Popup.fitting(title: "Delete task", body: body, width: min(60, area.width - 2))
        popup.render(in: area, buffer: &buffer)
    }
}
