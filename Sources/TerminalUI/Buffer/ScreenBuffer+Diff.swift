extension ScreenBuffer {
    /// The runs of cells that differ from `previous`. Pass nil, or a buffer of another
    /// size, to get every cell (a full redraw, as after a resize).
    public func diff(from previous: ScreenBuffer?) -> [CellRun] {
        guard let previous, previous.width == width, previous.height == height else {
            return (0..<height).compactMap { y in
                width == 0 ? nil : CellRun(x: 0, y: y, cells: Array(cells[(y * width)..<((y + 1) * width)]))
            }
        }
        var runs: [CellRun] = []
        var changed = Array(repeating: false, count: width)
        for y in 0..<height {
            let row = y * width
            var any = false
            for x in 0..<width {
                changed[x] = cells[row + x] != previous.cells[row + x]
                any = any || changed[x]
            }
            guard any else { continue }
            widenToWholeGlyphs(&changed, row: row)
            var x = 0
            while x < width {
                guard changed[x] else { x += 1; continue }
                let start = x
                while x < width, changed[x] { x += 1 }
                runs.append(CellRun(x: start, y: y, cells: Array(cells[(row + start)..<(row + x)])))
            }
        }
        return runs
    }

    /// A changed continuation pulls in its lead cell and a changed lead its continuations.
    private func widenToWholeGlyphs(_ changed: inout [Bool], row: Int) {
        for x in 0..<width where changed[x] {
            var lead = x
            while lead > 0, cells[row + lead].isContinuation {
                lead -= 1
                changed[lead] = true
            }
            var next = x + 1
            while next < width, cells[row + next].isContinuation {
                changed[next] = true
                next += 1
            }
        }
    }
}

extension ScreenBuffer {
    /// Writes a run's cells as they are (what a terminal does with a backend's output).
    mutating func apply(_ run: CellRun) {
        guard run.y >= 0, run.y < height else { return }
        for (offset, cell) in run.cells.enumerated() {
            let x = run.x + offset
            guard x >= 0, x < width else { continue }
            cells[run.y * width + x] = cell
        }
    }
}
