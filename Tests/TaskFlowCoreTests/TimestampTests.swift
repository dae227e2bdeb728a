import Foundation
import XCTest
@testable import TaskFlowCore

final class TimestampTests: XCTestCase {
    func testFormatsUTCWithMilliseconds() {
        XCTAssertEqual(Timestamp.format(Date(millis: 1_796_117_400_123)), "2026-12-01T09:30:00.123Z")
        XCTAssertEqual(Timestamp.format(Date(millis: 0)), "1970-01-01T00:00:00.000Z")
        XCTAssertEqual(Timestamp.format(Date(millis: -1)), "1969-12-31T23:59:59.999Z")
    }

    func testParsesOffsetsAndFractions() {
        XCTAssertEqual(Timestamp.parse("2026-12-01T09:30:00.123Z")?.millis, 1_796_117_400_123)
        XCTAssertEqual(Timestamp.parse("2026-12-01T10:30:00+01:00")?.millis, 1_796_117_400_000)
        XCTAssertEqual(Timestamp.parse("2026-12-01T09:30:00.5Z")?.millis, 1_796_117_400_500)
        XCTAssertEqual(Timestamp.parse("2024-02-29T00:00:00Z").map(Timestamp.day), "2024-02-29")
    }

    func testRejectsImpossibleOrMalformedTimestamps() {
        for bad in ["2026-02-30T00:00:00Z", "2026-13-01T00:00:00Z", "2026-12-01T24:00:00Z", "2026-12-01", "2026-12-01T09:30:00",
                    "2026-12-01T09:30:00.Z", "tomorrow", "", "2026-12-01T09:30:00Zjunk", "２０２６-12-01T09:30:00Z"] {
            XCTAssertNil(Timestamp.parse(bad), bad)
        }
    }

    func testBareDueDateMeansEndOfThatUTCDay() {
        XCTAssertEqual(DueDate.parse("2026-12-24").map(Timestamp.format), "2026-12-24T23:59:59.999Z")
        XCTAssertEqual(DueDate.parse("2026-12-24T08:00:00Z").map(Timestamp.format), "2026-12-24T08:00:00.000Z")
        XCTAssertNil(DueDate.parse("24/12/2026"))
    }

    func testRoundTripsEveryDayOfSeveralYears() {
        var ms = Timestamp.parseDay("1999-12-25")!.millis
        for _ in 0..<(366 * 6) {
            let date = Date(millis: ms + 12_345)
            XCTAssertEqual(Timestamp.parse(Timestamp.format(date))?.millis, ms + 12_345)
            ms += 86_400_000
        }
    }
}
