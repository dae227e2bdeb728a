/// A bordered box centred over whatever was drawn before (confirmations, help, errors).
/// `render` clears the box, draws the border and title, and the body if there is one;
/// `contentArea(in:)` gives the inside for callers that draw their own body.
public struct Popup: Widget {
    public var title: String?
    public var body: String?
    /// Preferred outer size; it shrinks to fit the area it is centred in.
    public var width: Int
    public var height: Int
    public var isFocused: Bool

    public init(title: String? = nil, body: String? = nil, width: Int, height: Int, isFocused: Bool = true) {
        self.title = title
        self.body = body
        self.width = width
        self.height = height
        self.isFocused = isFocused
    }

    /// A popup just tall enough for `body` wrapped at the given outer width (plus border and
    /// a one-column margin each side).
    public static func fitting(title: String? = nil, body: String, width: Int) -> Popup {
        let lines = TextWrap.wrap(body, width: max(1, width - 4)).count
        return Popup(title: title, body: body, width: width, height: lines + 2)
    }

    /// The box's outer rect within `area`.
    public func frame(in area: Rect) -> Rect { area.centered(width: width, height: height) }

    /// The inside of the border, less a one-column margin each side.
    public func contentArea(in area: Rect) -> Rect {
        frame(in: area).inset(by: Insets(top: 1, left: 2, bottom: 1, right: 2))
    }

    public func render(in area: Rect, buffer: inout ScreenBuffer) {
        let frame = frame(in: area)
        guard frame.width >= 2, frame.height >= 2 else { return }
        buffer.fill(frame, style: Style(.popup))
        buffer.drawBox(
            frame, style: Style(isFocused ? .borderFocused : .border).on(.popup), title: title,
            titleStyle: Style(.title).on(.popup)
        )
        if let body {
            TextView(body, style: Style(.popup)).render(in: contentArea(in: area), buffer: &buffer)
        }
    }
}
