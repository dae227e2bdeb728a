import Foundation
import TerminalUI

/// Every message of the session in full (the footer cuts long ones and they expire), the
/// newest last; what does not fit shows the newest.
public struct MessageLogPopup: Widget {
    public var messages: [StatusMessage]
    public var now: Date

    public init(messages: [StatusMessage], now: Date) {
        self.messages = messages
        self.now = now
    }

    public func render(in area: Rect, buffer: inout ScreenBuffer) {
        let lines = messages.map { message in
            let time = String(TaskText.timestamp(message.expires.addingTimeInterval(-StatusMessage.lifetime)).dropFirst(11).prefix(5))
            return "\(time)  \(message.isError ? "✗ " : "")\(message.text)"
        }
        let fitting = Array(lines.suffix(max(1, area.height - 6)))
        let body = (fitting.isEmpty ? "No messages yet." : fitting.joined(separator: "\n")) + "\n\nAny key closes this."
        let title = "Messages (\(messages.count))"
        Popup.fitting(title: title, body: body, width: min(100, area.width - 2)).render(in: area, buffer: &buffer)
    }
}
