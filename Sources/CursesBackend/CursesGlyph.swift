import CNcursesw
import Glibc
import TerminalUI

/// How one cell's grapheme cluster is handed to curses.
///
/// Curses and the terminal count columns with wcwidth, one code point at a time, while
/// `DisplayWidth` measures whole clusters (an emoji ZWJ sequence is 2 columns, not 6).
/// When the two agree the cluster is drawn as it is; when they do not, drawing it would
/// shift everything after it, so the cluster is reduced to its first code point (and
/// its combining marks) padded with spaces: `👨‍👩‍👧` shows as `👨`, `❤️` as `❤ `.
enum CursesGlyph {
    /// Runs of code points that curses puts in consecutive cells: a spacing character and
    /// the zero-width ones after it.
    struct Piece {
        var scalars: [wchar_t]
        var width: Int
    }

    case boxDrawing(UnsafePointer<cchar_t>)
    case pieces([Piece])

    static func encode(_ text: String, width: Int) -> CursesGlyph {
        if let box = boxCharacter(text) { return .boxDrawing(box) }
        var pieces: [Piece] = []
        for scalar in text.unicodeScalars {
            let columns = Int(wcwidth(wchar_t(bitPattern: scalar.value)))
            if columns > 0 {
                pieces.append(Piece(scalars: [wchar_t(bitPattern: scalar.value)], width: columns))
            } else if columns == 0, !pieces.isEmpty, pieces[pieces.count - 1].scalars.count < Int(CCHARW_MAX) {
                pieces[pieces.count - 1].scalars.append(wchar_t(bitPattern: scalar.value))
            } else if columns < 0 {
                pieces = []
                break
            }
        }
        if pieces.reduce(0, { $0 + $1.width }) == width { return .pieces(pieces) }

        var fallback: [Piece] = []
        if var first = pieces.first, first.width <= width {
            // Keep combining marks, but not variation selectors (VS16 asks for the wide
            // form) nor ZWJ (which would glue the next cell's glyph onto this one).
            first.scalars = first.scalars.prefix(1) + first.scalars.dropFirst().filter(Self.isPlainCombiningMark)
            fallback.append(first)
        } else {
            fallback.append(Piece(scalars: [0xFFFD], width: 1))
        }
        let used = fallback[0].width
        fallback += Array(repeating: Piece(scalars: [0x20], width: 1), count: max(0, width - used))
        return .pieces(fallback)
    }

    private static func isPlainCombiningMark(_ value: wchar_t) -> Bool {
        guard let scalar = Unicode.Scalar(UInt32(bitPattern: value)), !(0xFE00...0xFE0F).contains(scalar.value) else { return false }
        let category = scalar.properties.generalCategory
        return category == .nonspacingMark || category == .enclosingMark
    }

    /// Box-drawing characters go through curses' WACS table so they come out right even
    /// where the locale or terminal cannot show the Unicode character itself.
    private static func boxCharacter(_ text: String) -> UnsafePointer<cchar_t>? {
        switch text {
        case "─": tf_WACS_HLINE()
        case "│": tf_WACS_VLINE()
        case "┌": tf_WACS_ULCORNER()
        case "┐": tf_WACS_URCORNER()
        case "└": tf_WACS_LLCORNER()
        case "┘": tf_WACS_LRCORNER()
        case "├": tf_WACS_LTEE()
        case "┤": tf_WACS_RTEE()
        case "┬": tf_WACS_TTEE()
        case "┴": tf_WACS_BTEE()
        case "┼": tf_WACS_PLUS()
        default: nil
        }
    }

    /// Draws at (x, y) in `window` with the given attributes and colour pair.
    func draw(in window: UnsafeMutablePointer<WINDOW>, x: Int32, y: Int32, attributes: attr_t, pair: Int16) {
        var cell = cchar_t()
        switch self {
        case .boxDrawing(let box):
            var characters = [wchar_t](repeating: 0, count: Int(CCHARW_MAX) + 1)
            var boxAttributes: attr_t = 0
            var boxPair: Int16 = 0
            getcchar(box, &characters, &boxAttributes, &boxPair, nil)
            tf_setcchar(&cell, characters, (boxAttributes & tf_A_ALTCHARSET()) | attributes, pair)
            wmove(window, y, x)
            wadd_wch(window, &cell)
        case .pieces(let pieces):
            var column = x
            for piece in pieces {
                tf_setcchar(&cell, piece.scalars + [0], attributes, pair)
                wmove(window, y, column)
                wadd_wch(window, &cell)
                column += Int32(piece.width)
            }
        }
    }
}
