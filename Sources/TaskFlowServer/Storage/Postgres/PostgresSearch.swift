import Foundation
import TaskFlowCore

/// Full-text search with the SQLite store's meaning. Words are cut from text exactly as
/// from a query (`TaskQuery.searchWords`: runs of letters, digits and marks), then case
/// and accents are folded as FTS5's `unicode61 remove_diacritics` does. The index stores
/// those words as lexemes (`array_to_tsvector`), so PostgreSQL's parser never re-reads them.
enum PostgresSearch {
    /// PostgreSQL refuses lexemes of 2 KiB and more; such "words" are not searchable.
    private static let maxLexemeBytes = 2046

    static func words(title: String, description: String) -> [String] {
        Array(Set(fold(TaskQuery(search: title + " " + description).searchWords)))
    }

    /// A `tsquery` in which every word must match and the last is a prefix, or nil for no
    /// words. Lexemes are quoted, so nothing in them is read as tsquery syntax.
    static func query(_ searchWords: [String]) -> String? {
        let lexemes = fold(searchWords)
        guard !lexemes.isEmpty else { return nil }
        let quoted = lexemes.map { "'" + $0.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "''") + "'" }
        return quoted.dropLast().map { $0 + " & " }.joined() + quoted.last! + ":*"
    }

    private static func fold(_ words: [String]) -> [String] {
        words.map { $0.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).lowercased() }
            .filter { !$0.isEmpty && $0.utf8.count <= maxLexemeBytes }
    }
}
