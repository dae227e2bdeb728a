import Foundation
import TaskFlowCore

/// The filter line's language: `status:todo,in-progress priority:high due:<7d words`.
///
/// Parsing sets only the filtering parts of a `TaskQuery` (statuses, priorities, due bounds,
/// overdue, search) and keeps the caller's sort and page size, so a filter never undoes the
/// sort the user chose. `text(of:)` writes a query back in the same language, so the line
/// opens with what is active and `parse(text(of: q))` gives `q` back.
/// Due words are read as UTC days like the rest of the contract; `now` decides "today".
struct FilterSyntax {
    /// Why a line was refused; the message names the key or the value so the user can fix it.
    struct Problem: Error, Equatable {
        let message: String
    }

    static let keys = ["status", "priority", "due"]
    static let dueWords = ["today", "week", "overdue"]

    let now: Date

    /// The query `base` filtered as `text` says; every filter in `base` is replaced and the
    /// page goes back to 1. Several `due:` tokens combine (`due:>2026-12-01 due:<2026-12-31`).
    func parse(_ text: String, base: TaskQuery = TaskQuery()) throws(Problem) -> TaskQuery {
        var query = base
        query.page = 1
        query.statuses = []
        query.priorities = []
        query.search = nil
        query.dueBefore = nil
        query.dueAfter = nil
        query.overdue = false
        var words: [String] = []
        for token in Self.tokens(text) {
            guard let (key, value) = Self.keyAndValue(token) else {
                words.append(token)
                continue
            }
            switch key {
            case "status":
                query.statuses = try Self.list(value, of: TaskStatus.self, key: key)
            case "priority":
                query.priorities = try Self.list(value, of: TaskPriority.self, key: key)
            case "due":
                try applyDue(value, to: &query)
            default:
                throw Problem(message: "unknown filter key '\(key)': use status, priority or due")
            }
        }
        if !words.isEmpty { query.search = words.joined(separator: " ") }
        return query
    }

    /// The line's words, split at white-space scalars rather than Characters: a combining
    /// mark typed after a space joins the space's Character, so splitting by Character would
    /// read "a ͛b" as one word once `text(of:)` had written it back (found by fuzzing).
    static func tokens(_ text: String) -> [String] {
        text.unicodeScalars.split(whereSeparator: \.properties.isWhitespace).map { String(Substring($0)) }
    }

    /// The filter of `query` as a line `parse` reads back to the same query.
    func text(of query: TaskQuery) -> String {
        var tokens: [String] = []
        if !query.statuses.isEmpty { tokens.append("status:" + query.statuses.map(\.rawValue).joined(separator: ",")) }
        if !query.priorities.isEmpty { tokens.append("priority:" + query.priorities.map(\.rawValue).joined(separator: ",")) }
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
        if let search = query.search, !search.isEmpty { tokens.append(search) }
        return tokens.joined(separator: " ")
    }

    /// `key:value` when the token starts with letters and a colon; anything else is a word,
    /// so searching for "12:30" or "a:b:c"-like text is still possible with a leading digit.
    static func keyAndValue(_ token: String) -> (key: String, value: String)? {
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
