import Crypto
import Foundation

/// Who may read `/metrics`: anyone, or with `METRICS_TOKEN` set only a request carrying
/// `Authorization: Bearer <METRICS_TOKEN>`. The comparison takes the same time whatever
/// the guess: both sides are hashed to 32 bytes and every byte is compared.
struct MetricsAccess: Sendable {
    private let expectedDigest: [UInt8]?

    init(token: String?) {
        expectedDigest = token.map { Array(SHA256.hash(data: Data($0.utf8))) }
    }

    func admits(authorization: String?) -> Bool {
        guard let expectedDigest else { return true }
        guard let authorization, authorization.hasPrefix("Bearer ") else { return false }
        let presented = Array(SHA256.hash(data: Data(authorization.dropFirst("Bearer ".count).utf8)))
        return zip(presented, expectedDigest).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
