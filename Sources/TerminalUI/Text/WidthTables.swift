/// The few code point tables that the Swift standard library's Unicode properties do not
/// already answer (it has general categories and emoji properties, but no East Asian Width).
enum WidthTables {
    /// East Asian Wide (W) and Fullwidth (F) ranges that are not emoji; emoji-presentation
    /// code points are recognised through `Unicode.Scalar.Properties` instead. Unassigned
    /// gaps inside CJK blocks are folded in, as wcwidth implementations usually do.
    static let wide: [ClosedRange<UInt32>] = [
        0x1100...0x115F,   // Hangul Choseong (initial consonants)
        0x2329...0x232A,   // angle brackets
        0x2E80...0x303E,   // CJK radicals, Kangxi, ideographic description, CJK punctuation
        0x3041...0xA4CF,   // Kana, Bopomofo, Hangul jamo, enclosed CJK, CJK Ext. A, Yijing, CJK, Yi
        0xA960...0xA97F,   // Hangul Jamo Extended-A
        0xAC00...0xD7A3,   // Hangul syllables
        0xF900...0xFAFF,   // CJK compatibility ideographs
        0xFE10...0xFE19,   // vertical forms
        0xFE30...0xFE6F,   // CJK compatibility forms, small form variants
        0xFF00...0xFF60,   // fullwidth ASCII forms
        0xFFE0...0xFFE6,   // fullwidth signs
        0x16FE0...0x16FE4, // ideographic symbols
        0x16FF0...0x16FF1,
        0x17000...0x18CFF, // Tangut, Khitan
        0x18D00...0x18D08,
        0x1AFF0...0x1B2FF, // Kana supplement and extensions, Nushu
        0x1F200...0x1F202, // enclosed ideographic supplement
        0x1F210...0x1F23B,
        0x1F240...0x1F248,
        0x1F250...0x1F251,
        0x1F260...0x1F265,
        0x20000...0x2FFFD, // CJK Extensions B–F, plane 2
        0x30000...0x3FFFD, // plane 3
    ]

    static func isWide(_ value: UInt32) -> Bool {
        guard value >= 0x1100 else { return false }
        var low = 0, high = wide.count - 1
        while low <= high {
            let mid = (low + high) / 2
            let range = wide[mid]
            if value < range.lowerBound { high = mid - 1 } else if value > range.upperBound { low = mid + 1 } else { return true }
        }
        return false
    }

    static func isZeroWidth(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        // Hangul medial vowels and final consonants join the preceding initial consonant.
        if (0x1160...0x11FF).contains(value) || (0xD7B0...0xD7FF).contains(value) { return true }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark:
            return true
        case .format:
            // Prepended concatenation marks (Arabic number signs…) are visible, like glibc.
            return !isPrependedConcatenationMark(value)
        default:
            return false
        }
    }

    private static func isPrependedConcatenationMark(_ value: UInt32) -> Bool {
        (0x600...0x605).contains(value) || value == 0x6DD || value == 0x70F
            || value == 0x890 || value == 0x891 || value == 0x8E2 || value == 0x110BD || value == 0x110CD
    }
}
