import Foundation

/// The filter line's language: `status:todo,in-progress priority:high due:<7d words`.
///
/// Reading sets only the filtering parts of a `TaskQuery` (statuses, priorities, due bounds,
/// overdue, search) and keeps the caller's sort and page size, so a filter never undoes the
/// sort the user chose. The `due:` values are kept as written (`<7d`, `today`, `fri`) next
/// to the query, because they are relative: `applying(due:to:)` reads them again at each
/// query, so "due within 7 days" still means that tomorrow. `text(of:due:)` writes a filter
/// back in the same language, so the line opens with what is active and reading that line
/// gives the same filter back.
///
/// A key is `status`, `priority` or `due`, or any start of one from two letters on (`pri:`,
/// `st:`), as in taskwarrior. Any other `word:value` is text to search for, as typed (a
/// title like "re: budget" or "todo: call Bob" must stay findable); `textKeys` lists such
/// tokens so the screen can say how it read them. A known key with a bad value is refused.
/// Due words are read as UTC days like the rest of the contract; `now` decides "today".
public struct FilterSyntax {
    /// Why a line was refused; the message names the key or the value so the user can fix it.
    public struct Problem: Error, Equatable, CustomStringConvertible {
        public let message: String
        public var description: String { message }

        public init(message: String) { self.message = message }
    }

    /// A line as read: the query it selects now, the due values as written (to be read
    /// again later), and the `word:value` tokens searched as text.
    public struct Reading: Equatable {
        public var query: TaskQuery
        public var due: [String] = []
        public var textKeys: [String] = []

        public init(query: TaskQuery, due: [String] = [], textKeys: [String] = []) {
            self.query = query
            self.due = due
            self.textKeys = textKeys
        }
    }

    public static let keys = ["status", "priority", "due"]
    /// The `due:` values Tab offers first, before anything is typed.
    public static let dueWords = ["today", "tomorrow", "week", "overdue", "<7d", ">7d"]
    /// Tab also completes these after `<` or `>` and, once a letter is typed, bare.
    public static let dayWords = ["today", "tomorrow", "7d", "2w", "mon", "tue", "wed", "thu", "fri", "sat", "sun"]

    public let now: Date

    public init(now: Date) { self.now = now }

    /// The query `base` filtered as `text` says; every filter in `base` is replaced and the
    /// page goes back to 1. Several `due:` tokens combine (`due:>2026-12-01 due:<2026-12-31`).
    public func read(_ text: String, base: TaskQuery = TaskQuery()) throws(Problem) -> Reading {
        var query = base
        query.page = 1
        query.statuses = []
        query.priorities = []
        query.search = nil
        var due: [String] = []
        var words: [String] = []
        var textKeys: [String] = []
        for token in Self.tokens(text) {
            guard let (written, value) = Self.keyAndValue(token) else {
                words.append(token)
                continue
            }
            guard let key = Self.key(named: written) else {
                words.append(token)
                textKeys.append(token)
                continue
            }
            switch key {
            case "status":
                query.statuses = try Self.list(value, of: TaskStatus.self, key: key)
            case "priority":
                query.priorities = try Self.list(value, of: TaskPriority.self, key: key)
            default:
                var check = TaskQuery()
                try applyDue(value, to: &check)
                due.append(value.lowercased())
            }
        }
        if !words.isEmpty { query.search = words.joined(separator: " ") }
        return Reading(query: applying(due: due, to: query), due: due, textKeys: textKeys)
    }

    /// The query of `read`, for callers that keep no due words.
    public func parse(_ text: String, base: TaskQuery = TaskQuery()) throws(Problem) -> TaskQuery {
        try read(text, base: base).query
    }

    /// `query` with its due bounds and overdue flag as `due` (values `read` accepted) mean
    /// at `now`; no values clear them.
    public func applying(due: [String], to query: TaskQuery) -> TaskQuery {
        var query = query
        query.dueBefore = nil
        query.dueAfter = nil
        query.overdue = false
        for value in due { try? applyDue(value, to: &query) }
        return query
    }

    /// The filter key `written` stands for: a key, or the start of exactly one from two
    /// letters on; nil for anything else (then the token is text).
    public static func key(named written: String) -> String? {
        if keys.contains(written) { return written }
        guard written.count >= 2 else { return nil }
        let matches = keys.filter { $0.hasPrefix(written) }
        return matches.count == 1 ? matches[0] : nil
    }

    /// The line's words, split at white-space scalars rather than Characters: a combining
    /// mark typed after a space joins the space's Character, so splitting by Character would
    /// read "a ͛b" as one word once `text(of:)` had written it back (found by fuzzing).
    public static func tokens(_ text: String) -> [String] {
        text.unicodeScalars.split(whereSeparator: \.properties.isWhitespace).map { String(Substring($0)) }
    }

