import Synchronization

/// Whether the user of a valid token still has an account (API.md: a token whose user no
/// longer exists is 401 on every route). The API never deletes accounts, so an id once
/// found is remembered and costs no query again; an id not found is asked every time.
final class AccountCheck: Sendable {
    private let users: any UserRepository
    private let known = Mutex<Set<String>>([])
    private let capacity: Int

    init(users: any UserRepository, capacity: Int = 100_000) {
        self.users = users
        self.capacity = capacity
    }

    func exists(_ userID: String) async throws -> Bool {
        if known.withLock({ $0.contains(userID) }) { return true }
        guard try await users.user(id: userID) != nil else { return false }
        known.withLock {
            if $0.count >= capacity { $0.removeAll(keepingCapacity: true) }
            $0.insert(userID)
        }
        return true
    }
}
