import TerminalUI
import XCTest

final class DiffAndBackendTests: XCTestCase {
    func testIdenticalBuffersHaveNoDiff() {
        var buffer = ScreenBuffer(width: 10, height: 2)
        buffer.put("same", at: .zero)
        XCTAssertEqual(buffer.diff(from: buffer), [])
    }

    func testOnlyChangedCellsAreInTheDiff() {
        var old = ScreenBuffer(width: 10, height: 2)
        old.put("abcdefgh", at: .zero)
        var new = old
        new.put("X", at: Point(x: 2, y: 0))
        new.put("YZ", at: Point(x: 5, y: 0))
        new.put("!", at: Point(x: 9, y: 1))
        let runs = new.diff(from: old)
        XCTAssertEqual(runs.map { "\($0.x),\($0.y):\($0.text)" }, ["2,0:X", "5,0:YZ", "9,1:!"])
    }

    func testStyleChangesCount() {
        var old = ScreenBuffer(width: 4, height: 1)
        old.put("ab", at: .zero)
        var new = old
        new.setStyle(Style(.listSelected), in: Rect(x: 1, y: 0, width: 1, height: 1))
        XCTAssertEqual(new.diff(from: old).map(\.x), [1])
    }

    func testRunsCarryWholeWideGlyphs() {
        var old = ScreenBuffer(width: 6, height: 1)
        old.put("日本", at: .zero)
        var new = old
        new.put("x", at: .zero)
        let runs = new.diff(from: old)
        XCTAssertEqual(runs.count, 1)
        XCTAssertEqual(runs[0].x, 0)
        XCTAssertEqual(runs[0].cells.map(\.text), ["x", " "])

        var wide = old
        wide.put("語", at: Point(x: 2, y: 0))
        let wideRuns = wide.diff(from: old)
        XCTAssertEqual(wideRuns.map(\.x), [2])
        XCTAssertEqual(wideRuns[0].cells.map(\.isContinuation), [false, true])
    }

    func testANewSizeRedrawsEverything() {
        let old = ScreenBuffer(width: 4, height: 2)
        let new = ScreenBuffer(width: 5, height: 2)
        XCTAssertEqual(new.diff(from: old).map { "\($0.x),\($0.y),\($0.cells.count)" }, ["0,0,5", "0,1,5"])
        XCTAssertEqual(new.diff(from: nil).count, 2)
    }

    func testRendererSendsOnlyChangesAndTheBackendShowsTheFrame() {
        let backend = MemoryBackend(width: 12, height: 3)
        var renderer = FrameRenderer()
        var frame = ScreenBuffer(width: 12, height: 3)
        frame.put("TaskFlow", at: .zero, style: Style(.header))
        frame.put("Buy milk", at: Point(x: 0, y: 1))
        renderer.present(frame, on: backend)
        XCTAssertEqual(backend.drawCalls[0].count, 3, "the first frame is drawn whole")

        frame.put("Buy eggs", at: Point(x: 0, y: 1))
        renderer.present(frame, cursor: Point(x: 3, y: 1), on: backend)
        XCTAssertEqual(backend.drawCalls[1], [CellRun(x: 4, y: 1, cells: ["e", "g", "g", "s"].map { Cell($0) })])
        XCTAssertEqual(backend.screen, frame)
        XCTAssertEqual(backend.screen.description, "TaskFlow\nBuy eggs")
        XCTAssertEqual(backend.cursor, Point(x: 3, y: 1))
        XCTAssertEqual(backend.flushCount, 2)

        renderer.present(frame, on: backend)
        XCTAssertEqual(backend.drawCalls[2], [], "an unchanged frame draws nothing")
    }

    func testResizeQueuesAKeyAndTheNextFrameIsDrawnWhole() {
        let backend = MemoryBackend(width: 10, height: 2)
        var renderer = FrameRenderer()
        renderer.present(ScreenBuffer(width: 10, height: 2), on: backend)
        backend.resize(to: Size(width: 8, height: 3))
        XCTAssertEqual(backend.readKey(timeout: nil), .resize)
        var frame = ScreenBuffer(size: backend.size)
        frame.put("small", at: .zero)
        let runs = renderer.present(frame, on: backend)
        XCTAssertEqual(runs.count, 3)
        XCTAssertEqual(backend.screen.description, "small")
    }

    func testScriptedKeysAndStyles() throws {
        let backend = MemoryBackend(width: 4, height: 1, keys: [.down], colorMode: .eight)
        backend.enqueue(typing: "hi")
        XCTAssertEqual(backend.readKey(timeout: .milliseconds(10)), .down)
        XCTAssertEqual(backend.readKey(timeout: .milliseconds(10)), .char("h"))
        XCTAssertEqual(backend.readKey(timeout: .milliseconds(10)), .char("i"))
        XCTAssertNil(backend.readKey(timeout: .milliseconds(10)))

        try backend.enter()
        XCTAssertTrue(backend.isActive)
        var frame = ScreenBuffer(width: 4, height: 1)
        frame.put("!", at: .zero, style: Style(.error))
        backend.draw(frame.diff(from: nil))
        XCTAssertEqual(backend.resolvedStyle(x: 0, y: 0), ResolvedStyle(foreground: .red, attributes: .bold))
        backend.suspend()
        XCTAssertEqual(backend.readKey(timeout: nil), .resize, "resuming asks for a full redraw")
        backend.leave()
        backend.leave()
        XCTAssertFalse(backend.isActive)
    }
}
