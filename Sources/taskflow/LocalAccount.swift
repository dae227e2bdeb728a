import Foundation
import TaskFlowClient

/// The one account of local mode: created on first run with a random password that is
/// kept (mode 0600) beside the data, so the client can sign in again by itself when its
/// refresh token runs out.
struct LocalAccount: Codable {
    var name: String
    var email: String
    var password: String

    static func fileURL(in directory: URL) -> URL { directory.appendingPathComponent("local-account.json") }

    /// Signs `client` in, creating the account the first time.
    static func signIn(_ client: APIClient, directory: URL, environment: [String: String]) async throws {
        let file = fileURL(in: directory)
        if let data = try? Data(contentsOf: file), let account = try? JSONDecoder().decode(LocalAccount.self, from: data) {
            do {
                try await client.login(email: account.email, password: account.password)
                return
            } catch let error as ClientError where error.status == 401 {
                // The database was removed but not the account file: start a new account.
                try? FileManager.default.removeItem(at: file)
            }
        }
        let name = environment["USER"].flatMap { $0.isEmpty ? nil : $0 } ?? "me"
        let account = LocalAccount(name: name, email: "me@taskflow.local", password: randomPassword())
        let data = try JSONEncoder().encode(account)
        guard FileManager.default.createFile(atPath: file.path, contents: data, attributes: [.posixPermissions: 0o600]) else {
            throw LocalModeError("cannot write \(file.path)")
        }
        try await client.register(name: account.name, email: account.email, password: account.password)
    }

    static func randomPassword() -> String {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        return String((0..<32).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] })
    }
}
