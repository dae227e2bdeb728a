import Foundation
import XCTest
import TaskFlowCore

/// Due-date words.
final class DateWordsTests: XCTestCase {
    // Wednesday 2026-12-02 15:30 UTC.
    let now = Timestamp.parse("2026-12-02T15:30:00.000Z")!

    func day(_ text: String) -> String? { DateWords.parseDue(text, now: now).map(Timestamp.format) }

    /// Words, offsets, weekdays and dates mean the end of that UTC day.
    func testWordsOffsetsWeekdaysAndDatesMeanTheEndOfThatUTCDay() {
        XCTAssertEqual(day("today"), "2026-12-02T23:59:59.999Z")
        XCTAssertEqual(day("Tomorrow"), "2026-12-03T23:59:59.999Z")
        XCTAssertEqual(day("+3d"), "2026-12-05T23:59:59.999Z")
        XCTAssertEqual(day("+2w"), "2026-12-16T23:59:59.999Z")
        XCTAssertEqual(day("fri"), "2026-12-04T23:59:59.999Z")
        XCTAssertEqual(day("wednesday"), "2026-12-09T23:59:59.999Z")  // the next one, not today
        XCTAssertEqual(day("mon"), "2026-12-07T23:59:59.999Z")
        XCTAssertEqual(day("2026-12-24"), "2026-12-24T23:59:59.999Z")
        XCTAssertEqual(day("2026-12-24T10:00:00Z"), "2026-12-24T10:00:00.000Z")
        XCTAssertNil(day("someday"))
        XCTAssertNil(day("+3x"))
        XCTAssertNil(day("2026-02-30"))
        XCTAssertNil(day("fr"))
    }

    func testRelativeTextCountsWholeUTCDays() {
        func rel(_ text: String) -> String { DateWords.relative(DueDate.parse(text)!, now: now) }
        XCTAssertEqual(rel("2026-12-02"), "today")
        XCTAssertEqual(rel("2026-12-03"), "tomorrow")
        XCTAssertEqual(rel("2026-12-05"), "in 3d")
        XCTAssertEqual(rel("2026-11-30"), "2d overdue")
        XCTAssertEqual(rel("2026-12-01"), "1d overdue")
    }
}
