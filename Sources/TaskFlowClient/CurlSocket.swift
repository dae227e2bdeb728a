import CCurl
import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// A raw byte stream over a libcurl `CURLOPT_CONNECT_ONLY` connection: curl resolves,
/// connects, goes through a proxy and does TLS for `https://`; we then send and receive
/// bytes with `curl_easy_send`/`curl_easy_recv`, waiting in `poll` when they say `AGAIN`.
///
/// `@unchecked Sendable`: every call on the curl handle happens inside `lock`, as libcurl
/// requires (one thread at a time per handle); `poll` runs outside it on a copied fd.
final class CurlSocket: @unchecked Sendable {
    private let handle: CurlEasyHandle
    private let descriptor: Int32
    private let lock = Mutex<Bool>(false)  // true once closed
    let url: URL

    /// Blocking; call off the cooperative pool.
    init(url: URL, options: TransportOptions) throws {
        guard let handle = CurlEasyHandle() else {
            throw ClientError(.network(server: ServerAddress.origin(of: url), detail: CurlGlobal.loadError ?? "could not create a curl handle"))
        }
        handle.reset()
        handle.set(CURLOPT_URL, url.absoluteString)
        if let path = options.unixSocketPath { handle.set(CURLOPT_UNIX_SOCKET_PATH, path) }
        handle.set(CURLOPT_CONNECT_ONLY, 1)
        handle.set(CURLOPT_NOSIGNAL, 1)
        handle.set(CURLOPT_CONNECTTIMEOUT_MS, options.connectTimeout.milliseconds)
        handle.set(CURLOPT_HTTP_VERSION, Int(CURL_HTTP_VERSION_1_1))  // the Upgrade handshake is HTTP/1.1 only
        handle.set(CURLOPT_HTTPPROXYTUNNEL, 1)  // through a proxy, tunnel: we speak our own protocol
        handle.set(CURLOPT_SSL_VERIFYPEER, 1)
        handle.set(CURLOPT_SSL_VERIFYHOST, 2)
        handle.set(CURLOPT_TCP_KEEPALIVE, 1)
        if let caFile = options.caFile { handle.set(CURLOPT_CAINFO, caFile) }
        let code = tf_curl_easy_perform(handle.raw)
        guard code == CURLE_OK else {
            throw CurlErrorMapping.error(for: code, detail: handle.lastErrorDetail, url: url)
        }
        var socket: curl_socket_t = -1
        guard tf_curl_getinfo_socket(handle.raw, &socket) == CURLE_OK, socket >= 0 else {
            throw ClientError(.network(server: ServerAddress.origin(of: url), detail: "no socket after connecting"))
        }
        self.handle = handle
        self.descriptor = socket
        self.url = url
    }

    /// Sends every byte or throws; waits at most `timeout` for the peer to take them.
    func sendAll(_ bytes: [UInt8], timeout: Duration = .seconds(10)) throws {
        let deadline = ContinuousClock.now + timeout
        var offset = 0
        while offset < bytes.count {
            var sent = 0
            let code: CURLcode = try lock.withLock { closed in
                if closed { throw ClientError(.webSocket("The live connection is closed.")) }
                return bytes[offset...].withUnsafeBytes { tf_curl_easy_send(handle.raw, $0.baseAddress, $0.count, &sent) }
            }
            switch code {
            case CURLE_OK: offset += sent
            case CURLE_AGAIN:
                guard ContinuousClock.now < deadline else { throw ClientError(.timedOut(server: ServerAddress.origin(of: url))) }
                wait(for: Int16(POLLOUT), milliseconds: 100)
            default:
                throw CurlErrorMapping.error(for: code, detail: "", url: url)
            }
        }
    }

    /// Bytes that arrived within `milliseconds`: empty when none did, nil at end of stream.
    func receive(waitingUpTo milliseconds: Int32) throws -> [UInt8]? {
        var attempt = 0
        while true {
            var buffer = [UInt8](repeating: 0, count: 16 * 1024)
            var received = 0
            let code: CURLcode = try lock.withLock { closed in
                if closed { throw ClientError(.webSocket("The live connection is closed.")) }
                return buffer.withUnsafeMutableBytes { tf_curl_easy_recv(handle.raw, $0.baseAddress, $0.count, &received) }
            }
            switch code {
            case CURLE_OK:
                return received == 0 ? nil : Array(buffer[..<received])
            case CURLE_AGAIN:
                // TLS may hold decrypted bytes the fd does not show, so recv is tried before poll.
                if attempt > 0 { return [] }
                attempt += 1
                wait(for: Int16(POLLIN), milliseconds: milliseconds)
            default:
                throw ClientError(.connectionLost(server: ServerAddress.origin(of: url)))
            }
        }
    }

    func close() {
        lock.withLock { $0 = true }
    }

    private func wait(for events: Int16, milliseconds: Int32) {
        var entry = pollfd(fd: descriptor, events: events, revents: 0)
        _ = poll(&entry, 1, milliseconds)
    }
}
