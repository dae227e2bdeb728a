import JWTKit

/// The claims of an access token: `sub`, `iat`, `exp`, `jti`, `typ: "access"`.
struct AccessClaims: JWTPayload {
    var sub: SubjectClaim
    var iat: IssuedAtClaim
    var exp: ExpirationClaim
    var jti: IDClaim
    var typ: String

    /// Expiry and type are checked by `TokenService`, which must tell "expired" from "invalid".
    func verify(using algorithm: some JWTAlgorithm) async throws {}
}
