/// The three panes of the main screen, in Tab order.
public enum Pane: Int, CaseIterable, Sendable {
    case list, detail, stats

    public var title: String {
        switch self {
        case .list: "Tasks"
        case .detail: "Detail"
        case .stats: "Stats"
        }
    }

    /// The next pane for Tab (or the previous one for Shift-Tab).
    func cycled(by step: Int) -> Pane {
        let count = Pane.allCases.count
        return Pane(rawValue: ((rawValue + step) % count + count) % count)!
    }
}
