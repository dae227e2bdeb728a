import TerminalUI
import TaskFlowSettings

/// The saved views in the footer, `1 todo 2 doing 3 done 4 urgent`: each digit in the key
/// colour, the active view reversed so it is clear what the list is showing and why.
struct ViewStrip {
    var views: [SavedView]
    var active: String?

    init(views: SavedViews, active: String?) {
        self.views = views.all.filter { $0.key != nil }
        self.active = active
    }

    /// Only the active view, for a footer without room for all of them.
    var activeOnly: ViewStrip {
        var strip = self
        strip.views = views.filter { $0.name == active }
        return strip
    }

    var text: String { views.map(Self.label).joined(separator: " ") }

    var width: Int { DisplayWidth.of(text) }

    static func label(_ view: SavedView) -> String { "\(view.key ?? 0) \(view.name)" }

    /// Draws the strip from `origin` (where `text` already stands in the bar's plain
    /// style), at most `maxWidth` columns.
    func render(at origin: Point, maxWidth: Int, buffer: inout ScreenBuffer) {
        var x = origin.x
        let end = origin.x + maxWidth
        for view in views where x < end {
            let label = Self.label(view)
            if view.name == active {
                buffer.put(label, at: Point(x: x, y: origin.y), maxWidth: end - x, style: Style(.statusBar, attributes: [.reverse, .bold]))
            } else {
                buffer.put("\(view.key ?? 0)", at: Point(x: x, y: origin.y), maxWidth: end - x, style: Style(.hintKey).on(.statusBar))
            }
            x += DisplayWidth.of(label) + 1
        }
    }
}
