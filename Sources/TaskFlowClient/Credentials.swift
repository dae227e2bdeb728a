import Foundation
import TaskFlowCore

/// What a login leaves behind for one server. Tokens are secrets: never printed or logged.
public struct Credentials: Codable, Sendable, Equatable, CustomStringConvertible {
    public var user: User
    public var accessToken: String
    public var refreshToken: String
    /// When the access token expires, by this machine's clock (a hint; the server decides).
    public var accessExpiresAt: Date

    public init(user: User, accessToken: String, refreshToken: String, accessExpiresAt: Date) {
        self.user = user
        self.accessToken = accessToken
        self.refreshToken = refreshToken
        self.accessExpiresAt = accessExpiresAt
    }

    public init(_ auth: AuthResponse, now: Date) {
        self.init(user: auth.user, accessToken: auth.accessToken, refreshToken: auth.refreshToken,
                  accessExpiresAt: now.addingTimeInterval(TimeInterval(auth.expiresIn)))
    }

    func rotated(to pair: TokenPair, now: Date) -> Credentials {
        Credentials(user: user, accessToken: pair.accessToken, refreshToken: pair.refreshToken,
                    accessExpiresAt: now.addingTimeInterval(TimeInterval(pair.expiresIn)))
    }

    /// Keeps tokens out of logs, `print` and test failure messages.
    public var description: String { "Credentials(user: \(user.email), tokens: <redacted>)" }
}
