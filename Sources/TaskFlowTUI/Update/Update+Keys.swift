import TaskFlowCore
import TerminalUI

extension AppState {
    /// The key context in force: the help overlay, else the focused pane.
    public var keyContext: KeyContext {
        if case .login = screen { return .login }
        if queryLine != nil { return .line }
        if confirmation != nil { return .confirm }
        if taskForm != nil || bulkForm != nil { return .form }
        if sortPicker != nil { return .sort }
        if conflictResolver != nil { return .conflict }
        return showsHelp ? .help : TUIKeymap.context(for: focus)
    }

    mutating func handle(_ key: Key) -> [Effect] {
        switch screen {
        case .login(var form):
            let effects = handleLogin(key, form: &form)
            if case .login = screen { screen = .login(form) }
            return effects
        case .starting:
            return keymap.command(for: key, in: .global) == .quit ? quit() : []
        case .main:
            if !settingsProblems.isEmpty {
                // The key that closes the problems popup does nothing else.
                if case .mouse = key { return [] }
                settingsProblems = []
                return []
            }
            if case .mouse(let event) = key {
                return taskForm == nil && bulkForm == nil && confirmation == nil && conflictResolver == nil ? handleMouse(event) : []
            }
            if queryLine != nil { return handleLine(key) }
            if confirmation != nil { return handleConfirmation(key) }
            if taskForm != nil { return handleForm(key) }
            if bulkForm != nil { return handleBulkForm(key) }
            if sortPicker != nil { return handleSortPicker(key) }
            if conflictResolver != nil { return handleConflictView(key) }
            if yankPending { return handleYank(key) }
            if palette != nil { return handlePalette(key) }
            if showsMessages {
                // Any key closes the log, and does nothing else.
                showsMessages = false
                return []
            }
            guard let command = keymap.command(for: key, in: keyContext) else { return [] }
            return perform(command)
        }
    }

