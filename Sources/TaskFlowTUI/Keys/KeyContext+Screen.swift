import TerminalUI

/// Where a key is pressed on the screen: a pane, an overlay, a form, a question.
extension KeyContext {
    public static let list = KeyContext("list")
    public static let detail = KeyContext("detail")
    public static let stats = KeyContext("stats")
    public static let help = KeyContext("help")
    public static let login = KeyContext("login")
    /// The open search or filter line: only its own keys count, the rest is typed.
    public static let line = KeyContext("line")
    public static let sort = KeyContext("sort")
    /// The conflict view: only its own keys count.
    public static let conflict = KeyContext("conflict")
    /// The add/edit form: only its own keys count, the rest is typed into the field.
    public static let form = KeyContext("form")
    /// A yes/no question (delete this task?).
    public static let confirm = KeyContext("confirm")
}
