import Foundation
import Synchronization

/// Access tokens already verified, with their owner and expiry. A client sends the same
/// token on every request for its whole lifetime; checking its signature once is enough,
/// because a JWT cannot change and its expiry is still checked on every use. Bounded: when
/// full it starts over, which costs one re-verification per live token.
final class VerifiedTokenCache: Sendable {
    private struct Entry {
        let userID: String
        let expiresAt: Date
    }

    private let entries = Mutex<[String: Entry]>([:])
    private let capacity: Int

    init(capacity: Int = 10_000) { self.capacity = capacity }

    func userID(for token: String) -> (userID: String, expiresAt: Date)? {
        entries.withLock { $0[token].map { ($0.userID, $0.expiresAt) } }
    }

    func remember(_ token: String, userID: String, expiresAt: Date) {
        entries.withLock {
            if $0.count >= capacity { $0.removeAll(keepingCapacity: true) }
            $0[token] = Entry(userID: userID, expiresAt: expiresAt)
        }
    }
}
