/// What a piece of the screen *is*, never what colour it has: widgets ask for roles and a
/// `Theme` decides how each role looks. Roles are open (a theme file may name any of the
/// built-in ones by `name`), so they are a struct rather than an enum.
public struct Role: Hashable, Sendable, CustomStringConvertible {
    public let name: String

    public init(_ name: String) { self.name = name }

    public var description: String { name }

    public static let normal = Role("normal")
    public static let header = Role("header")
    public static let statusBar = Role("statusBar")
    public static let footer = statusBar
    public static let hintKey = Role("hintKey")
    public static let listSelected = Role("listSelected")
    public static let listSelectedUnfocused = Role("listSelectedUnfocused")
    public static let priorityHigh = Role("priorityHigh")
    public static let priorityMedium = Role("priorityMedium")
    public static let priorityLow = Role("priorityLow")
    public static let statusTodo = Role("statusTodo")
    public static let statusInProgress = Role("statusInProgress")
    public static let statusDone = Role("statusDone")
    public static let overdue = Role("overdue")
    public static let dueSoon = Role("dueSoon")
    public static let border = Role("border")
    public static let borderFocused = Role("borderFocused")
    public static let title = Role("title")
    public static let dim = Role("dim")
    public static let error = Role("error")
    public static let warning = Role("warning")
    public static let success = Role("success")
    public static let barFill = Role("barFill")
    public static let chart = Role("chart")
    public static let help = Role("help")
    public static let popup = Role("popup")
    public static let input = Role("input")
    public static let inputFocused = Role("inputFocused")
    public static let cursor = Role("cursor")
    /// The mark of a task kept as a conflict (its own text and background: a badge).
    public static let conflict = Role("conflict")

    /// Every role the built-in themes define, in a stable order (for theme files and docs).
    public static let builtIn: [Role] = [
        .normal, .header, .statusBar, .hintKey, .listSelected, .listSelectedUnfocused,
        .priorityHigh, .priorityMedium, .priorityLow, .statusTodo, .statusInProgress, .statusDone,
        .overdue, .dueSoon, .border, .borderFocused, .title, .dim, .error, .warning, .success,
        .barFill, .chart, .help, .popup, .input, .inputFocused, .cursor, .conflict,
    ]

    /// The built-in role called `name` (as written in a theme file), if there is one.
    public init?(named name: String) {
        guard let role = Role.builtIn.first(where: { $0.name == name }) ?? (name == "footer" ? .statusBar : nil) else {
            return nil
        }
        self = role
    }
}
