import Foundation
import Testing
import TaskFlowCore

@Suite("Due-date words")
struct DateWordsTests {
    // Wednesday 2026-12-02 15:30 UTC.
    let now = Timestamp.parse("2026-12-02T15:30:00.000Z")!

    func day(_ text: String) -> String? { DateWords.parseDue(text, now: now).map(Timestamp.format) }

    @Test("words, offsets, weekdays and dates mean the end of that UTC day")
    func parsing() {
        #expect(day("today") == "2026-12-02T23:59:59.999Z")
        #expect(day("Tomorrow") == "2026-12-03T23:59:59.999Z")
        #expect(day("+3d") == "2026-12-05T23:59:59.999Z")
        #expect(day("+2w") == "2026-12-16T23:59:59.999Z")
        #expect(day("fri") == "2026-12-04T23:59:59.999Z")
        #expect(day("wednesday") == "2026-12-09T23:59:59.999Z")  // the next one, not today
        #expect(day("mon") == "2026-12-07T23:59:59.999Z")
        #expect(day("2026-12-24") == "2026-12-24T23:59:59.999Z")
        #expect(day("2026-12-24T10:00:00Z") == "2026-12-24T10:00:00.000Z")
        #expect(day("someday") == nil)
        #expect(day("+3x") == nil)
        #expect(day("2026-02-30") == nil)
        #expect(day("fr") == nil)
    }

    @Test("relative text counts whole UTC days")
    func relative() {
        func rel(_ text: String) -> String { DateWords.relative(DueDate.parse(text)!, now: now) }
        #expect(rel("2026-12-02") == "today")
        #expect(rel("2026-12-03") == "tomorrow")
        #expect(rel("2026-12-05") == "in 3d")
        #expect(rel("2026-11-30") == "2d overdue")
        #expect(rel("2026-12-01") == "1d overdue")
    }
}
