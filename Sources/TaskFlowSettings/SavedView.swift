import Foundation
import TaskFlowCore

/// A named filter and sort on a digit key (`[views.NAME]` in config.toml, `taskflow ls
/// --view NAME`). The filter is kept as written in the filter line's language, so a
/// relative `due:<7d` is read again each time the view is used.
public struct SavedView: Sendable, Equatable {
    public var name: String
    /// The filter line's language: `status:todo priority:high due:<7d words`.
    public var filter: String
    /// nil: the view keeps whatever sort is in force (the built-in views do).
    public var sort: TaskSort?
    /// 1–9, or nil when every digit was taken (then only `ls --view` reaches it).
    public var key: Int?

    public init(name: String, filter: String, sort: TaskSort? = nil, key: Int? = nil) {
        self.name = name
        self.filter = filter
        self.sort = sort
        self.key = key
    }

    /// The views of a config without any: the quick filters 1, 2 and 3 always were.
    public static let builtIn = [
        SavedView(name: "todo", filter: "status:todo", key: 1),
        SavedView(name: "doing", filter: "status:in-progress", key: 2),
        SavedView(name: "done", filter: "status:done", key: 3),
    ]

    /// A name `V` can save and the file can hold as a bare `[views.NAME]` header.
    public static func isValidName(_ name: String) -> Bool {
        !name.isEmpty && name.count <= 40 && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
    }

    /// The view's filter read at `now`, over `base`'s sort and page size. Config views were
    /// checked when the file was read, so this throws only for a filter made elsewhere.
    public func reading(now: Date, base: TaskQuery = TaskQuery()) throws(FilterSyntax.Problem) -> FilterSyntax.Reading {
        try Self.check(filter, now: now, base: base)
    }

    /// The query the view selects at `now` (its sort when it has one), for `ls --view`.
    public func query(now: Date, base: TaskQuery = TaskQuery()) throws -> TaskQuery {
        var query = try reading(now: now, base: base).query
        if let sort { query.sort = sort }
        return query
    }

    /// Reads `filter` as a view's filter: a `word:` that is not a filter key is refused
    /// here, where on the filter line it would be searched for, because in a file it is
    /// far more likely a typo (`prio:high` is fine, `priorty:high` is not).
    public static func check(_ filter: String, now: Date, base: TaskQuery = TaskQuery()) throws(FilterSyntax.Problem) -> FilterSyntax.Reading {
        let reading = try FilterSyntax(now: now).read(filter, base: base)
        if let token = reading.textKeys.first {
            throw FilterSyntax.Problem(message: "unknown filter key in “\(token)” (keys: \(FilterSyntax.keys.joined(separator: ", ")))")
        }
        return reading
    }
}
