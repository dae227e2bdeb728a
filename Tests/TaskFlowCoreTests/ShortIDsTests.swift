import Foundation
import TaskFlowCore
import XCTest

/// Short ids (the shortest unique tail, at least 4) and reading what the user typed.
final class ShortIDsTests: XCTestCase {
    private static let crockford = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")

    /// A ULID made from `generator`: `time` milliseconds, then 16 random digits drawn from
    /// the first `alphabet` Crockford digits (few digits: long shared tails).
    private static func ulid(time: UInt64, alphabet: Int = 32, _ generator: inout SeededGenerator) -> String {
        var digits: [Character] = []
        var t = time
        for _ in 0..<10 {
            digits.insert(crockford[Int(t & 31)], at: 0)
            t >>= 5
        }
        for _ in 0..<16 { digits.append(crockford[generator.below(alphabet)]) }
        return String(digits)
    }

    /// Every id's short id is a tail of it, at least 4 long, that no other id ends with,
    /// and one character fewer (if still 4 or more) is a tail some other id shares.
    private func assertUniqueAndMinimal(_ ids: [String], file: StaticString = #filePath, line: UInt = #line) {
        let shortIDs = ShortIDs(ids)
        var tails: [String: Int] = [:]
        for id in Set(ids) {
            for length in 1...id.count { tails[String(id.suffix(length)), default: 0] += 1 }
        }
        for id in Set(ids) {
            let short = shortIDs.short(id)
            XCTAssertTrue(id.hasSuffix(short), "\(short) is no tail of \(id)", file: file, line: line)
            XCTAssertGreaterThanOrEqual(short.count, min(ShortIDs.minimumLength, id.count), file: file, line: line)
            XCTAssertEqual(tails[short], 1, "\(short) is the tail of several ids", file: file, line: line)
            if short.count > ShortIDs.minimumLength {
                XCTAssertGreaterThan(tails[String(short.dropFirst())] ?? 0, 1, "\(short) of \(id) is longer than needed", file: file, line: line)
            }
            XCTAssertEqual(shortIDs.resolve(short), .found(id), file: file, line: line)
        }
    }

    func testEveryShortIDIsAUniqueMinimalTailOfAtLeastFour() {
        for seed: UInt64 in [1, 2, 3, 42] {
            var generator = SeededGenerator(seed: seed)
            // Made within the same few milliseconds, as a batch of tasks is.
            let realistic = (0..<3000).map { _ in Self.ulid(time: 1_764_000_000_000 + UInt64(generator.below(3)), &generator) }
            assertUniqueAndMinimal(realistic)
            // Four digits only: tails of 6 to 8 characters are shared, so lengths vary.
            let crowded = (0..<2000).map { _ in Self.ulid(time: 1_764_000_000_000, alphabet: 4, &generator) }
            assertUniqueAndMinimal(crowded)
        }
    }

    func testTheSameIDTwiceIsOneID() {
        let id = "01KBD3WJ8K0000000000007QTD"
        let shortIDs = ShortIDs([id, id, "01KBD3WJ8K00000000000099ZZ"])
        XCTAssertEqual(shortIDs.count, 2)
        XCTAssertEqual(shortIDs.short(id), "7QTD")
    }

    func testAnIDOutsideTheSetGetsTheTailThatTellsItApart() {
        let shortIDs = ShortIDs(["01KBD3WJ8K00000000000A7QTD"])
        XCTAssertEqual(shortIDs.short("01KBD3WJ8K00000000000B7QTD"), "B7QTD")
        XCTAssertEqual(shortIDs.short("01KBD3WJ8K0000000000009999"), "9999")
    }

    func testInputIsATailThenAHead() {
        let a = "01KBD3WJ8K00000000000A7QTD", b = "01KBD3WJ8K00000000000B7QTD", c = "01KBD3WZZZ0000000000000XYZ"
        let shortIDs = ShortIDs([a, b, c])
        XCTAssertEqual(shortIDs.resolve("a7qtd"), .found(a), "case does not matter")
        XCTAssertEqual(shortIDs.resolve(" B7QTD "), .found(b))
        XCTAssertEqual(shortIDs.resolve("7QTD"), .ambiguous([a, b]))
        XCTAssertEqual(shortIDs.resolve("0XYZ"), .found(c))
        // No id ends with these: the ids that start with them.
        XCTAssertEqual(shortIDs.resolve("01kbd3wz"), .found(c), "a copied head of an id")
        XCTAssertEqual(shortIDs.resolve("01KBD3WJ8K"), .ambiguous([a, b]))
        XCTAssertEqual(shortIDs.resolve("01KB"), .ambiguous([a, b, c]))
        XCTAssertEqual(shortIDs.resolve("QQQQ"), .notFound)
        XCTAssertEqual(shortIDs.resolve("QTD"), .tooShort)
        XCTAssertEqual(shortIDs.resolve(""), .tooShort)
        // A whole id is taken as it is, known or not (the server says whether it exists).
        XCTAssertEqual(shortIDs.resolve(a.lowercased()), .found(a))
        XCTAssertEqual(shortIDs.resolve("01KBD3WJ8K0000000000000000"), .found("01KBD3WJ8K0000000000000000"))
    }

    func testAWholeIDThatIsNoULIDIsFoundEvenWhenShort() {
        let shortIDs = ShortIDs(["t1", "t00001", "xt00001"])
        XCTAssertEqual(shortIDs.resolve("t1"), .found("t1"))
        XCTAssertEqual(shortIDs.resolve("T00001"), .found("t00001"))
        XCTAssertEqual(shortIDs.short("t00001"), "t00001", "another id ends with 00001")
        XCTAssertEqual(shortIDs.short("t1"), "t1")
    }

    /// 100,000 ids: made once per change of the id set, then a binary search per row.
    func testAHundredThousandIDs() {
        var generator = SeededGenerator(seed: 7)
        let ids = (0..<100_000).map { i in Self.ulid(time: 1_764_000_000_000 + UInt64(i / 50), &generator) }
        let start = ContinuousClock.now
        let shortIDs = ShortIDs(ids)
        let built = ContinuousClock.now - start
        let lookups = ContinuousClock.now
        let lengths = ids.prefix(1000).map { shortIDs.short($0).count }
        let looked = ContinuousClock.now - lookups
        print("ShortIDs: 100,000 ids sorted in \(built); 1,000 short ids in \(looked); longest \(lengths.max() ?? 0)")
        XCTAssertEqual(shortIDs.count, 100_000)
        XCTAssertLessThanOrEqual(lengths.max() ?? 0, 8, "random tails: a few characters even at this size")
        XCTAssertLessThan(built, .seconds(10))
    }
}
