import Crypto
import Foundation

/// Unguessable identifiers and secrets from the system's CSPRNG.
enum RandomToken {
    /// `bytes` random bytes as unpadded base64url.
    static func make(bytes: Int) -> String {
        Base64URL.encode(SymmetricKey(size: .init(bitCount: bytes * 8)).withUnsafeBytes { Array($0) })
    }

    /// Hex SHA-256 of a token: what the database keeps instead of the token.
    static func hash(_ token: String) -> String {
        Hex.encode(SHA256.hash(data: Data(token.utf8)))
    }
}
