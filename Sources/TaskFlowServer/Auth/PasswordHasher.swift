import HummingbirdBcrypt
import NIOPosix

/// bcrypt on NIO's blocking-work pool: a cost-12 hash takes a quarter of a second and
/// must never run on an event loop.
struct PasswordHasher: Sendable {
    let cost: UInt8
    /// Compared against when the email is unknown, so both failures take as long.
    private let decoyHash: String

    init(cost: UInt8) async throws {
        self.cost = cost
        decoyHash = try await NIOThreadPool.singleton.runIfActive { Bcrypt.hash("decoy password, never valid", cost: cost) }
    }

    func hash(_ password: String) async throws -> String {
        let cost = self.cost
        return try await NIOThreadPool.singleton.runIfActive { Bcrypt.hash(password, cost: cost) }
    }

    func verify(_ password: String, hash: String?) async throws -> Bool {
        let target = hash ?? decoyHash
        let matches = try await NIOThreadPool.singleton.runIfActive { Bcrypt.verify(password, hash: target) }
        return matches && hash != nil
    }
}
