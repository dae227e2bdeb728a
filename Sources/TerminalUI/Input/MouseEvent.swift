/// A mouse event at a cell (mouse support is opt-in; see `TerminalBackend.setMouseReporting`).
public struct MouseEvent: Hashable, Sendable {
    public struct Action: Hashable, Sendable, CustomStringConvertible {
        private enum Kind: Hashable, Sendable { case press, release, scrollUp, scrollDown }
        private let kind: Kind
        public static let press = Action(kind: .press)
        public static let release = Action(kind: .release)
        public static let scrollUp = Action(kind: .scrollUp)
        public static let scrollDown = Action(kind: .scrollDown)

        public var description: String {
            switch kind {
            case .press: "press"
            case .release: "release"
            case .scrollUp: "scroll-up"
            case .scrollDown: "scroll-down"
            }
        }
    }

    public var action: Action
    /// 1 left, 2 middle, 3 right; 0 for scrolling.
    public var button: Int
    public var position: Point

    public init(action: Action, button: Int, position: Point) {
        self.action = action
        self.button = button
        self.position = position
    }
}
