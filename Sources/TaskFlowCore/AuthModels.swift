/// `POST /auth/register` body.
public struct RegisterRequest: Codable, Sendable, Equatable {
    public var name: String
    public var email: String
    public var password: String

    public init(name: String, email: String, password: String) {
        self.name = name
        self.email = email
        self.password = password
    }
}

/// `POST /auth/login` body.
public struct LoginRequest: Codable, Sendable, Equatable {
    public var email: String
    public var password: String

    public init(email: String, password: String) {
        self.email = email
        self.password = password
    }
}

/// `POST /auth/refresh` and `POST /auth/logout` body.
public struct RefreshRequest: Codable, Sendable, Equatable {
    public var refreshToken: String

    public init(refreshToken: String) { self.refreshToken = refreshToken }
}

/// An access token with the refresh token that renews it.
public struct TokenPair: Codable, Sendable, Equatable {
    public var accessToken: String
    public var refreshToken: String
    /// Lifetime of `accessToken` in seconds.
    public var expiresIn: Int

    public init(accessToken: String, refreshToken: String, expiresIn: Int) {
        self.accessToken = accessToken
        self.refreshToken = refreshToken
        self.expiresIn = expiresIn
    }
}

/// Answer to register and login: the user and a fresh token pair.
public struct AuthResponse: Codable, Sendable, Equatable {
    public var user: User
    public var accessToken: String
    public var refreshToken: String
    public var expiresIn: Int

    public init(user: User, tokens: TokenPair) {
        self.user = user
        self.accessToken = tokens.accessToken
        self.refreshToken = tokens.refreshToken
        self.expiresIn = tokens.expiresIn
    }

    public var tokens: TokenPair {
        TokenPair(accessToken: accessToken, refreshToken: refreshToken, expiresIn: expiresIn)
    }
}

/// `GET /auth/me` answer.
public struct MeResponse: Codable, Sendable, Equatable {
    public var user: User

    public init(user: User) { self.user = user }
}
