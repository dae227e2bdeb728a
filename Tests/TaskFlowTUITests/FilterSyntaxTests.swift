import Foundation
import TaskFlowCore
import XCTest
@testable import TaskFlowTUI

/// The filter line's language, read at Fixtures.now (Tuesday 2026-12-01, 12:00 UTC).
final class FilterSyntaxTests: XCTestCase {
    let syntax = FilterSyntax(now: Fixtures.now)

    func day(_ text: String) -> DueBound { DueBound(text)! }

    func testStatusesPrioritiesAndWordsBecomeTheQuery() throws {
        let query = try syntax.parse("status:todo,in-progress priority:high write report")
        XCTAssertEqual(query.statuses, [.todo, .inProgress])
        XCTAssertEqual(query.priorities, [.high])
        XCTAssertEqual(query.search, "write report")
        XCTAssertNil(query.dueBefore)
        XCTAssertFalse(query.overdue)
    }

    func testDueWordsAreUTCDaysFromNow() throws {
        let today = try syntax.parse("due:today")
        XCTAssertEqual(today.dueAfter, day("2026-12-01"))
        XCTAssertEqual(today.dueBefore, day("2026-12-01"))
        let week = try syntax.parse("due:week")
        XCTAssertEqual(week.dueAfter, day("2026-12-01"))
        XCTAssertEqual(week.dueBefore, day("2026-12-07"))
        XCTAssertTrue(try syntax.parse("due:overdue").overdue)
        XCTAssertEqual(try syntax.parse("due:<7d").dueBefore, day("2026-12-08"))
        XCTAssertNil(try syntax.parse("due:<7d").dueAfter)
        XCTAssertEqual(try syntax.parse("due:>2026-12-24").dueAfter, day("2026-12-24"))
        XCTAssertEqual(try syntax.parse("due:<fri").dueBefore, day("2026-12-04"))
        let both = try syntax.parse("due:>2026-12-10 due:<2026-12-20")
        XCTAssertEqual(both.dueAfter, day("2026-12-10"))
        XCTAssertEqual(both.dueBefore, day("2026-12-20"))
    }

    func testKeysAndValuesIgnoreCaseAndRepeatsCollapse() throws {
        let query = try syntax.parse("Status:TODO,todo PRIORITY:Low")
        XCTAssertEqual(query.statuses, [.todo])
        XCTAssertEqual(query.priorities, [.low])
    }

    func testTheSortAndPageSizeOfTheBaseAreKeptAndOldFiltersReplaced() throws {
        let base = TaskQuery(page: 4, limit: 50, statuses: [.done], search: "old", overdue: true, sort: TaskSort("-title")!)
        let query = try syntax.parse("priority:high", base: base)
        XCTAssertEqual(query, TaskQuery(page: 1, limit: 50, priorities: [.high], sort: TaskSort("-title")!))
    }

    func testAnEmptyLineClearsEveryFilter() throws {
        XCTAssertEqual(try syntax.parse("  ", base: TaskQuery(statuses: [.todo], search: "x")), TaskQuery())
    }

    func testTextWithADigitBeforeTheColonIsAWord() throws {
        XCTAssertEqual(try syntax.parse("meet 12:30").search, "meet 12:30")
    }

    /// A `word:` that is no key is text, as typed: "re: budget" and "todo: call Bob" stay
    /// findable, and the reading says which tokens it took for text.
    func testAWordBeforeAColonThatIsNoKeyIsSearchedForAsText() throws {
        let reading = try syntax.read("status:todo colour:red re: budget")
        XCTAssertEqual(reading.query.statuses, [.todo])
        XCTAssertEqual(reading.query.search, "colour:red re: budget")
        XCTAssertEqual(reading.textKeys, ["colour:red", "re:"])
        XCTAssertEqual(try syntax.read("status:todo").textKeys, [])
    }

    func testAStartOfAKeyFromTwoLettersOnIsThatKey() throws {
        let reading = try syntax.read("pri:high ST:done du:today")
        XCTAssertEqual(reading.query.priorities, [.high])
        XCTAssertEqual(reading.query.statuses, [.done])
        XCTAssertEqual(reading.due, ["today"])
        XCTAssertEqual(reading.textKeys, [])
        XCTAssertEqual(try syntax.read("p:high").query.search, "p:high", "one letter is too short to be sure")
    }

    func testABadValueIsNamedWithTheAllowedOnes() {
        XCTAssertThrowsError(try syntax.parse("status:todo,doing")) { error in
            XCTAssertEqual(error as? FilterSyntax.Problem, .init(message: "bad status 'doing': use todo, in-progress, done"))
        }
        XCTAssertThrowsError(try syntax.parse("priority:")) { error in
            XCTAssertEqual(error as? FilterSyntax.Problem, .init(message: "priority: needs a value: low, medium, high"))
        }
        for bad in ["due:soon", "due:<", "due:>7x", "due:2026-13-01"] {
            XCTAssertThrowsError(try syntax.parse(bad), bad) { error in
                let message = (error as? FilterSyntax.Problem)?.message ?? ""
                XCTAssertTrue(message.hasPrefix("bad due '\(bad.dropFirst(4))'"), message)
            }
        }
    }

