import TerminalUI

/// Where the header, panes and footer go for a terminal size. Wide terminals show the
/// list beside the detail and stats; narrow ones show the focused pane alone; below the
/// minimum there is only a "terminal too small" screen.
public struct Layout: Equatable, Sendable {
    public static let minimumSize = Size(width: 40, height: 10)
    /// From this width on, all three panes are shown at once.
    public static let threePaneWidth = 100

    public let size: Size
    public let isTooSmall: Bool
    public let showsAllPanes: Bool
    public let header: Rect
    public let footer: Rect
    /// The outer (bordered) rect of each visible pane.
    public let panes: [Pane: Rect]

    public init(size: Size, focus: Pane) {
        self.size = size
        isTooSmall = size.width < Layout.minimumSize.width || size.height < Layout.minimumSize.height
        showsAllPanes = !isTooSmall && size.width >= Layout.threePaneWidth
        let screen = Rect(x: 0, y: 0, width: size.width, height: size.height)
        let rows = screen.split(.vertical, [.fixed(1), .fill(), .fixed(1)])
        header = rows[0]
        footer = rows[2]
        guard !isTooSmall else {
            panes = [:]
            return
        }
        if showsAllPanes {
            let columns = rows[1].split(.horizontal, [.percent(55), .fill()])
            // Tall enough for the bars, the due counts and a chart of at least three rows,
            // while the detail pane keeps a few rows of its own.
            let statsHeight = min(16, max(14, columns[1].height * 2 / 5), columns[1].height - 6)
            let right = columns[1].split(.vertical, [.fill(), .fixed(statsHeight)])
            panes = [.list: columns[0], .detail: right[0], .stats: right[1]]
        } else {
            panes = [focus: rows[1]]
        }
    }

    /// Rows of tasks the list pane shows (inside its border).
    public var listRows: Int { max(1, (panes[.list]?.height ?? 0) - 2) }
}