    /// The filter of `query` as a line `read` reads back to the same filter: the due values
    /// as written when there are some, else the query's own due bounds as dates.
    public func text(of query: TaskQuery, due: [String] = []) -> String {
        var tokens: [String] = []
        if !query.statuses.isEmpty { tokens.append("status:" + query.statuses.map(\.rawValue).joined(separator: ",")) }
        if !query.priorities.isEmpty { tokens.append("priority:" + query.priorities.map(\.rawValue).joined(separator: ",")) }
        if due.isEmpty {
            tokens += dueTokens(of: query)
        } else {
            tokens += due.map { "due:" + $0 }
        }
        if let search = query.search, !search.isEmpty { tokens.append(search) }
        return tokens.joined(separator: " ")
    }

    private func dueTokens(of query: TaskQuery) -> [String] {
        var tokens: [String] = []
        if query.overdue { tokens.append("due:overdue") }
        let today = DueBound.day(DueDate.startOfDay(now))
        switch (query.dueAfter, query.dueBefore) {
        case (today?, today?):
            tokens.append("due:today")
        case (today?, dayBound(6)?):
            tokens.append("due:week")
        case (let after?, let before?) where after == before:
            tokens.append("due:\(after)")
        case (let after, let before):
            if let after { tokens.append("due:>\(after)") }
            if let before { tokens.append("due:<\(before)") }
        }
        return tokens
    }

    /// `key:value` (the key lowercased) when the token starts with letters and a colon;
    /// anything else is a word. Whether the key is one is for `key(named:)` to say.
    public static func keyAndValue(_ token: String) -> (key: String, value: String)? {
        guard let colon = token.firstIndex(of: ":") else { return nil }
        let key = token[..<colon]
        guard !key.isEmpty, key.allSatisfy({ $0.isLetter }) else { return nil }
        return (key.lowercased(), String(token[token.index(after: colon)...]))
    }

    private static func list<T: RawRepresentable & CaseIterable>(_ value: String, of: T.Type, key: String) throws(Problem) -> [T]
    where T.RawValue == String {
        let allowed = T.allCases.map(\.rawValue).joined(separator: ", ")
        let parts = value.split(separator: ",").map { $0.lowercased() }
        guard !parts.isEmpty else { throw Problem(message: "\(key): needs a value: \(allowed)") }
        var result: [T] = []
        for part in parts {
            guard let item = T(rawValue: part) else { throw Problem(message: "bad \(key) '\(part)': use \(allowed)") }
            if !result.contains(where: { $0.rawValue == item.rawValue }) { result.append(item) }
        }
        return result
    }

    /// `today`, `week` (today and the six days after), `overdue`, `<when` (due on or before),
    /// `>when` (due on or after) and a bare `when` (due that day), where `when` is `7d`, `2w`
    /// or any of the CLI's date words (`tomorrow`, `fri`, `2026-12-01`).
    private func applyDue(_ value: String, to query: inout TaskQuery) throws(Problem) {
        let word = value.lowercased()
        switch word {
        case "today":
            query.dueAfter = dayBound(0)
            query.dueBefore = dayBound(0)
        case "week":
            query.dueAfter = dayBound(0)
            query.dueBefore = dayBound(6)
        case "overdue":
            query.overdue = true
        default:
            if word.hasPrefix("<"), let bound = bound(String(word.dropFirst())) {
                query.dueBefore = bound
            } else if word.hasPrefix(">"), let bound = bound(String(word.dropFirst())) {
                query.dueAfter = bound
            } else if let bound = bound(word) {
                query.dueAfter = bound
                query.dueBefore = bound
            } else {
                throw Problem(message: "bad due '\(value)': use today, week, overdue, <7d, >2026-12-01 or a date")
            }
        }
    }

    /// A day bound from `7d`/`2w` (counted from today) or a date word; an exact RFC 3339
    /// timestamp stays exact so `text(of:)` output parses back unchanged.
    private func bound(_ text: String) -> DueBound? {
        guard !text.isEmpty else { return nil }
        if let last = text.last, last == "d" || last == "w", let first = text.first, first.isNumber {
            return DateWords.parseDue("+" + text, now: now).map { .day(DueDate.startOfDay($0)) }
        }
        if text.contains("t"), let instant = Timestamp.parse(text.uppercased()) { return .instant(instant) }
        return DateWords.parseDue(text, now: now).map { .day(DueDate.startOfDay($0)) }
    }

    private func dayBound(_ offset: Int) -> DueBound {
        .day(Date(millis: DueDate.startOfDay(now).millis + offset * 86_400_000))
    }
}
