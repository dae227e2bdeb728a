import Foundation
import NIOCore

/// The client's address: the peer, unless the peer is a trusted proxy, in which case the
/// nearest untrusted hop of `X-Forwarded-For` (read right to left, as nginx appends).
struct ClientAddress: Sendable {
    let trustedProxies: Set<String>

    func resolve(peer: SocketAddress?, forwardedFor: String?) -> String {
        let peerIP = peer?.ipAddress ?? "unknown"
        guard trustedProxies.contains(peerIP), let forwardedFor else { return peerIP }
        let hops = forwardedFor.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        for hop in hops.reversed() where !trustedProxies.contains(hop) {
            return hop
        }
        return hops.first ?? peerIP
    }
}