    func testQueriesRoundTripThroughText() throws {
        let queries = [
            TaskQuery(),
            TaskQuery(statuses: [.todo, .inProgress], priorities: [.high], search: "write report"),
            TaskQuery(dueBefore: day("2026-12-01"), dueAfter: day("2026-12-01")),
            TaskQuery(dueBefore: day("2026-12-07"), dueAfter: day("2026-12-01")),
            TaskQuery(dueBefore: day("2026-12-24"), dueAfter: day("2026-12-24")),
            TaskQuery(dueBefore: day("2026-12-08")),
            TaskQuery(dueAfter: day("2026-12-10"), overdue: true),
            TaskQuery(dueBefore: DueBound("2026-12-05T10:30:00Z")!),
        ]
        for query in queries {
            let text = syntax.text(of: query)
            XCTAssertEqual(try syntax.parse(text), query, text)
        }
    }

    func testTextUsesTheShortWordsForTodayAndTheWeek() throws {
        XCTAssertEqual(syntax.text(of: try syntax.parse("due:today status:done")), "status:done due:today")
        XCTAssertEqual(syntax.text(of: try syntax.parse("due:week")), "due:week")
        XCTAssertEqual(syntax.text(of: try syntax.parse("due:<7d x")), "due:<2026-12-08 x", "a query alone has only dates")
    }

    /// Issue 15: `due:<7d` was frozen to the date it meant when typed.
    func testDueWordsStayAsWrittenAndMeanTheirDayAgainAtEachNow() throws {
        let reading = try syntax.read("due:<7D status:todo due:>Tomorrow")
        XCTAssertEqual(reading.due, ["<7d", ">tomorrow"])
        XCTAssertEqual(syntax.text(of: reading.query, due: reading.due), "status:todo due:<7d due:>tomorrow")
        XCTAssertEqual(reading.query.dueBefore, day("2026-12-08"))
        let tomorrow = FilterSyntax(now: Fixtures.now.addingTimeInterval(86_400)).applying(due: reading.due, to: reading.query)
        XCTAssertEqual(tomorrow.dueBefore, day("2026-12-09"))
        XCTAssertEqual(tomorrow.dueAfter, day("2026-12-03"))
        XCTAssertEqual(tomorrow.statuses, [.todo])
        XCTAssertEqual(syntax.applying(due: [], to: tomorrow), TaskQuery(statuses: [.todo]), "no due words, no due bounds")
        let dated = try syntax.read("due:2026-12-24")
        XCTAssertEqual(FilterSyntax(now: Fixtures.now.addingTimeInterval(9 * 86_400)).applying(due: dated.due, to: dated.query), dated.query)
    }

    func testTabCompletesKeysAndValues() {
        XCTAssertEqual(FilterCompletion.complete("st")?.line, "status:")
        XCTAssertEqual(FilterCompletion.complete("report p")?.line, "report priority:")
        XCTAssertEqual(FilterCompletion.complete("status:i")?.line, "status:in-progress")
        XCTAssertEqual(FilterCompletion.complete("status:todo,d")?.line, "status:todo,done")
        XCTAssertEqual(FilterCompletion.complete("stat:t")?.line, "stat:todo", "a start of a key completes its values")
        XCTAssertEqual(FilterCompletion.complete("due:o")?.line, "due:overdue")
        XCTAssertEqual(FilterCompletion.complete("due:fr")?.line, "due:fri")
        XCTAssertEqual(FilterCompletion.complete("due:<to")?.names, ["<today", "<tomorrow"])
        XCTAssertNil(FilterCompletion.complete("status:todo "))
        XCTAssertNil(FilterCompletion.complete("colour:r"), "not a key: text, nothing to complete")
        XCTAssertNil(FilterCompletion.complete("due:today"), "nothing to add")
    }

    /// Issue 15: `due:` and Tab completed nothing. Where the candidates part, Tab lists them.
    func testWhereTheCandidatesPartTabOffersThemAll() {
        let due = FilterCompletion.complete("report due:")
        XCTAssertEqual(due?.line, "report due:")
        XCTAssertEqual(due?.names, ["today", "tomorrow", "week", "overdue", "<7d", ">7d"])
        XCTAssertEqual(due?.choices.first, "report due:today")
        XCTAssertEqual(FilterCompletion.complete("due:t")?.names, ["today", "tomorrow", "tue", "thu"])
        XCTAssertEqual(FilterCompletion.complete("priority:")?.names, ["low", "medium", "high"])
        XCTAssertEqual(FilterCompletion.complete("status:")?.names, ["todo", "in-progress", "done"])
        XCTAssertEqual(FilterCompletion.complete("due:to")?.line, "due:to", "today and tomorrow part after \"to\"")
        for candidate in FilterSyntax.dueWords {
            XCTAssertNoThrow(try syntax.read("due:" + candidate), "every offered word is understood: \(candidate)")
        }
        for candidate in FilterSyntax.dayWords {
            XCTAssertNoThrow(try syntax.read("due:<" + candidate), candidate)
        }
    }

    /// The fuzzer's find (Fuzz/corpus/filter/combining-after-tab): a combining mark after a
    /// tab is its own word, and the line written back reads as the same query.
    func testACombiningMarkAfterWhiteSpaceSurvivesTheRoundTrip() throws {
        let line = String(decoding: [0x64, 0x75, 0x09, 0xCD, 0x9B, 0x8A, 0x75, 0xC1, 0x9A] as [UInt8], as: UTF8.self)
        let query = try syntax.parse(line)
        XCTAssertEqual(query.search, "du \u{035B}\u{FFFD}u\u{FFFD}\u{FFFD}")
        XCTAssertEqual(try syntax.parse(syntax.text(of: query)), query)
    }
}
