import Foundation
import TaskFlowClient
import TerminalUI

/// The top line: server, user, how live the data is, and the rate-limit budget when low.
public struct HeaderView: Widget {
    public var state: AppState

    public init(state: AppState) { self.state = state }

    public func render(in area: Rect, buffer: inout ScreenBuffer) {
        guard !area.isEmpty else { return }
        let row = area.row(0)
        buffer.fill(row, style: Style(.header))
        var spans = [Span(" TaskFlow ", style: Style(.header, attributes: .bold))]
        if let session = state.session {
            spans.append(Span(" " + Self.shortServer(session.server), .header))
            if let user = session.user { spans.append(Span("  " + user.email, .header)) }
        }
        let right = liveSpans()
        let rightWidth = right.reduce(0) { $0 + $1.width }
        let leftWidth = max(0, row.width - rightWidth - 1)
        buffer.put(spans, at: row.origin, maxWidth: leftWidth)
        buffer.put(right, at: Point(x: max(row.x, row.maxX - rightWidth), y: row.y), maxWidth: row.width)
    }

    func liveSpans() -> [Span] {
        guard state.screen == .main else { return [] }
        var spans: [Span] = []
        if let limit = state.rateLimit, limit.isLow {
            spans.append(Span("\(limit.remaining)/\(limit.limit) requests left  ", style: Style(.header, attributes: .bold)))
        }
        if let copy = state.localCopy {
            var parts: [String] = []
            if copy.pending > 0 { parts.append("⇡\(copy.pending) pending") }
            let conflicts = copy.conflicts.count
            if conflicts > 0 { parts.append("\(conflicts) conflict\(conflicts == 1 ? "" : "s")") }
            if copy.unreachable { parts.append("offline") }
            if !parts.isEmpty {
                spans.append(Span(parts.joined(separator: " · ") + "  ", style: Style(.header, attributes: [.bold])))
            }
        }
        spans.append(Span(Self.describe(state.connection), style: Style(.header, attributes: Self.emphasis(state.connection))))
        if let sync = state.lastSync {
            spans.append(Span(" · synced \(Self.age(state.now.timeIntervalSince(sync))) ago ", .header))
        } else {
            spans.append(Span(" ", .header))
        }
        return spans
    }

    /// `5s`, `3m`, `2h`: how long ago the data was last known to be current.
    static func age(_ interval: Double) -> String {
        let seconds = max(0, Int(interval))
        if seconds < 60 { return "\(seconds)s" }
        if seconds < 3600 { return "\(seconds / 60)m" }
        return "\(seconds / 3600)h"
    }

    static func describe(_ connection: LiveState) -> String {
        switch connection {
        case .connecting: "connecting…"
        case .live: "● live"
        case .polling: "polling"
        case .offline(_, let retryIn): "offline, retrying in \(max(1, Int(retryIn.components.seconds)))s"
        case .stopped: "signed out"
        }
    }

    /// The header's own colours for every state, so "offline" is as readable as the rest
    /// in every theme (red on the blue bar was not); what needs attention is bold and
    /// underlined instead.
    static func emphasis(_ connection: LiveState) -> Attributes {
        switch connection {
        case .live, .polling, .connecting: []
        case .offline, .stopped: [.bold, .underline]
        }
    }

    /// `http://127.0.0.1:5000` reads as `127.0.0.1:5000`.
    static func shortServer(_ server: String) -> String {
        server.hasPrefix("http://") ? String(server.dropFirst(7)) : server
    }
}
