import Foundation
import TaskFlowCore
import TerminalUI
import TaskFlowSettings

/// Saved views: a digit puts its view's filter (and sort, when it has one) in force, the
/// same digit again shows all tasks, and `V` saves the filter and sort in force under a name.
extension AppState {
    /// The view on `key`, or all tasks again when that view is the active one.
    mutating func applyView(key: Int) -> [Effect] {
        showsHelp = false
        guard let view = views.view(onKey: key) else {
            message = StatusMessage("No view on \(key): V saves the filter and sort in force as one", isError: false, now: now)
            return []
        }
        if activeView == view.name { return leaveView() }
        let reading: FilterSyntax.Reading
        do throws(FilterSyntax.Problem) {
            reading = try view.reading(now: now, base: query)
        } catch {
            message = StatusMessage("View “\(view.name)”: \(error.message)", now: now)
            return []
        }
        if activeView == nil { sortBeforeView = query.sort }
        var changed = reading.query
        changed.sort = view.sort ?? sortBeforeView ?? query.sort
        activeView = view.name
        dueFilter = reading.due
        return requery(changed)
    }

    /// All tasks, in the sort from before the view.
    private mutating func leaveView() -> [Effect] {
        let sort = sortBeforeView ?? query.sort
        forgetView()
        dueFilter = []
        return requery(TaskQuery(limit: query.limit, sort: sort))
    }

    /// The filter is no longer the view's: the view stops being active.
    mutating func forgetView() {
        activeView = nil
        sortBeforeView = nil
    }

    /// `V`: the name line, holding the active view's name so saving again replaces it.
    mutating func openSaveViewLine() {
        showsHelp = false
        guard configPath != nil else {
            message = StatusMessage("No config file to save a view in", now: now)
            return
        }
        var line = QueryLine(
            kind: .viewName, text: activeView ?? "", savedQuery: query, savedDueFilter: dueFilter, savedCursor: cursor,
            savedOffset: listOffset)
        line.input.selectAll()
        queryLine = line
    }

    /// Enter on the name line: the view of the filter and sort in force, to be written.
    mutating func acceptViewName(_ line: QueryLine) -> [Effect] {
        var refused = line
        let name = line.input.text.trimmingCharacters(in: .whitespaces)
        guard SavedView.isValidName(name) else {
            refused.problem = "a name is letters, digits, - and _"
            queryLine = refused
            return []
        }
        let view = SavedView(name: name, filter: filterText, sort: query.sort, key: views.key(forSaving: name))
        do throws(FilterSyntax.Problem) {
            // What the file could not read back is not written (a search for "re: x").
            _ = try SavedView.check(view.filter, now: now)
        } catch {
            refused.problem = error.message
            queryLine = refused
            return []
        }
        guard let path = configPath else { return [] }
        queryLine = nil
        return [.saveView(view, path: path)]
    }

    /// The file took the view: it is on its key now, and active.
    mutating func viewSaved(_ view: SavedView, path: String) -> [Effect] {
        views.save(view)
        activeView = view.name
        sortBeforeView = nil
        let place = view.key.map { "on key \($0)" } ?? "on no key (1–9 are all taken; taskflow ls --view \(view.name) uses it)"
        message = StatusMessage("Saved view “\(view.name)” \(place) in \(path)", isError: false, now: now)
        return []
    }
}
