import Foundation
import TaskFlowClient

/// The one account of a private server: created on first use with a random password that
/// is kept (mode 0600) beside the data, so the client can sign in again by itself.
public struct LocalAccount: Codable, Sendable {
    public var name: String
    public var email: String
    var password: String

    /// The user's own account, named after `$USER`.
    public static func standard(environment: [String: String]) -> LocalAccount {
        LocalAccount(name: environment["USER"].flatMap { $0.isEmpty ? nil : $0 } ?? "me", email: "me@taskflow.local", password: randomPassword())
    }

    public static let demo = LocalAccount(name: "Demo", email: "demo@taskflow.local", password: randomPassword())

    static func fileURL(in directory: URL) -> URL { directory.appendingPathComponent("local-account.json") }

    /// Signs `client` in with the saved account, or creates `self` the first time.
    /// Returns true when the account was created just now.
    func signIn(_ client: APIClient, directory: URL) async throws -> Bool {
        let file = Self.fileURL(in: directory)
        if let data = try? Data(contentsOf: file), let account = try? JSONDecoder().decode(LocalAccount.self, from: data) {
            do {
                _ = try await client.login(email: account.email, password: account.password)
                return false
            } catch let error as ClientError where error.status == 401 {
                // The database was removed but not the account file: start a new account.
                try? FileManager.default.removeItem(at: file)
            }
        }
        let data = try JSONEncoder().encode(self)
        try? FileManager.default.removeItem(at: file)
        guard FileManager.default.createFile(atPath: file.path, contents: data, attributes: [.posixPermissions: 0o600]) else {
            throw LocalServerError("cannot write \(file.path)")
        }
        _ = try await client.register(name: name, email: email, password: password)
        return true
    }

    static func randomPassword() -> String {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        return String((0..<32).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] })
    }
}
