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
}
