import TaskFlowCore
import TerminalUI

extension AppState {
    /// The key context in force: the help overlay, else the focused pane.
    public var keyContext: KeyContext {
        if case .login = screen { return .login }
        if queryLine != nil { return .line }
        if confirmation != nil { return .confirm }
        if taskForm != nil { return .form }
        if sortPicker != nil { return .sort }
        return showsHelp ? .help : TUIKeymap.context(for: focus)
    }

    mutating func handle(_ key: Key) -> [Effect] {
        switch screen {
        case .login(var form):
            let effects = handleLogin(key, form: &form)
            if case .login = screen { screen = .login(form) }
            return effects
        case .starting:
            return keymap.command(for: key, in: .global) == TUICommand.quit ? quit() : []
        case .main:
            if case .mouse(let event) = key { return taskForm == nil && confirmation == nil ? handleMouse(event) : [] }
            if queryLine != nil { return handleLine(key) }
            if confirmation != nil { return handleConfirmation(key) }
            if taskForm != nil { return handleForm(key) }
            if sortPicker != nil { return handleSortPicker(key) }
            guard let command = keymap.command(for: key, in: keyContext) else { return [] }
            return perform(command)
        }
    }

    mutating func perform(_ command: Command) -> [Effect] {
        let c = TUICommand.self
        switch command.name {
        case c.moveDown.name: return moveCursor(to: cursor + 1)
        case c.moveUp.name: return moveCursor(to: cursor - 1)
        case c.pageDown.name: return moveCursor(to: cursor + listRows)
        case c.pageUp.name: return moveCursor(to: cursor - listRows)
        case c.first.name: return moveCursor(to: 0)
        case c.last.name: return moveCursor(to: tasks.count - 1)
        case c.nextPane.name: return switchPane(to: focus.cycled(by: 1))
        case c.previousPane.name: return switchPane(to: focus.cycled(by: -1))
        case c.open.name: return switchPane(to: .detail)
        case c.back.name: return switchPane(to: .list)
        case c.scrollDown.name: scroll(by: 1)
        case c.scrollUp.name: scroll(by: -1)
        case c.help.name:
            showsHelp.toggle()
            helpScroll = 0
        case c.closeHelp.name: showsHelp = false
        case c.refresh.name: return reload()
        case c.search.name: openLine(.search)
        case c.filter.name: openLine(.filter)
        case c.clearFilters.name: return clearFilters()
        case c.quickTodo.name: return toggleQuickFilter { $0.statuses = $0.statuses == [.todo] ? [] : [.todo] }
        case c.quickInProgress.name:
            return toggleQuickFilter { $0.statuses = $0.statuses == [.inProgress] ? [] : [.inProgress] }
        case c.quickDone.name: return toggleQuickFilter { $0.statuses = $0.statuses == [.done] ? [] : [.done] }
        case c.quickHigh.name: return toggleQuickFilter { $0.priorities = $0.priorities == [.high] ? [] : [.high] }
        case c.quickOverdue.name: return toggleQuickFilter { $0.overdue.toggle() }
        case c.sort.name:
            showsHelp = false
            sortPicker = SortPicker(current: query.sort)
        case c.quit.name: return quit()
        case c.add.name: openAddForm()
        case c.edit.name: openEditForm()
        case c.editDescription.name: return editDescription()
        case c.delete.name: askToDelete()
        case c.markDone.name:
            return change { $0.status = $0.status == .done ? .todo : .done }
        case c.cycleStatus.name:
            return change { $0.status = TaskStatus(rank: ($0.status.rank + 1) % TaskStatus.allCases.count) ?? .todo }
        case c.cyclePriority.name:
            return change { $0.priority = TaskPriority(rank: ($0.priority.rank + 1) % TaskPriority.allCases.count) ?? .medium }
        default: break
        }
        return []
    }

    mutating func quit() -> [Effect] {
        shouldQuit = true
        return [.quit]
    }

    mutating func switchPane(to pane: Pane) -> [Effect] {
        focus = pane
        keepCursorVisible()
        return requestVisiblePages()
    }

    mutating func scroll(by delta: Int) {
        if showsHelp {
            helpScroll = max(0, min(helpScroll + delta, HelpOverlay.maxScroll(keymap: keymap, screen: size)))
        } else if let task = selectedTask, let area = layout.panes[.detail] {
            detailScroll = max(0, min(detailScroll + delta, DetailPane.maxScroll(task: task, area: area, now: now)))
        }
    }
}
