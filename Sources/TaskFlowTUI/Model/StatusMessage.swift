import Foundation

/// A one-line message in the footer (a refused change, a failed refresh) that goes away
/// by itself after a few seconds.
public struct StatusMessage: Sendable, Equatable {
    public var text: String
    public var isError: Bool
    public var expires: Date

    public static let lifetime: TimeInterval = 5

    public init(_ text: String, isError: Bool = true, now: Date) {
        self.text = text
        self.isError = isError
        expires = now.addingTimeInterval(StatusMessage.lifetime)
    }
}
