extension Theme {
    private static func color(
        _ fg256: UInt8?, _ bg256: UInt8?, _ fg8: TerminalColor, _ bg8: TerminalColor, _ attributes: Attributes = []
    ) -> ThemeEntry {
        ThemeEntry(
            foreground256: fg256.map { TerminalColor(index: $0) } ?? .default,
            background256: bg256.map { TerminalColor(index: $0) } ?? .default,
            foreground8: fg8, background8: bg8, attributes: attributes
        )
    }

    /// Colours on the terminal's own background, so it suits light and dark terminals.
    public static let `default` = Theme(name: "default", entries: [
        .normal: .plain,
        .header: color(255, 24, .white, .blue, .bold),
        .statusBar: color(252, 236, .black, .white),
        .hintKey: color(117, 236, .blue, .white, .bold),
        .listSelected: color(255, 25, .black, .cyan, .bold),
        .listSelectedUnfocused: color(nil, 239, .black, .white),
        .priorityHigh: color(203, nil, .red, .default, .bold),
        .priorityMedium: color(179, nil, .yellow, .default),
        .priorityLow: color(110, nil, .blue, .default),
        .statusTodo: color(nil, nil, .default, .default),
        .statusInProgress: color(75, nil, .cyan, .default),
        .statusDone: color(71, nil, .green, .default),
        .overdue: color(196, nil, .red, .default, .bold),
        .dueSoon: color(214, nil, .yellow, .default),
        .border: color(240, nil, .default, .default),
        .borderFocused: color(75, nil, .cyan, .default, .bold),
        .title: color(nil, nil, .default, .default, .bold),
        .dim: color(245, nil, .default, .default, .dim),
        .error: color(196, nil, .red, .default, .bold),
        .warning: color(214, nil, .yellow, .default),
        .success: color(71, nil, .green, .default),
        .barFill: color(75, nil, .cyan, .default),
        .chart: color(71, nil, .green, .default),
        .help: .plain,
        .popup: color(nil, 235, .default, .black),
        .input: color(252, 237, .white, .black),
        .inputFocused: color(255, 238, .white, .blue),
        .cursor: color(16, 252, .black, .white),
        .conflict: color(16, 214, .black, .yellow, .bold),
    ])

    /// Attributes only: for `NO_COLOR`, `--theme mono` and terminals without colour.
    public static let mono = Theme(name: "mono", entries: [
        .normal: .plain,
        .header: .attributes([.bold, .reverse]),
        .statusBar: .attributes(.reverse),
        .hintKey: .attributes([.reverse, .bold]),
        .listSelected: .attributes([.reverse, .bold]),
        .listSelectedUnfocused: .attributes(.underline),
        .priorityHigh: .attributes(.bold),
        .priorityMedium: .plain,
        .priorityLow: .attributes(.dim),
        .statusTodo: .plain,
        .statusInProgress: .attributes(.bold),
        .statusDone: .attributes(.dim),
        .overdue: .attributes([.bold, .underline]),
        .dueSoon: .attributes(.underline),
        .border: .plain,
        .borderFocused: .attributes(.bold),
        .title: .attributes(.bold),
        .dim: .attributes(.dim),
        .error: .attributes([.bold, .reverse]),
        .warning: .attributes(.bold),
        .success: .plain,
        .barFill: .plain,
        .chart: .plain,
        .help: .plain,
        .popup: .plain,
        .input: .attributes(.underline),
        .inputFocused: .attributes(.underline),
        .cursor: .attributes(.reverse),
        .conflict: .attributes([.reverse, .bold]),
    ])

    /// The built-in theme called `name`.
    public static func builtIn(named name: String) -> Theme? {
        switch name {
        case "default": .default
        case "mono": .mono
        default: nil
        }
    }
}
