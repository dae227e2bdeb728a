import Foundation
import TaskFlowCore
import TerminalUI

/// The `[views.NAME]` tables: `filter` (the filter line's language), `sort` (as
/// `taskflow ls --sort`: `dueDate`, `-priority`) and `key` (1–9). A bad filter leaves the
/// view out (it would show the wrong tasks under its name); a bad sort or key costs only
/// that setting. Each problem is one warning, like every other one in the file.
extension UserConfig {
    public static let viewKeys = ["filter", "sort", "key"]

    /// The view a `[views.NAME]` table describes, or nil (with warnings) when it cannot be used.
    public mutating func readView(_ table: TOMLDocument.Table, name: String) -> SavedViews.Configured? {
        let label = "views.\(name)"
        guard !name.isEmpty, !name.contains(".") else {
            warn(table.line, "[\(table.name)] is not a view: name it [views.NAME]")
            return nil
        }
        var view = SavedView(name: name, filter: "")
        var usable = true
        for entry in table.entries {
            switch (entry.key, entry.value) {
            case ("filter", .string(let text)):
                do throws(FilterSyntax.Problem) {
                    // Checked at load time; `now` matters only for the bounds, not for validity.
                    _ = try SavedView.check(text, now: Date())
                    view.filter = text
                } catch {
                    warn(entry.line, "\(label): filter: \(error.message); the view is left out")
                    usable = false
                }
            case ("sort", .string(let text)):
                if let sort = TaskSort(text) {
                    view.sort = sort
                } else {
                    warn(entry.line, "\(label): sort = \"\(text)\" is not one of \(TaskSort.allowedValues) (- before it: descending); the view keeps the sort in force")
                }
            case ("key", .integer(let digit)) where (1...9).contains(digit):
                view.key = digit
            case ("key", _):
                warn(entry.line, "\(label): key must be a number from 1 to 9, found \(entry.value); the view takes a free key")
            case ("filter", _), ("sort", _):
                warn(entry.line, "\(label): \(entry.key) must be a string, found \(entry.value.kind)\(entry.key == "filter" ? "; the view is left out" : "")")
                if entry.key == "filter" { usable = false }
            default:
                warn(entry.line, "\(label): unknown key \"\(entry.key)\" (known: \(Self.viewKeys.joined(separator: ", ")))")
            }
        }
        return usable ? SavedViews.Configured(view: view, line: table.line) : nil
    }
}
