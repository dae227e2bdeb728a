import Crypto
import Foundation
import HummingbirdBcrypt
import NIOPosix

/// bcrypt of a pre-hash, on NIO's blocking-work pool (a cost-12 hash takes a quarter of a
/// second and must never run on an event loop). bcrypt alone reads 72 bytes and stops at
/// NUL; HMAC-SHA-256 of the whole password, in base64, is 44 ASCII characters with no
/// NUL, so every byte of the password counts. Stored as `$hmac-sha256` + the bcrypt hash;
/// plain bcrypt hashes from older versions still verify and report `needsUpgrade`.
struct PasswordHasher: PasswordHashing {
    static let prehashedPrefix = "$hmac-sha256"
    /// The HMAC key. A constant of the program rather than configuration: its job is to
    /// make every byte count, and a database moved to another server, or a rotated
    /// JWT_SECRET, must never lock every user out.
    private static let pepper = SymmetricKey(data: Data("taskflow password pre-hash v1".utf8))

    let cost: UInt8
    /// Compared against when the email is unknown, so both failures take as long. Made in
    /// the background: one bcrypt at start (~200 ms at cost 12) held up the listening
    /// socket, which local mode's first command waits for.
    private let decoyHash: Task<String, any Error>

    init(cost: UInt8) {
        self.cost = cost
        decoyHash = Task {
            let decoy = Self.prehash("decoy password, never valid")
            return Self.prehashedPrefix + (try await NIOThreadPool.singleton.runIfActive { Bcrypt.hash(decoy, cost: cost) })
        }
    }

    func hash(_ password: String) async throws -> String {
        let cost = self.cost, prehashed = Self.prehash(password)
        return Self.prehashedPrefix + (try await NIOThreadPool.singleton.runIfActive { Bcrypt.hash(prehashed, cost: cost) })
    }

    func verify(_ password: String, hash: String?) async throws -> Bool {
        let target = if let hash { hash } else { try await decoyHash.value }
        let matches: Bool
        if target.hasPrefix(Self.prehashedPrefix) {
            let bcrypt = String(target.dropFirst(Self.prehashedPrefix.count)), prehashed = Self.prehash(password)
            matches = try await NIOThreadPool.singleton.runIfActive { Bcrypt.verify(prehashed, hash: bcrypt) }
        } else {
            matches = try await NIOThreadPool.singleton.runIfActive { Bcrypt.verify(password, hash: target) }
        }
        return matches && hash != nil
    }

    func needsUpgrade(_ hash: String) -> Bool { !hash.hasPrefix(Self.prehashedPrefix) }

    static func prehash(_ password: String) -> String {
        Data(HMAC<SHA256>.authenticationCode(for: Data(password.utf8), using: pepper)).base64EncodedString()
    }
}
