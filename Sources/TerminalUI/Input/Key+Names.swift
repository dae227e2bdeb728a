extension Key: CustomStringConvertible {
    /// The name used in config files; `Key(parsing:)` reads it back.
    public var configName: String {
        switch self {
        case .char(" "): "space"
        case .char(let character): String(character)
        case .ctrl(" "): "ctrl-space"
        case .ctrl(let character): "ctrl-\(character)"
        case .alt(let character): "alt-\(character)"
        case .enter: "enter"
        case .escape: "esc"
        case .tab: "tab"
        case .backTab: "S-tab"
        case .backspace: "backspace"
        case .delete: "delete"
        case .insert: "insert"
        case .up: "up"
        case .down: "down"
        case .left: "left"
        case .right: "right"
        case .home: "home"
        case .end: "end"
        case .pageUp: "pgup"
        case .pageDown: "pgdn"
        case .function(let number): "f\(number)"
        case .resize: "resize"
        case .mouse: "mouse"
        case .paste: "paste"
        }
    }

    /// A short label for the hint bar and the help overlay (`^D`, `PgDn`, `↑`).
    public var displayName: String {
        switch self {
        case .char(" "): "Space"
        case .char(let character): String(character)
        case .ctrl(" "): "^Space"
        case .ctrl(let character): "^" + character.uppercased()
        case .alt(let character): "M-\(character)"
        case .enter: "Enter"
        case .escape: "Esc"
        case .tab: "Tab"
        case .backTab: "S-Tab"
        case .backspace: "Bksp"
        case .delete: "Del"
        case .insert: "Ins"
        case .up: "↑"
        case .down: "↓"
        case .left: "←"
        case .right: "→"
        case .home: "Home"
        case .end: "End"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .function(let number): "F\(number)"
        case .resize: "Resize"
        case .mouse(let event): "Mouse \(event.action)"
        case .paste: "Paste"
        }
    }

    public var description: String { configName }
}
