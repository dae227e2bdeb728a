import Crypto
import Foundation

/// Outside production the JWT secret is made once and kept beside the database (mode 0600),
/// so restarting the server does not log everyone out.
enum SecretFile {
    static func loadOrCreate(at path: String) throws -> Data {
        if let existing = FileManager.default.contents(atPath: path), existing.count >= 32 {
            return existing
        }
        let secret = SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) }
        let temporary = path + ".tmp-\(getpid())"
        unlink(temporary)  // left by a crash of an earlier start with this pid
        do {
            try PrivateFile.write(secret, to: temporary)
        } catch {
            unlink(temporary)
            throw ConfigurationError("cannot write the JWT secret file \(path); set JWT_SECRET or make the directory writable")
        }
        guard rename(temporary, path) == 0 else {
            unlink(temporary)
            throw ConfigurationError("cannot write the JWT secret file \(path): \(String(cString: strerror(errno)))")
        }
        return secret
    }
}
