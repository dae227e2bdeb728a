import Foundation
#if canImport(Glibc)
import Glibc
import TaskFlowTestSupport
#endif

/// A plain TCP connection to a loopback port, for what HTTP clients never send: half a
/// request, a malformed one, a connection that says nothing at all. Reads block, so they
/// run on a Dispatch thread, never on the cooperative pool the server's handlers use.
final class RawConnection: @unchecked Sendable {
    // @unchecked: the descriptor is only used by one test task at a time and closed once.
    private let fd: Int32

    init(port: Int) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw SupportError("socket: \(String(cString: strerror(errno)))") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            let reason = String(cString: strerror(errno))
            close(fd)
            throw SupportError("connect: \(reason)")
        }
    }

    deinit { close(fd) }

    func send(_ text: String) throws {
        try send(Data(text.utf8))
    }

    func send(_ data: Data) throws {
        let sent = data.withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        guard sent == data.count else { throw SupportError("send: \(String(cString: strerror(errno)))") }
    }

    /// Everything the server sends until it closes the connection, or nil if it has not
    /// closed it within `timeout`.
    func readUntilClosed(timeout: Duration) async -> String? {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: self.blockingReadUntilClosed(timeout: timeout)) }
        }
    }

    /// The status code of the first answer the server sends within `timeout`.
    func readStatus(timeout: Duration) async -> Int? {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: self.blockingReadStatus(timeout: timeout)) }
        }
    }

    /// The first complete answer (its head, and the body its `Content-Length` announces),
    /// or nil if none arrives within `timeout`.
    func readAnswer(timeout: Duration) async -> String? {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: self.blockingReadAnswer(timeout: timeout)) }
        }
    }

    private func blockingReadAnswer(timeout: Duration) -> String? {
        let deadline = ContinuousClock.now + timeout
        var received = Data()
        while let chunk = readChunk(until: deadline), !chunk.isEmpty {
            received.append(chunk)
            guard let headEnd = received.range(of: Data("\r\n\r\n".utf8)) else { continue }
            let head = String(decoding: received[..<headEnd.lowerBound], as: UTF8.self)
            let length = head.components(separatedBy: "\r\n").dropFirst().compactMap { line -> Int? in
                let parts = line.split(separator: ":", maxSplits: 1)
                guard parts.count == 2, parts[0].lowercased() == "content-length" else { return nil }
                return Int(parts[1].trimmingCharacters(in: .whitespaces))
            }.first ?? 0
            if received.count - headEnd.upperBound >= length {
                return String(decoding: received[..<(headEnd.upperBound + length)], as: UTF8.self)
            }
        }
        return nil
    }

    private func blockingReadUntilClosed(timeout: Duration) -> String? {
        let deadline = ContinuousClock.now + timeout
        var received = Data()
        while let chunk = readChunk(until: deadline) {
            if chunk.isEmpty { return String(decoding: received, as: UTF8.self) }
            received.append(chunk)
        }
        return nil
    }

    private func blockingReadStatus(timeout: Duration) -> Int? {
        let deadline = ContinuousClock.now + timeout
        var received = Data()
        while let chunk = readChunk(until: deadline), !chunk.isEmpty {
            received.append(chunk)
            let text = String(decoding: received, as: UTF8.self)
            if let lineEnd = text.range(of: "\r\n") {
                let parts = text[..<lineEnd.lowerBound].split(separator: " ")
                return parts.count >= 2 ? Int(parts[1]) : nil
            }
        }
        return nil
    }

    /// The next bytes; empty when the peer closed (or reset) the connection; nil at the deadline.
    private func readChunk(until deadline: ContinuousClock.Instant) -> Data? {
        let remaining = deadline - ContinuousClock.now
        guard remaining > .zero else { return nil }
        var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        let millis = Int32(remaining.components.seconds * 1000 + remaining.components.attoseconds / 1_000_000_000_000_000) + 1
        guard poll(&poller, 1, millis) > 0 else { return nil }
        var buffer = [UInt8](repeating: 0, count: 65_536)
        let count = recv(fd, &buffer, buffer.count, 0)
        return count > 0 ? Data(buffer[..<count]) : Data()
    }
}
