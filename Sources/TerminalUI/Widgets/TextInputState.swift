/// The text, cursor and horizontal scroll of a one-line text field, with the editing
/// keys people expect from a shell (Emacs-style Ctrl keys as well as arrows).
public struct TextInputState: Hashable, Sendable {
    public private(set) var text: String
    /// The cursor, as a grapheme cluster index from 0 (before the first) to `text.count`.
    public private(set) var cursor: Int
    /// The first visible display column, kept between frames so that the field scrolls
    /// only when the cursor would leave it.
    public var offset: Int
    /// Longest accepted text, in grapheme clusters.
    public var maxLength: Int?
    /// The whole text is selected (a field opened with its old value, as a browser's
    /// address bar is): typing or pasting replaces it, a deleting key clears it, and a
    /// movement key keeps it and just ends the selection.
    public private(set) var isAllSelected = false

    public init(_ text: String = "", maxLength: Int? = nil) {
        self.text = ""
        self.cursor = 0
        self.offset = 0
        self.maxLength = maxLength
        insert(text)
    }

    /// Selects the whole text, if there is any, with the cursor at its end.
    public mutating func selectAll() {
        cursor = text.count
        isAllSelected = !text.isEmpty
    }

    /// Inserts at the cursor (in place of the text, while it is all selected). Line breaks
    /// and tabs become spaces (the field is one line); other control characters are dropped.
    public mutating func insert(_ string: String) {
        if isAllSelected { clearSelection() }
        var clean = ""
        for character in string {
            if character.isNewline || character == "\t" {
                clean.append(" ")
            } else if !TextSanitizer.isUnsafe(character) {
                clean.append(character)
            }
        }
        if let maxLength { clean = String(clean.prefix(max(0, maxLength - text.count))) }
        guard !clean.isEmpty else { return }
        let index = text.index(text.startIndex, offsetBy: cursor)
        text.insert(contentsOf: clean, at: index)
        cursor += clean.count
    }

    public mutating func backspace() {
        guard cursor > 0 else { return }
        removeCharacters(cursor - 1..<cursor)
    }

    public mutating func deleteForward() {
        guard cursor < text.count else { return }
        removeCharacters(cursor..<cursor + 1)
    }

    /// Deletes the word before the cursor (Ctrl-W): trailing spaces, then non-spaces.
    public mutating func deleteWordBackward() {
        let characters = Array(text)
        var start = cursor
        while start > 0, characters[start - 1] == " " { start -= 1 }
        while start > 0, characters[start - 1] != " " { start -= 1 }
        removeCharacters(start..<cursor)
    }

    public mutating func deleteToStart() { removeCharacters(0..<cursor) }
    public mutating func deleteToEnd() { removeCharacters(cursor..<text.count) }
    public mutating func moveLeft() { cursor = max(0, cursor - 1) }
    public mutating func moveRight() { cursor = min(text.count, cursor + 1) }
    public mutating func moveToStart() { cursor = 0 }
    public mutating func moveToEnd() { cursor = text.count }

    /// Replaces the whole text, cursor at the end.
    public mutating func setText(_ newText: String) {
        text = ""
        cursor = 0
        offset = 0
        isAllSelected = false
        insert(newText)
    }

    /// Removes the selected text.
    private mutating func clearSelection() {
        isAllSelected = false
        text = ""
        cursor = 0
        offset = 0
    }

    /// Applies an editing key. Returns false for keys that are not editing keys (Enter,
    /// Esc, Tab…), which the caller handles.
    @discardableResult
    public mutating func handle(_ key: Key) -> Bool {
        if isAllSelected {
            switch key {
            case .backspace, .delete, .ctrl("d"), .ctrl("w"), .ctrl("u"), .ctrl("k"):
                clearSelection()
                return true
            case .left, .ctrl("b"), .home, .ctrl("a"):
                isAllSelected = false
                moveToStart()
                return true
            case .right, .ctrl("f"), .end, .ctrl("e"):
                isAllSelected = false
                moveToEnd()
                return true
            default:
                break
            }
        }
        switch key {
        case .char(let character): insert(String(character))
        case .paste(let pasted): insert(pasted)
        case .backspace: backspace()
        case .delete, .ctrl("d"): deleteForward()
        case .left, .ctrl("b"): moveLeft()
        case .right, .ctrl("f"): moveRight()
        case .home, .ctrl("a"): moveToStart()
        case .end, .ctrl("e"): moveToEnd()
        case .ctrl("w"): deleteWordBackward()
        case .ctrl("u"): deleteToStart()
        case .ctrl("k"): deleteToEnd()
        default: return false
        }
        return true
    }

    /// The display column of the cursor within the whole text.
    public var cursorColumn: Int { DisplayWidth.of(String(text.prefix(cursor))) }

    /// The scroll offset that keeps the cursor inside a field `width` columns wide,
    /// moving as little as possible from the current `offset`.
    public func offsetShowingCursor(width: Int) -> Int {
        guard width > 0 else { return 0 }
        let column = cursorColumn
        let total = DisplayWidth.of(text) + 1  // room for the cursor after the last character
        var offset = min(self.offset, max(0, total - width))
        if column < offset { offset = column }
        let cursorWidth = cursor < text.count ? DisplayWidth.of(Array(text)[cursor]) : 1
        if column + cursorWidth > offset + width { offset = column + cursorWidth - width }
        return max(0, offset)
    }

    public mutating func scrollToCursor(width: Int) { offset = offsetShowingCursor(width: width) }

    private mutating func removeCharacters(_ range: Range<Int>) {
        guard !range.isEmpty else { return }
        let lower = text.index(text.startIndex, offsetBy: range.lowerBound)
        let upper = text.index(lower, offsetBy: range.count)
        text.removeSubrange(lower..<upper)
        if cursor >= range.upperBound { cursor -= range.count } else if cursor > range.lowerBound { cursor = range.lowerBound }
    }
}
