import Foundation

extension Key {
    private static let named: [String: Key] = [
        "enter": .enter, "return": .enter, "ret": .enter, "cr": .enter,
        "esc": .escape, "escape": .escape,
        "tab": .tab, "backtab": .backTab,
        "backspace": .backspace, "bs": .backspace, "bksp": .backspace,
        "delete": .delete, "del": .delete, "insert": .insert, "ins": .insert,
        "up": .up, "down": .down, "left": .left, "right": .right,
        "home": .home, "end": .end,
        "pgup": .pageUp, "pageup": .pageUp, "prior": .pageUp,
        "pgdn": .pageDown, "pagedown": .pageDown, "next": .pageDown,
        "space": .char(" "), "spc": .char(" "),
        "minus": .char("-"), "plus": .char("+"),
    ]

    private struct Modifiers: OptionSet {
        let rawValue: Int
        static let ctrl = Modifiers(rawValue: 1)
        static let alt = Modifiers(rawValue: 2)
        static let shift = Modifiers(rawValue: 4)
    }

    private static let prefixes: [(String, Modifiers)] = [
        ("control-", .ctrl), ("ctrl-", .ctrl), ("ctrl+", .ctrl), ("c-", .ctrl), ("^", .ctrl),
        ("meta-", .alt), ("alt-", .alt), ("alt+", .alt), ("m-", .alt), ("a-", .alt),
        ("shift-", .shift), ("shift+", .shift), ("s-", .shift),
    ]

    /// Reads a key as written in a config file: a single character (`x`, `G`, `?`), a
    /// name (`enter`, `esc`, `pgdn`, `space`, `f5`), or modifiers and a key (`ctrl-d`,
    /// `C-d`, `^d`, `alt-x`, `M-x`, `S-tab`, `shift-g`). Case matters only for a lone
    /// character: `G` is Shift-g.
    public init(parsing text: String) throws(KeymapError) {
        var rest = Substring(text.trimmingCharacters(in: .whitespaces))
        var modifiers: Modifiers = []
        stripping: while rest.count > 1 {
            for (prefix, modifier) in Key.prefixes where rest.lowercased().hasPrefix(prefix) {
                modifiers.insert(modifier)
                rest = rest.dropFirst(prefix.count)
                continue stripping
            }
            break
        }
        guard !rest.isEmpty else { throw .invalidKey(text) }

        let base: Key
        if rest.count == 1, let character = rest.first {
            base = .char(character)
        } else if let key = Key.named[rest.lowercased()] {
            base = key
        } else if rest.lowercased().hasPrefix("f"), let number = Int(rest.dropFirst()), (1...24).contains(number) {
            base = .function(number)
        } else {
            throw .invalidKey(text)
        }
        guard let key = Key.apply(modifiers, to: base) else { throw .invalidKey(text) }
        self = key
    }

    private static func apply(_ modifiers: Modifiers, to base: Key) -> Key? {
        switch (modifiers, base) {
        case ([], _): return base
        case (.shift, .tab): return .backTab
        case (.shift, .char(let character)) where character.isLetter: return .char(Character(character.uppercased()))
        case (.ctrl, .char(let character)) where character.isASCII && !character.isNumber:
            return .control(character)
        case (.alt, .char(let character)): return .alt(character)
        default: return nil
        }
    }
}
