import TaskFlowSync
import TerminalUI

/// The conflict view: one row per field the two versions disagree on, with the field's
/// name, your value, the server's, and which is kept (● and bold; in words where there is
/// room). The cursor's row is highlighted; values too long are cut with "…". Its keys are
/// in the footer, which shows the conflict context's hints, and on its last line.
public struct ConflictPopup: Widget {
    public var resolver: ConflictResolver
    public var keymap: Keymap<TUICommand>

    public init(resolver: ConflictResolver, keymap: Keymap<TUICommand>) {
        self.resolver = resolver
        self.keymap = keymap
    }

    public func render(in area: Rect, buffer: inout ScreenBuffer) {
        let fields = resolver.fields
        let width = min(80, area.width - 2)
        // The keys under the rows, on two lines where one is too narrow (40 columns).
        let helpLines = TextWrap.wrap(help, width: max(1, width - 6))
        let popup = Popup(title: "Conflict: " + resolver.title, width: width, height: min(area.height, fields.count + 4 + helpLines.count))
        popup.render(in: area, buffer: &buffer)
        let content = popup.contentArea(in: area)
        guard content.height >= 2, content.width >= 12 else { return }
        let nameWidth = ([DisplayWidth.of("field")] + fields.map { DisplayWidth.of($0.rawValue) }).max() ?? 5
        // With room, a last column says in words what is kept.
        let choiceWidth = content.width >= 56 ? DisplayWidth.of("keep theirs") : 0
        let valueWidth = max(3, (content.width - nameWidth - 1 - (choiceWidth > 0 ? choiceWidth + 1 : 0) - 1) / 2)
        let mineX = content.x + nameWidth + 1, theirsX = mineX + valueWidth + 1, choiceX = theirsX + valueWidth + 1
        let heading = Style(.title).on(.popup)
        buffer.put("field", at: content.origin, maxWidth: nameWidth, style: heading)
        buffer.put("mine", at: Point(x: mineX, y: content.y), maxWidth: valueWidth, style: heading)
        buffer.put("theirs", at: Point(x: theirsX, y: content.y), maxWidth: valueWidth, style: heading)
        if choiceWidth > 0 { buffer.put("keeping", at: Point(x: choiceX, y: content.y), maxWidth: choiceWidth, style: heading) }
        // The help lines when there is room for them below the rows, else every row for fields.
        let helpRows = content.height >= fields.count + 2 + helpLines.count ? helpLines.count + 1 : 0
        let visible = max(1, content.height - 1 - helpRows)
        let first = ListState(selected: resolver.selected, offset: 0).offsetShowingSelection(visibleRows: visible, count: fields.count)
        for (line, index) in (first..<min(fields.count, first + visible)).enumerated() {
            let field = fields[index]
            let y = content.y + 1 + line
            let selected = index == resolver.selected
            let base = selected ? Style(.listSelected) : Style(.popup)
            if selected { buffer.fill(Rect(x: content.x, y: y, width: content.width, height: 1), style: base) }
            let mine = resolver.keepsMine(field)
            buffer.put(field.rawValue, at: Point(x: content.x, y: y), maxWidth: nameWidth, style: base)
            for (x, isMine) in [(mineX, true), (theirsX, false)] {
                let kept = isMine == mine
                let text = (kept ? "● " : "○ ") + resolver.value(of: field, mine: isMine)
                buffer.put(text, at: Point(x: x, y: y), maxWidth: valueWidth, style: kept ? base.adding(.bold) : base)
            }
            if choiceWidth > 0 {
                buffer.put(mine ? "keep mine" : "keep theirs", at: Point(x: choiceX, y: y), maxWidth: choiceWidth, style: base.adding(.bold))
            }
        }
        guard helpRows > 0 else { return }
        for (index, line) in helpLines.enumerated() {
            buffer.put(line, at: Point(x: content.x, y: content.maxY - helpLines.count + index), maxWidth: content.width, style: Style(.popup))
        }
    }

    /// "m/t: mine/theirs · M/T: all · Enter: apply · Esc: leave", from the user's keys.
    var help: String {
        func key(_ command: TUICommand) -> String { keymap.keys(for: command, in: .conflict).first?.displayName ?? "?" }
        return "\(key(.keepMine))/\(key(.keepTheirs)) mine/theirs · \(key(.keepAllMine))/\(key(.keepAllTheirs)) all · "
            + "\(key(.applyResolution)) apply · \(key(.leaveConflict)) leave"
    }
}
