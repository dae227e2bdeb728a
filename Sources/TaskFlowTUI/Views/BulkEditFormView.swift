import Foundation
import TaskFlowCore
import TerminalUI

/// The edit form over the marked tasks: status, priority and due, each "unchanged" until
/// the user picks something. Drawn as the task form is; its keys are the form's.
public struct BulkEditFormView {
    public var form: BulkEditForm
    public var now: Date

    public init(form: BulkEditForm, now: Date) {
        self.form = form
        self.now = now
    }

    /// Draws the form and returns where the text cursor goes.
    public func render(in area: Rect, buffer: inout ScreenBuffer) -> Point? {
        let rows = BulkEditForm.Field.allCases.count + (form.dueProblem == nil ? 0 : 1)
        // One more row: the line saying what the form does.
        let size = TaskFormView.frameSize(rows: rows + 1, in: area)
        let popup = Popup(title: form.title, width: size.width, height: size.height)
        popup.render(in: area, buffer: &buffer)
        let content = popup.frame(in: area).inset(by: Insets(top: 1, left: 2, bottom: 1, right: 2))
        let labelWidth = TaskFormView.labelWidth
        guard content.width > labelWidth + 4, content.height > 0 else { return nil }
        var cursor: Point?
        var y = content.y
        for field in BulkEditForm.Field.allCases where y < content.maxY {
            let focused = field == form.focus
            let labelStyle = focused ? Style(.title, attributes: .bold).on(.popup) : Style(.dim).on(.popup)
            buffer.put(field.label, at: Point(x: content.x, y: y), maxWidth: labelWidth - 1, style: labelStyle)
            let valueArea = Rect(x: content.x + labelWidth, y: y, width: content.width - labelWidth, height: 1)
            switch field {
            case .status:
                let names = ["unchanged"] + TaskStatus.allCases.map(TaskText.statusName)
                TaskFormView.renderChoices(names, selected: form.status.map { $0.rank + 1 } ?? 0, focused: focused, in: valueArea, buffer: &buffer)
            case .priority:
                let names = ["unchanged"] + TaskPriority.allCases.map(\.rawValue)
                TaskFormView.renderChoices(names, selected: form.priority.map { $0.rank + 1 } ?? 0, focused: focused, in: valueArea, buffer: &buffer)
            case .due:
                let inputArea = Rect(x: valueArea.x, y: y, width: min(22, valueArea.width), height: 1)
                let input = TextInput(state: form.due, isFocused: focused, placeholder: "unchanged")
                buffer.render(input, in: inputArea)
                if focused { cursor = input.cursorPosition(in: inputArea) }
                let preview = Rect(x: inputArea.maxX + 2, y: y, width: max(0, valueArea.maxX - inputArea.maxX - 2), height: 1)
                buffer.put(duePreview, at: preview.origin, maxWidth: preview.width, style: Style(.dim).on(.popup))
                if let problem = form.dueProblem, y + 1 < content.maxY {
                    y += 1
                    buffer.put("↳ " + problem, at: Point(x: valueArea.x, y: y), maxWidth: valueArea.width, style: TaskFormView.failure)
                }
            }
            y += 1
        }
        if y + 1 < content.maxY {
            buffer.put("Only what you change is set, on every marked task", at: Point(x: content.x, y: y + 1),
                       maxWidth: content.width, style: Style(.dim).on(.popup))
        }
        return cursor
    }

    /// What the due field will do: "→ Fri 2026-12-04 (in 3d)", "→ no due date", or the words it takes.
    var duePreview: String {
        switch form.changes(now: now) {
        case .success(let changes):
            switch changes.dueDate {
            case .set(let date)?: return TaskFormView.preview(of: date, now: now)
            case .clear?: return "→ no due date"
            case nil: return "today, +3d, fri, 2026-12-24, \(BulkEditForm.noDueWord)"
            }
        case .failure: return "today, +3d, fri, 2026-12-24, \(BulkEditForm.noDueWord)"
        }
    }
}
