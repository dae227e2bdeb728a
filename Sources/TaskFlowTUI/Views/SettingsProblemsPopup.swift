import TerminalUI

/// Every problem found in the settings at startup, each in full and wrapped, so a long
/// path or a second mistake is never cut off at the screen's edge.
public struct SettingsProblemsPopup: Widget {
    public var problems: [String]

    public init(problems: [String]) { self.problems = problems }

    public func render(in area: Rect, buffer: inout ScreenBuffer) {
        let count = problems.count == 1 ? "1 problem" : "\(problems.count) problems"
        let body = problems.joined(separator: "\n") + "\n\nThe other settings apply. Any key closes this."
        let popup = Popup.fitting(title: "\(count) in your settings", body: body, width: min(100, area.width - 2))
        popup.render(in: area, buffer: &buffer)
    }
}
