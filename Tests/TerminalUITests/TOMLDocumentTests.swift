import TerminalUI
import XCTest

final class TOMLDocumentTests: XCTestCase {
    private func error(_ text: String) -> TOMLError? {
        do {
            _ = try TOMLDocument(parsing: text)
            return nil
        } catch {
            return error
        }
    }

    func testTablesValuesAndComments() throws {
        let document = try TOMLDocument(parsing: """
        # a comment
        server = "http://localhost:8080"   # trailing comment
        mouse = true
        refresh = 'poll'

        [keys]
        done = "x"
        cycle-status = ["s", "S"]
        "quoted key" = -3
        big = 1_000
        [a.b]
        path = "C:\\\\dir \\"x\\" \\u00e9"
        """)
        XCTAssertEqual(document.tables.map(\.name), ["", "keys", "a.b"])
        let top = try XCTUnwrap(document.table(""))
        XCTAssertEqual(top["server"]?.value, .string("http://localhost:8080"))
        XCTAssertEqual(top["mouse"]?.value, .boolean(true))
        XCTAssertEqual(top["refresh"]?.value, .string("poll"))
        let keys = try XCTUnwrap(document.table("keys"))
        XCTAssertEqual(keys.line, 6)
        XCTAssertEqual(keys["done"]?.line, 7)
        XCTAssertEqual(keys["cycle-status"]?.value, .array([.string("s"), .string("S")]))
        XCTAssertEqual(keys["quoted key"]?.value, .integer(-3))
        XCTAssertEqual(keys["big"]?.value, .integer(1000))
        XCTAssertEqual(document.table("a.b")?["path"]?.value, .string("C:\\dir \"x\" é"))
    }

    func testEmptyArrayAndCRLF() throws {
        let document = try TOMLDocument(parsing: "a = []\r\nb = [ 1 , 2 ]\r\n")
        XCTAssertEqual(document.tables[0]["a"]?.value, .array([]))
        XCTAssertEqual(document.tables[0]["b"]?.value, .array([.integer(1), .integer(2)]))
    }

    func testErrorsNameTheLineAndProblem() {
        XCTAssertEqual(error("a = 1\nb = red\n"), TOMLError(line: 2, message: "\"red\" is not a string, integer, boolean or array (strings need quotes)"))
        XCTAssertEqual(error("\n\na \"x\""), TOMLError(line: 3, message: "expected '=' after key \"a\""))
        XCTAssertEqual(error("a = \"open"), TOMLError(line: 1, message: "string is not closed (strings must fit on one line)"))
        XCTAssertEqual(error("a = 1\na = 2"), TOMLError(line: 2, message: "key \"a\" is set twice"))
        XCTAssertEqual(error("[t]\n[t]"), TOMLError(line: 2, message: "table [t] is defined twice"))
        XCTAssertEqual(error("[t"), TOMLError(line: 1, message: "expected ']' to close the table name"))
        XCTAssertEqual(error("[[t]]"), TOMLError(line: 1, message: "arrays of tables ([[...]]) are not supported"))
        XCTAssertEqual(error("a = [1, 2"), TOMLError(line: 1, message: "expected ',' or ']' in the array"))
        XCTAssertEqual(error("a = [1,"), TOMLError(line: 1, message: "expected ']' to close the array (arrays must fit on one line)"))
        XCTAssertEqual(error("a = 1 2"), TOMLError(line: 1, message: "unexpected text after the value: \"2\""))
        XCTAssertEqual(error("a ="), TOMLError(line: 1, message: "expected a value after '='"))
        XCTAssertEqual(error("= 1"), TOMLError(line: 1, message: "expected a key, found '='"))
        XCTAssertEqual(error("a = \"\\q\""), TOMLError(line: 1, message: "unknown escape \\q in a string"))
        XCTAssertEqual(error("a = 1")?.description, nil)
        XCTAssertEqual(TOMLError(line: 4, message: "x").description, "line 4: x")
    }

    func testTheLenientParseKeepsEveryGoodLineAndReportsEveryBadOne() {
        var problems: [TOMLError] = []
        let document = TOMLDocument(parsing: "a = 1\nb = red\nc = 3\n[t\nd = 4\n[u]\ne = 5\ne = 6\n", problems: &problems)
        XCTAssertEqual(problems, [
            TOMLError(line: 2, message: "\"red\" is not a string, integer, boolean or array (strings need quotes); the line is ignored"),
            TOMLError(line: 4, message: "expected ']' to close the table name; the lines up to the next table are ignored"),
            TOMLError(line: 8, message: "key \"e\" is set twice; the line is ignored"),
        ])
        XCTAssertEqual(document.tables.map(\.name), ["", "u"])
        XCTAssertEqual(document.tables[0].entries.map(\.key), ["a", "c"])
        XCTAssertEqual(document.tables[1]["e"]?.value, .integer(5))
    }
}
