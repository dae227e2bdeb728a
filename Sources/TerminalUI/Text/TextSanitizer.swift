/// Makes untrusted text safe to send to a terminal.
///
/// Task titles come from a server and from other users, so they may contain bytes that a
/// terminal would act on: ESC sequences that move the cursor, recolour or retitle the
/// window, C0/C1 controls, DEL, and bidirectional controls that reorder what is shown
/// ("Trojan Source"). Each such character, and each whole escape sequence, becomes one
/// U+FFFD REPLACEMENT CHARACTER: visible (the user can tell something was there), one
/// column wide in every UTF-8 locale, and inert. A tab becomes a single space, because
/// in a title it is spacing, not a control.
public enum TextSanitizer {
    public static let replacement: Character = "\u{FFFD}"

    /// `text` with every control character and escape sequence replaced.
    public static func sanitize(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isUnsafe) else { return text }
        var output = String.UnicodeScalarView()
        var scalars = Array(text.unicodeScalars)[...]
        while let scalar = scalars.popFirst() {
            if scalar == "\t" {
                output.append(" ")
            } else if scalar.value == 0x1B {
                skipEscapeSequence(&scalars)
                output.append("\u{FFFD}")
            } else if scalar.value == 0x9B {
                skipControlSequenceBody(&scalars)
                output.append("\u{FFFD}")
            } else if scalar.value == 0x90 || scalar.value == 0x9D || scalar.value == 0x9E || scalar.value == 0x9F {
                skipControlString(&scalars)
                output.append("\u{FFFD}")
            } else if isUnsafe(scalar) {
                output.append("\u{FFFD}")
            } else {
                output.append(scalar)
            }
        }
        return String(output)
    }

    /// True for code points that must never reach the terminal as they are.
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x20 || (0x7F...0x9F).contains(value) { return true }
        // Every Bidi_Control (embeddings, overrides, isolates, and the LRM/RLM/ALM marks);
        // line and paragraph separators.
        return scalar.properties.isBidiControl || value == 0x2028 || value == 0x2029
    }

    public static func isUnsafe(_ character: Character) -> Bool {
        character.unicodeScalars.contains(where: isUnsafe)
    }

    /// After ESC: CSI (`[`…final), string commands (OSC `]`, DCS `P`, SOS `X`, PM `^`,
    /// APC `_`, ended by BEL or ST), or a two-character escape such as `ESC c` (reset).
    private static func skipEscapeSequence(_ scalars: inout ArraySlice<Unicode.Scalar>) {
        guard let next = scalars.first else { return }
        switch next {
        case "[":
            scalars.removeFirst()
            skipControlSequenceBody(&scalars)
        case "]", "P", "X", "^", "_":
            scalars.removeFirst()
            skipControlString(&scalars)
        default:
            // Intermediate bytes, then one final byte (e.g. `ESC ( B`, `ESC c`).
            while let scalar = scalars.first, (0x20...0x2F).contains(scalar.value) { scalars.removeFirst() }
            if let scalar = scalars.first, (0x30...0x7E).contains(scalar.value) { scalars.removeFirst() }
        }
    }

    private static func skipControlSequenceBody(_ scalars: inout ArraySlice<Unicode.Scalar>) {
        while let scalar = scalars.first, (0x20...0x3F).contains(scalar.value) { scalars.removeFirst() }
        if let scalar = scalars.first, (0x40...0x7E).contains(scalar.value) { scalars.removeFirst() }
    }

    private static func skipControlString(_ scalars: inout ArraySlice<Unicode.Scalar>) {
        while let scalar = scalars.popFirst() {
            if scalar.value == 0x07 || scalar.value == 0x9C { return }
            if scalar.value == 0x1B {
                if scalars.first == "\\" { scalars.removeFirst() }
                return
            }
        }
    }
}
