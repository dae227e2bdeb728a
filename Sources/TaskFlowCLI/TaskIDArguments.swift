import ArgumentParser
import Foundation
import TaskFlowClient
import TaskFlowCore
import TerminalUI

/// Task ids as typed on the command line: whole, or the short id `ls` shows (a tail of
/// the id), or a copied head of one (man taskflow, TASK IDS).
enum TaskIDArguments {
    /// Most candidates an ambiguous id lists before "and N more".
    static let listedCandidates = 10
    /// `GET /sync` page size when there is no local copy: the server's most.
    static let snapshotPage = 5000

    /// The ids meant by `inputs`, read against `known`. An input too short or fitting
    /// several tasks fails with exit 64, naming the candidates; one that fits nothing
    /// is kept as typed, so the command reports "not found" as it always has.
    static func resolve(_ inputs: [String], in known: ShortIDs, title: (String) -> String?) throws -> [String] {
        try inputs.map { input in
            switch known.resolve(input) {
            case .found(let id): return id
            case .notFound: return input
            case .tooShort:
                throw CommandFailure(
                    message: "\(TextSanitizer.sanitize(input)): give at least \(ShortIDs.minimumLength) characters of the id", code: ExitCodes.usage)
            case .ambiguous(let ids):
                // One line each (a message is one line: its newlines would be sanitised away).
                TerminalOutput.error("taskflow: \(TextSanitizer.sanitize(input)) fits \(ids.count) tasks; give more characters:")
                for id in ids.prefix(listedCandidates) {
                    TerminalOutput.error("  \(TextSanitizer.sanitize(id))  \(TextSanitizer.sanitize(title(id) ?? ""))")
                }
                if ids.count > listedCandidates { TerminalOutput.error("  and \(ids.count - listedCandidates) more") }
                throw ExitCode(ExitCodes.usage)
            }
        }
    }

    /// Without a local copy: whole ids as they are; otherwise every task of the user is
    /// read from a `GET /sync` snapshot, 5,000 a page (100,000 tasks: 20 requests).
    static func resolveOnline(_ inputs: [String], client: APIClient) async throws -> [String] {
        if let whole = wholeIDs(inputs) { return whole }
        var titles: [String: String] = [:], cursor: String?
        repeat {
            guard let page = try await client.sync(cursor: cursor, limit: snapshotPage)?.value else { break }
            for case .upsert(let task) in page.changes { titles[task.id] = task.title }
            cursor = page.more ? page.cursor : nil
        } while cursor != nil
        return try resolve(inputs, in: ShortIDs(titles.keys), title: { titles[$0] })
    }

    /// `inputs` in canonical form when every one is a whole id (nothing to look up).
    static func wholeIDs(_ inputs: [String]) -> [String]? {
        let whole = inputs.compactMap(ULID.normalised)
        return whole.count == inputs.count ? whole : nil
    }
}

extension LocalCopy {
    /// The ids meant by `inputs`, read against every task of the copy after `refresh`.
    func resolve(_ inputs: [String]) async throws -> [String] {
        try await refresh()
        if let whole = TaskIDArguments.wholeIDs(inputs) { return whole }
        return try TaskIDArguments.resolve(inputs, in: try replica.shortIDs(), title: { try? replica.task(id: $0)?.title })
    }
}
