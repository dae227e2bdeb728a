import Foundation
import JWTKit

/// Issues and checks access tokens: HS256 only, the algorithm pinned before any key is used.
public struct TokenService: Sendable {
    public enum Failure: Error, Sendable {
        case expired
        case invalid
    }

    private let keys: JWTKeyCollection
    private let verified = VerifiedTokenCache()
    public let lifetime: Int
    private let clock: any ServerClock

    public init(secret: Data, lifetime: Int, clock: any ServerClock = SystemClock()) async {
        self.clock = clock
        keys = JWTKeyCollection()
        await keys.add(hmac: HMACKey(key: .init(data: secret)), digestAlgorithm: .sha256)
        self.lifetime = lifetime
    }

    public func issue(userID: String, now: Date? = nil) async throws -> String {
        let now = now ?? clock.now
        let claims = AccessClaims(
            sub: .init(value: userID), iat: .init(value: Date(timeIntervalSince1970: now.timeIntervalSince1970.rounded(.down))),
            exp: .init(value: Date(timeIntervalSince1970: (now.timeIntervalSince1970 + Double(lifetime)).rounded(.down))),
            jti: .init(value: RandomToken.make(bytes: 16)), typ: "access")
        return try await keys.sign(claims, header: ["typ": "JWT"])
    }

    /// The user id of a valid access token.
    public func verify(_ token: String, now: Date? = nil) async throws(Failure) -> String {
        let now = now ?? clock.now
        if let known = verified.userID(for: token) {
            guard known.expiresAt > now else { throw .expired }
            return known.userID
        }
        guard Self.headerAlgorithm(of: token) == "HS256" else { throw .invalid }
        let claims: AccessClaims
        do {
            claims = try await keys.verify(token, as: AccessClaims.self)
        } catch {
            throw .invalid
        }
        guard claims.typ == "access", !claims.sub.value.isEmpty else { throw .invalid }
        verified.remember(token, userID: claims.sub.value, expiresAt: claims.exp.value)
        guard claims.exp.value > now else { throw .expired }
        return claims.sub.value
    }

    /// The `alg` of a JWT's header, read before anything else so no other algorithm is tried.
    static func headerAlgorithm(of token: String) -> String? {
        guard let headerPart = token.split(separator: ".", omittingEmptySubsequences: false).first,
              let data = Base64URL.decode(String(headerPart)),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        else { return nil }
        return object["alg"] as? String
    }
}
