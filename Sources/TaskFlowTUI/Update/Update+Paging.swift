import TaskFlowClient
import TaskFlowCore
import TerminalUI

extension AppState {
    /// Rows of tasks the list shows, whichever pane is on screen now.
    var listRows: Int { Layout(size: size, focus: .list).listRows }

    /// Moves the cursor (clamped to the list) and fetches what the new position needs.
    mutating func moveCursor(to index: Int) -> [Effect] {
        let newCursor = max(0, min(index, tasks.count - 1))
        if newCursor != cursor { detailScroll = 0 }
        cursor = newCursor
        followedTaskID = nil
        keepCursorVisible()
        return requestVisiblePages()
    }

    mutating func keepCursorVisible() {
        cursor = max(0, min(cursor, tasks.count - 1))
        let list = ListState(selected: cursor, offset: listOffset)
        listOffset = list.offsetShowingSelection(visibleRows: listRows, count: tasks.count)
    }

    /// Asks for the pages on screen plus the next one (so holding `j` never meets an
    /// unloaded row), and the previous one when the cursor is near its page's top.
    mutating func requestVisiblePages() -> [Effect] {
        guard screen == .main else { return [] }
        var wanted: [Int] = []
        if tasks.isLoaded {
            // An empty answer of an older query still needs page 1 of the current one.
            guard tasks.count > 0 else { return tasks.isCurrent(1) ? [] : fetch([1]) }
            let lastRow = min(tasks.count, listOffset + listRows) - 1
            wanted = Array(tasks.page(containing: listOffset)...tasks.page(containing: max(listOffset, lastRow)))
            let cursorPage = tasks.page(containing: cursor)
            let lastPage = tasks.page(containing: tasks.count - 1)
            if cursorPage < lastPage { wanted.append(cursorPage + 1) }
            if cursorPage > 1, cursor % tasks.pageSize < listRows { wanted.append(cursorPage - 1) }
        } else {
            wanted = [tasks.page(containing: cursor)]
        }
        return fetch(wanted)
    }

    /// Asks for each of `wanted` not already current or on its way.
    mutating func fetch(_ wanted: [Int]) -> [Effect] {
        var effects: [Effect] = []
        for page in wanted where !tasks.isCurrent(page) {
            tasks.markRequested(page)
            var pageQuery = query
            pageQuery.page = page
            effects.append(.fetchPage(pageQuery, generation: tasks.generation))
        }
        return effects
    }

    /// Fetches everything on screen again, keeping the cursor on the task it is on. A
    /// relative due filter is read again: "<7d" means seven days from now, every time.
    mutating func reload() -> [Effect] {
        // A reload still looking for its task keeps looking for it.
        followedTaskID = followedTaskID ?? selectedTask?.id
        query = FilterSyntax(now: now).applying(due: dueFilter, to: query)
        tasks.invalidate()
        return requestVisiblePages() + requestStats()
    }

    mutating func requestStats() -> [Effect] {
        guard screen == .main else { return [] }
        if statsInFlight {
            statsStale = true
            return []
        }
        statsInFlight = true
        statsStale = false
        statsRequestFilter = filterText
        return [.fetchStats(query)]
    }

    mutating func receive(_ answer: TaskPage, page: Int, generation: Int, rateLimit: RateLimitStatus?) -> [Effect] {
        guard tasks.store(answer.tasks, page: page, total: answer.pagination.total, generation: generation) else { return [] }
        lastSync = now
        if !shortIDsCoverAll { shortIDs = ShortIDs(tasks.loadedIDs.filter { !$0.hasPrefix("new:") }) }
        if let rateLimit { self.rateLimit = rateLimit }
        if let id = followedTaskID {
            if let index = tasks.index(of: id) {
                cursor = index
                followedTaskID = nil
            } else if tasks.inFlight.isEmpty {
                followedTaskID = nil
            }
        }
        keepCursorVisible()
        return requestVisiblePages()
    }
}