    /// Runs a command of the panes, the help overlay or the global keys. Every command is
    /// named here, so adding one to `TUICommand` does not compile until it is placed.
    mutating func perform(_ command: TUICommand) -> [Effect] {
        let helpPage = HelpOverlay.pageSize(keymap: keymap, screen: size)
        switch command {
        // Over the help overlay the list's paging keys page through the help instead.
        case .pageDown where showsHelp: scroll(by: helpPage)
        case .pageUp where showsHelp: scroll(by: -helpPage)
        case .first where showsHelp: scroll(by: -helpScroll)
        case .last where showsHelp: scroll(by: HelpOverlay.maxScroll(keymap: keymap, screen: size) - helpScroll)
        case .moveDown where focus == .stats: moveStatsSelection(by: 1)
        case .moveUp where focus == .stats: moveStatsSelection(by: -1)
        case .moveDown: return moveCursor(to: cursor + 1)
        case .moveUp: return moveCursor(to: cursor - 1)
        case .pageDown: return moveCursor(to: cursor + listRows)
        case .pageUp: return moveCursor(to: cursor - listRows)
        case .first: return moveCursor(to: 0)
        case .last: return moveCursor(to: tasks.count - 1)
        case .nextPane: return switchPane(to: focus.cycled(by: 1))
        case .previousPane: return switchPane(to: focus.cycled(by: -1))
        case .openDetail: return switchPane(to: .detail)
        case .back: return switchPane(to: .list)
        case .scrollDown: scroll(by: 1)
        case .scrollUp: scroll(by: -1)
        case .toggleHelp:
            showsHelp.toggle()
            helpScroll = 0
        case .closeHelp: showsHelp = false
        case .messageLog:
            showsHelp = false
            showsMessages = true
        case .palette:
            showsHelp = false
            palette = CommandPalette()
        case .refresh: return reload()
        case .undo: return [.undo]
        case .redo: return [.redo]
        case .search: openLine(.search)
        case .filter: openLine(.filter)
        case .jumpToID: openLine(.jump)
        case .clearFilters: return clearFilters()
        case .view1, .view2, .view3, .view4, .view5, .view6, .view7, .view8, .view9:
            return applyView(key: command.viewKey ?? 0)
        case .saveView: openSaveViewLine()
        case .quickHigh: return toggleQuickFilter { $0.priorities = $0.priorities == [.high] ? [] : [.high] }
        case .quickOverdue: return toggleOverdue()
        case .sort:
            showsHelp = false
            sortPicker = SortPicker(current: query.sort)
        case .filterByStat: return filterByStatsRow()
        case .resolveConflict: return openConflict()
        case .quit: return quit()
        case .add: openAddForm()
        case .edit where !marked.isEmpty: openBulkEditForm()
        case .edit: openEditForm()
        case .editDescription: return editDescription()
        case .delete where !marked.isEmpty: askToDeleteMarked()
        case .delete: askToDelete()
        case .markDone where !marked.isEmpty:
            let allDone = markedTasks.allSatisfy { $0.status == .done }
            return changeMarked { $0.status = allDone ? .todo : .done }
        case .markDone:
            guard let task = selectedTask else { return [] }
            // Done and back: to the status it had before, as far as this screen knows.
            guard task.status == .done else {
                statusBeforeDone[task.id] = task.status
                return change { $0.status = .done }
            }
            let back = statusBeforeDone.removeValue(forKey: task.id) ?? .todo
            return change { $0.status = back }
        case .cycleStatusBack where !marked.isEmpty:
            let previous = TaskStatus(rank: (((selectedTask ?? markedTasks.first)?.status.rank ?? 0) + 2) % 3) ?? .todo
            return changeMarked { $0.status = previous }
        case .cycleStatusBack:
            return change { $0.status = TaskStatus(rank: ($0.status.rank + 2) % TaskStatus.allCases.count) ?? .todo }
        case .cyclePriorityBack where !marked.isEmpty:
            let previous = TaskPriority(rank: (((selectedTask ?? markedTasks.first)?.priority.rank ?? 0) + 2) % 3) ?? .low
            return changeMarked { $0.priority = previous }
        case .cyclePriorityBack:
            return change { $0.priority = TaskPriority(rank: ($0.priority.rank + 2) % TaskPriority.allCases.count) ?? .medium }
        case .cycleStatus where !marked.isEmpty:
            // Every marked task takes the status after the selected one's, so they end alike.
            let next = TaskStatus(rank: ((selectedTask ?? markedTasks.first)?.status.rank ?? 0) + 1) ?? .todo
            return changeMarked { $0.status = next }
        case .cycleStatus:
            return change { $0.status = TaskStatus(rank: ($0.status.rank + 1) % TaskStatus.allCases.count) ?? .todo }
        case .cyclePriority where !marked.isEmpty:
            let next = TaskPriority(rank: ((selectedTask ?? markedTasks.first)?.priority.rank ?? 0) + 1) ?? .low
            return changeMarked { $0.priority = next }
        case .cyclePriority:
            return change { $0.priority = TaskPriority(rank: ($0.priority.rank + 1) % TaskPriority.allCases.count) ?? .medium }
        case .yank:
            if selectedTask != nil {
                yankPending = true
                message = StatusMessage("Copy: i the id · t the title · j the task as JSON · Esc nothing", isError: false, now: now)
            }
        case .toggleMark: return toggleMark()
        case .markRange: markRange()
        case .markAll: markAll()
        case .clearMarks: marked = []
        case .acceptLine, .cancelLine, .completeLine, .sortDown, .sortUp, .flipSort, .applySort, .cancelSort,
             .nextField, .previousField, .submit, .cancel, .saveForm, .cancelForm, .formEditor, .nextValue,
             .previousValue, .confirm, .refuse, .keepMine, .keepTheirs, .keepAllMine, .keepAllTheirs, .applyResolution,
             .leaveConflict:
            // Bound only in the line, sort, conflict, login, form and question contexts, whose own
            // handlers run them; the panes never look them up.
            break
        }
        return []
    }

    /// The key that opens the conflict view, when `task` is kept as a conflict.
    func conflictKey(for task: TaskItem) -> String? {
        conflictIDs.contains(task.id) ? resolveConflictKey : nil
    }

    /// The user's key for the conflict view, or the palette's way when none is bound.
    var resolveConflictKey: String {
        keymap.keys(for: .resolveConflict, in: .global).first?.displayName ?? ":resolve-conflict"
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
            detailScroll = max(0, min(detailScroll + delta, DetailPane.maxScroll(task: task, area: area, now: now, conflictKey: conflictKey(for: task))))
        }
    }
}
