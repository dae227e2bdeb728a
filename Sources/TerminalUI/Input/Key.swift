/// A key press, as decoded by a backend. Letters under Ctrl are lowercase (`.ctrl("d")`);
/// Shift shows in the character itself (`.char("G")`), except Shift-Tab (`.backTab`).
public enum Key: Hashable, Sendable {
    case char(Character)
    case ctrl(Character)
    case alt(Character)
    case enter, escape, tab, backTab, backspace, delete, insert
    case up, down, left, right
    case home, end, pageUp, pageDown
    case function(Int)
    /// The terminal changed size or came back from suspension: lay out again and redraw
    /// everything (`FrameRenderer.invalidate()`).
    case resize
    case mouse(MouseEvent)
    /// Text pasted while bracketed paste mode was on, delivered whole so that pasted
    /// newlines are not taken as Enter.
    case paste(String)

    /// Ctrl with a character, normalised the way terminals deliver it: Ctrl-I is Tab,
    /// Ctrl-M Enter, Ctrl-H Backspace and Ctrl-[ Escape, because they are the same byte.
    public static func control(_ character: Character) -> Key {
        let lower = Character(character.lowercased())
        switch lower {
        case "i": return .tab
        case "m", "j": return .enter
        case "h": return .backspace
        case "[": return .escape
        default: return .ctrl(lower)
        }
    }

    /// The character this key types into a text field, if it types one.
    public var typedCharacter: Character? {
        if case .char(let character) = self { return character }
        return nil
    }
}
