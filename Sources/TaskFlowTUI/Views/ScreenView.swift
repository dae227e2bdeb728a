import TerminalUI

/// The whole screen as a pure function of the state: a frame and where the text cursor
/// goes (nil hides it).
public enum ScreenView {
    public static func render(_ state: AppState) -> (frame: ScreenBuffer, cursor: Point?) {
        var buffer = ScreenBuffer(size: state.size)
        let layout = state.layout
        guard !layout.isTooSmall else {
            buffer.render(TooSmallView(size: state.size), in: buffer.area)
            return (buffer, nil)
        }
        switch state.screen {
        case .starting:
            buffer.render(HeaderView(state: state), in: layout.header)
            let middle = buffer.area.centered(width: 20, height: 1)
            buffer.put("Starting…", at: middle.origin, maxWidth: middle.width, style: Style(.dim))
            return (buffer, nil)
        case .login(let form):
            buffer.render(HeaderView(state: state), in: layout.header)
            let body = Rect(x: 0, y: 1, width: state.size.width, height: state.size.height - 1)
            let cursor = LoginView(form: form).render(in: body, buffer: &buffer)
            return (buffer, cursor)
        case .main:
            renderMain(state, layout: layout, into: &buffer)
            let body = Rect(x: 0, y: 1, width: state.size.width, height: state.size.height - 2)
            if !state.settingsProblems.isEmpty {
                buffer.render(SettingsProblemsPopup(problems: state.settingsProblems), in: body)
                return (buffer, nil)
            }
            if let palette = state.palette {
                let view = PaletteView(palette: palette, keymap: state.keymap)
                buffer.render(view, in: body)
                return (buffer, view.cursorPosition(in: body))
            }
            if state.showsMessages {
                buffer.render(MessageLogPopup(messages: state.messageLog, now: state.now), in: body)
                return (buffer, nil)
            }
            if let confirmation = state.confirmation {
                buffer.render(ConfirmPopup(confirmation: confirmation, keymap: state.keymap), in: body)
                return (buffer, nil)
            }
            if let form = state.taskForm {
                let editorKey = state.keymap.keys(for: .formEditor, in: .form).first?.displayName
                let cursor = TaskFormView(form: form, now: state.now, editorKey: editorKey).render(in: body, buffer: &buffer)
                return (buffer, cursor)
            }
            if let form = state.bulkForm {
                let cursor = BulkEditFormView(form: form, now: state.now).render(in: body, buffer: &buffer)
                return (buffer, cursor)
            }
            guard let line = state.queryLine else { return (buffer, nil) }
            let cursor = QueryLineView(line: line, state: state).render(in: layout.footer, buffer: &buffer)
            return (buffer, cursor)
        }
    }

    private static func renderMain(_ state: AppState, layout: Layout, into buffer: inout ScreenBuffer) {
        buffer.render(HeaderView(state: state), in: layout.header)
        for (pane, area) in layout.panes {
            let focused = pane == state.focus
            // Shown alone, a pane says it is one of three (Tab, in the hints, moves on).
            let tab = layout.showsAllPanes ? nil : "\(pane.rawValue + 1)/\(Pane.allCases.count)"
            switch pane {
            case .list:
                buffer.render(TaskListPane(state: state, isFocused: focused, tab: tab), in: area)
            case .detail:
                var detail = DetailPane(
                    task: state.selectedTask, isLoading: !state.tasks.isLoaded || state.tasks.count > 0,
                    scroll: state.detailScroll, now: state.now, isFocused: focused, tab: tab)
                detail.highlighting = state.query.searchWords
                detail.conflictKey = state.selectedTask.flatMap(state.conflictKey(for:))
                buffer.render(detail, in: area)
            case .stats:
                var pane = StatsPane(stats: state.stats, isFocused: focused, tab: tab)
                pane.selected = StatsRow(rawValue: state.statsSelection)
                // What the counts on screen cover (a filter changed since shows once they are in).
                switch state.statsFilter {
                case nil: pane.scope = state.filterText.isEmpty ? nil : "all tasks"
                case let filter?: pane.scope = filter.isEmpty ? nil : filter
                }
                buffer.render(pane, in: area)
            }
        }
        buffer.render(FooterView(state: state), in: layout.footer)
        if let picker = state.sortPicker {
            let body = Rect(x: 0, y: 1, width: state.size.width, height: state.size.height - 2)
            buffer.render(SortPopup(picker: picker), in: body)
        }
        if let resolver = state.conflictResolver {
            let body = Rect(x: 0, y: 1, width: state.size.width, height: state.size.height - 2)
            buffer.render(ConflictPopup(resolver: resolver, keymap: state.keymap), in: body)
        }
        if state.showsHelp {
            let body = Rect(x: 0, y: 1, width: state.size.width, height: state.size.height - 2)
            buffer.render(HelpOverlay(keymap: state.keymap, scroll: state.helpScroll, views: state.views), in: body)
        }
    }
}
