import Foundation
import TaskFlowCore
import TerminalUI

/// The search and filter lines, quick filters and clearing them. Every change of filter
/// lands in `query`, which reloads, refreshes and live updates all use, so a filter stays
/// in force until the user changes it.
extension AppState {
    mutating func openLine(_ kind: QueryLine.Kind) {
        showsHelp = false
        let text = kind == .search ? (query.search ?? "") : kind == .filter ? filterText : ""
        var line = QueryLine(
            kind: kind, text: text, savedQuery: query, savedDueFilter: dueFilter, savedCursor: cursor, savedOffset: listOffset)
        // A new search is the common case (as `/` in lazygit or k9s): the old one is
        // selected, so typing replaces it, while → or End keeps it to refine. A filter is
        // more often added to, so its line opens with the cursor after it.
        if kind == .search { line.input.selectAll() }
        queryLine = line
    }

    /// Keys on an open line: only the line context's bindings count, so that typing `q`,
    /// `/` or `1` types it.
    mutating func handleLine(_ key: Key) -> [Effect] {
        guard var line = queryLine else { return [] }
        switch keymap.contexts[.line]?[key] {
        case .acceptLine?:
            return acceptLine(line)
        case .cancelLine?:
            return cancelLine(line)
        case .completeLine?:
            if line.kind == .filter { complete(&line) }
            queryLine = line
            return []
        default:
            let before = line.input.text
            line.input.handle(key)
            let changed = line.input.text != before
            if changed {
                line.problem = nil
                line.choices = nil
            }
            queryLine = line
            guard changed, line.kind == .search else { return [] }
            // No request per key: the runner waits, and only the latest keystroke's pause searches.
            searchGeneration += 1
            return [.waitForTypingPause(generation: searchGeneration)]
        }
    }

    /// Tab: completes as far as certain and lists what is left; Tab again while the list
    /// is shown puts each candidate on the line in turn.
    private func complete(_ line: inout QueryLine) {
        line.problem = nil
        // Any edit drops the candidates, so while they are here the line is Tab's own.
        if var choices = line.choices {
            let next = choices.index.map { ($0 + 1) % choices.lines.count } ?? 0
            choices.index = next
            line.input.setText(choices.lines[next])
            line.choices = choices
            return
        }
        guard let completion = FilterCompletion.complete(line.input.text) else {
            line.choices = nil
            return
        }
        line.input.setText(completion.line)
        line.choices =
            completion.choices.count > 1 ? QueryLine.Choices(lines: completion.choices, names: completion.names, index: nil) : nil
    }

    mutating func typingPaused(generation: Int) -> [Effect] {
        guard generation == searchGeneration, let line = queryLine, line.kind == .search else { return [] }
        return requery(withSearch: line.input.text)
    }

    private mutating func acceptLine(_ line: QueryLine) -> [Effect] {
        switch line.kind {
        case .search:
            queryLine = nil
            // A pause may still be pending; Enter searches for what is typed now.
            searchGeneration += 1
            return requery(withSearch: line.input.text)
        case .viewName:
            return acceptViewName(line)
        case .filter:
            do {
                let reading = try FilterSyntax(now: now).read(line.input.text, base: query)
                queryLine = nil
                dueFilter = reading.due
                if !reading.textKeys.isEmpty {
                    let tokens = reading.textKeys.map { "“\($0)”" }.joined(separator: ", ")
                    message = StatusMessage(
                        "Searching for \(tokens) as text: the filter keys are status, priority and due", isError: false, now: now)
                }
                let effects = requery(reading.query)
                // A filter written on the line is the user's own, no longer the view's.
                if !effects.isEmpty { forgetView() }
                return effects
            } catch {
                var refused = line
                refused.problem = error.message
                queryLine = refused
                return []
            }
        case .jump:
            return acceptJump(line)
        }
    }

    /// Puts back the query, cursor and scroll the line was opened over.
    private mutating func cancelLine(_ line: QueryLine) -> [Effect] {
        queryLine = nil
        searchGeneration += 1
        dueFilter = line.savedDueFilter
        let effects = requery(line.savedQuery)
        guard !effects.isEmpty else { return [] }
        cursor = line.savedCursor
        listOffset = line.savedOffset
        return effects + requestVisiblePages()
    }

    mutating func clearFilters() -> [Effect] {
        forgetView()
        dueFilter = []
        return requery(TaskQuery(limit: query.limit, sort: query.sort))
    }

    /// `O`: overdue tasks only, or again, not only; the rest of the filter stays.
    mutating func toggleOverdue() -> [Effect] {
        showsHelp = false
        if dueFilter.contains("overdue") { dueFilter.removeAll { $0 == "overdue" } } else { dueFilter.append("overdue") }
        return requery(query)
    }

    mutating func toggleQuickFilter(_ change: (inout TaskQuery) -> Void) -> [Effect] {
        showsHelp = false
        var changed = query
        change(&changed)
        return requery(changed)
    }

    private mutating func requery(withSearch text: String) -> [Effect] {
        var changed = query
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        changed.search = trimmed.isEmpty ? nil : trimmed
        return requery(changed)
    }

    /// Shows `newQuery` (its due bounds read from `dueFilter` now) from its first row;
    /// answers to the old query are ignored from now on.
    mutating func requery(_ newQuery: TaskQuery) -> [Effect] {
        var newQuery = FilterSyntax(now: now).applying(due: dueFilter, to: newQuery)
        newQuery.page = 1
        guard newQuery != query else { return [] }
        query = newQuery
        cursor = 0
        listOffset = 0
        detailScroll = 0
        followedTaskID = nil
        tasks.invalidate()
        // The rows still shown belong to the old query and so does their total: only page 1
        // is certain to exist; its answer brings the total and the prefetch of the next.
        // Stats that follow the filter are counted again (the server's never do: no request).
        return fetch([1]) + (statsFollowFilter ? requestStats() : [])
    }
}
