import Crypto
import Foundation
import TaskFlowCore

/// The 10-second grace window after a rotation: the new pair is kept sealed with AES-GCM
/// under a key derived (HKDF) from the old refresh token, which the server does not store.
/// Only a client holding the old token can open it; the database alone cannot.
enum RefreshGrace {
    static let windowMillis = 10_000

    static func seal(_ pair: TokenPair, under oldToken: String) throws -> Data {
        let plaintext = try JSONEncoder().encode(pair)
        guard let combined = try AES.GCM.seal(plaintext, using: key(oldToken)).combined else {
            throw StorageError.unavailable("could not seal refresh pair")
        }
        return combined
    }

    static func open(_ sealed: Data, with oldToken: String) -> TokenPair? {
        guard let box = try? AES.GCM.SealedBox(combined: sealed),
              let plaintext = try? AES.GCM.open(box, using: key(oldToken))
        else { return nil }
        return try? JSONDecoder().decode(TokenPair.self, from: plaintext)
    }

    private static func key(_ token: String) -> SymmetricKey {
        HKDF<SHA256>.deriveKey(
            inputKeyMaterial: SymmetricKey(data: Data(token.utf8)), salt: Data("taskflow-refresh-grace-v1".utf8),
            info: Data(), outputByteCount: 32)
    }
}
