import CNcursesw
import TerminalUI

extension CursesBackend {
    /// After ESC. Curses has already waited its Esc delay for any sequence it knows from
    /// terminfo; what follows now is either nothing (a real Esc), a sequence terminfo
    /// does not list (bracketed paste, modified arrows: decoded here), or one character
    /// typed with Alt (terminals send Alt-x as ESC x).
    func decodeEscape() -> Key? {
        guard let next = readInput(timeoutMilliseconds: 0) else { return .escape }
        switch next {
        case .character(0x5B):  // [
            return decodeControlSequence()
        case .character(0x4F):  // O: SS3, as some terminals send arrows and F1–F4
            guard case .character(let final)? = readInput(timeoutMilliseconds: 10) else { return .alt("O") }
            return Self.ss3Keys[final]
        case .character(27):
            ungetInput(27)
            return .escape
        case .character(let value) where value >= 0x20 && value != 0x7F:
            return Unicode.Scalar(value).map { .alt(Character($0)) }
        case .character(let value):
            ungetInput(value)
            return .escape
        case .function(let code):
            unget_wch(wchar_t(code))
            return .escape
        }
    }

    private static let ss3Keys: [UInt32: Key] = [
        0x41: .up, 0x42: .down, 0x43: .right, 0x44: .left, 0x48: .home, 0x46: .end,
        0x50: .function(1), 0x51: .function(2), 0x52: .function(3), 0x53: .function(4),
    ]

    private static let tildeKeys: [Int: Key] = [
        1: .home, 2: .insert, 3: .delete, 4: .end, 5: .pageUp, 6: .pageDown, 7: .home, 8: .end,
        11: .function(1), 12: .function(2), 13: .function(3), 14: .function(4), 15: .function(5),
        17: .function(6), 18: .function(7), 19: .function(8), 20: .function(9), 21: .function(10),
        23: .function(11), 24: .function(12),
    ]

    /// CSI parameters and a final byte; modifiers (`ESC [ 1 ; 5 A`) are ignored.
    private func decodeControlSequence() -> Key? {
        var parameters = ""
        while case .character(let value)? = readInput(timeoutMilliseconds: 10) {
            guard let scalar = Unicode.Scalar(value) else { return nil }
            if (0x20...0x3F).contains(value) {
                parameters.unicodeScalars.append(scalar)
                continue
            }
            let first = Int(parameters.split(separator: ";").first ?? "") ?? 1
            switch scalar {
            case "A": return .up
            case "B": return .down
            case "C": return .right
            case "D": return .left
            case "H": return .home
            case "F": return .end
            case "Z": return .backTab
            case "~" where first == 200: return readPaste()
            case "~": return Self.tildeKeys[first]
            default: return nil
            }
        }
        return nil
    }

    /// Collects a bracketed paste up to `ESC [ 201 ~`.
    private func readPaste() -> Key {
        let terminator = Array("\u{1B}[201~".unicodeScalars.map(\.value))
        var received: [UInt32] = []
        let limit = 1 << 20
        while received.count < limit, let input = readInput(timeoutMilliseconds: 200) {
            guard case .character(let value) = input else { continue }
            received.append(value == 13 ? 10 : value)
            if received.count >= terminator.count, Array(received.suffix(terminator.count)) == terminator {
                received.removeLast(terminator.count)
                break
            }
        }
        var text = String.UnicodeScalarView()
        for value in received { if let scalar = Unicode.Scalar(value) { text.append(scalar) } }
        return .paste(String(text))
    }

    private func ungetInput(_ value: UInt32) {
        unget_wch(wchar_t(bitPattern: value))
    }
}
