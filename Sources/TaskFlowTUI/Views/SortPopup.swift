import TaskFlowCore
import TerminalUI

/// The sort popup: one row per field, the highlighted one marked with the direction it
/// will sort in. Its keys are in the footer, which shows the sort context's hints.
public struct SortPopup: Widget {
    public var picker: SortPicker

    public init(picker: SortPicker) { self.picker = picker }

    public func render(in area: Rect, buffer: inout ScreenBuffer) {
        let popup = Popup(title: "Sort by", width: 30, height: SortPicker.fields.count + 2)
        popup.render(in: area, buffer: &buffer)
        let content = popup.contentArea(in: area)
        guard !content.isEmpty else { return }
        let arrow = picker.descending ? "↓ descending" : "↑ ascending"
        for (index, field) in SortPicker.fields.enumerated() where index < content.height {
            let row = Rect(x: content.x, y: content.y + index, width: content.width, height: 1)
            let selected = index == picker.selected
            let style = selected ? Style(.listSelected) : Style(.popup)
            if selected { buffer.fill(row, style: style) }
            let text = SortPicker.name(of: field) + (selected ? "  " + arrow : "")
            buffer.put(text, at: row.origin, maxWidth: row.width, style: style)
        }
    }
}
