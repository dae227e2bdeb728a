import Foundation
import TaskFlowCore
import XCTest
@testable import TaskFlowTUI
@testable import TaskFlowSettings

/// `[views.NAME]` tables: read with their keys, bad ones reported one line each while the
/// rest of the file (and every other view) still applies.
final class SavedViewsConfigTests: XCTestCase {
    private let path = "/home/u/.config/taskflow/config.toml"

    private func summary(_ views: SavedViews) -> [String] {
        views.all.map { "\($0.key.map(String.init) ?? "-") \($0.name) [\($0.filter)] \($0.sort?.description ?? "keep")" }
    }

    func testViewsTakeTheirKeysAndTheRestTakeFreeDigitsInFileOrder() {
        let config = UserConfig(parsing: """
        theme = "light"
        [views.later]
        filter = "status:todo due:>7d"
        [views.urgent]
        filter = "priority:high due:<7d"
        sort = "-dueDate"
        key = 2
        [views.reading]
        filter = "st:todo book"
        sort = "title"
        [keys]
        done = "D"
        """, path: path)
        XCTAssertEqual(config.warnings, [])
        XCTAssertEqual(config.theme, "light")
        XCTAssertEqual(config.keys.map(\.command), ["mark-done"])
        XCTAssertEqual(summary(config.views), [
            "1 todo [status:todo] keep",
            "2 urgent [priority:high due:<7d] -dueDate",
            "3 done [status:done] keep",
            "4 later [status:todo due:>7d] keep",
            "5 reading [st:todo book] title",
        ], "urgent replaces doing on 2; the others take 4 and 5 in file order")
    }

    func testAViewNamedLikeABuiltInOneReplacesItOnItsKey() {
        let config = UserConfig(parsing: "[views.done]\nfilter = \"status:done\"\nsort = \"-updatedAt\"\n", path: path)
        XCTAssertEqual(config.warnings, [])
        XCTAssertEqual(summary(config.views), ["1 todo [status:todo] keep", "2 doing [status:in-progress] keep", "3 done [status:done] -updatedAt"])
    }

    func testBadEntriesAreReportedAndTheRestLoads() {
        let config = UserConfig(parsing: """
        mouse = true
        [views.typo]
        filter = "priorty:high"
        [views.badvalue]
        filter = "status:someday"
        [views.badsort]
        filter = "priority:high"
        sort = "due"
        [views.badkey]
        filter = "status:done,todo"
        key = 12
        colour = "red"
        [views]
        filter = "x"
        """, path: path)
        XCTAssertEqual(config.warnings, [
            "\(path):3: views.typo: filter: unknown filter key in “priorty:high” (keys: status, priority, due); the view is left out",
            "\(path):5: views.badvalue: filter: bad status 'someday': use todo, in-progress, done; the view is left out",
            "\(path):8: views.badsort: sort = \"due\" is not one of createdAt, updatedAt, dueDate, priority, title, status (- before it: descending); the view keeps the sort in force",
            "\(path):11: views.badkey: key must be a number from 1 to 9, found 12; the view takes a free key",
            "\(path):12: views.badkey: unknown key \"colour\" (known: filter, sort, key)",
            "\(path):13: [views] is not a view: name it [views.NAME]",
        ])
        XCTAssertTrue(config.mouse, "the good settings are kept")
        XCTAssertEqual(summary(config.views), [
            "1 todo [status:todo] keep", "2 doing [status:in-progress] keep", "3 done [status:done] keep",
            "4 badsort [priority:high] keep", "5 badkey [status:done,todo] keep",
        ])
    }

    /// Two views that both ask for key 5, the second on line 4.
    private let keyFiveTwice = """
        [views.first]
        filter = "priority:high"
        key = 5
        [views.second]
        filter = "priority:low"
        key = 5
        """

    func testAKeyGivenTwiceIsReportedAtTheSecondWhichTakesAFreeKey() {
        let config = UserConfig(parsing: keyFiveTwice, path: path)
        XCTAssertEqual(config.warnings, ["\(path):4: views.second: key 5 is already view “first”'s (line 1); this view takes a free key"])
        XCTAssertEqual(summary(config.views).suffix(2), ["4 second [priority:low] keep", "5 first [priority:high] keep"])
    }

    func testWarningsComeInTheFilesLineOrderWhicheverCheckFoundThem() {
        let config = UserConfig(parsing: keyFiveTwice + "\nthis is not toml", path: path)
        // The parser finds line 7 before the views are placed and line 4 found wrong.
        XCTAssertEqual(config.warnings, [
            "\(path):4: views.second: key 5 is already view “first”'s (line 1); this view takes a free key",
            "\(path):7: expected '=' after key \"this\"; the line is ignored",
        ])
    }

    func testMoreThanNineViewsLeaveTheRestForTheCommandLine() {
        let text = (1...8).map { "[views.v\($0)]\nfilter = \"priority:high\"" }.joined(separator: "\n")
        let config = UserConfig(parsing: text, path: path)
        XCTAssertEqual(config.warnings, [
            "\(path):13: views.v7: every key 1–9 is taken; use it with taskflow ls --view v7",
            "\(path):15: views.v8: every key 1–9 is taken; use it with taskflow ls --view v8",
        ])
        XCTAssertEqual(config.views.all.count, 11)
        XCTAssertNil(config.views.view(named: "v8")?.key)
        XCTAssertEqual(config.views.view(onKey: 9)?.name, "v6")
    }

    func testAViewsQueryIsItsFilterAndSort() throws {
        let config = UserConfig(parsing: "[views.urgent]\nfilter = \"priority:high due:<7d\"\nsort = \"dueDate\"\n", path: path)
        let query = try XCTUnwrap(config.views.view(named: "urgent")).query(now: Fixtures.now)
        XCTAssertEqual(query.priorities, [.high])
        XCTAssertEqual(query.sort, TaskSort(.dueDate, descending: false))
        XCTAssertEqual(query.dueBefore, try FilterSyntax(now: Fixtures.now).parse("due:<7d").dueBefore)
        XCTAssertNotNil(query.dueBefore)
    }
}
