/// How passwords are kept and checked. `PasswordHasher` is the real one; tests wrap it
/// to count how many checks a burst of guesses really gets.
protocol PasswordHashing: Sendable {
    /// What to store for a new password.
    func hash(_ password: String) async throws -> String
    /// Whether `password` matches `hash`. A nil hash (an unknown email) is checked against
    /// a decoy, so both failures take as long, and never matches.
    func verify(_ password: String, hash: String?) async throws -> Bool
    /// Whether a stored hash predates the current scheme (replaced at the next successful login).
    func needsUpgrade(_ hash: String) -> Bool
}
