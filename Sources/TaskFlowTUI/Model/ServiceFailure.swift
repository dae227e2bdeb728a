/// Why a request failed, reduced to what the screen needs: a message, and whether the
/// session is over (which sends the user to the login screen instead of an error).
public struct ServiceFailure: Error, Sendable, Equatable {
    public var message: String
    public var sessionEnded: Bool

    public init(message: String, sessionEnded: Bool = false) {
        self.message = message
        self.sessionEnded = sessionEnded
    }
}
