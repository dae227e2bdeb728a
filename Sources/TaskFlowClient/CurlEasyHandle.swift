import CCurl
import Foundation

/// Owns one `CURL *`. Reusing a handle reuses its connection cache, so keep-alive
/// connections survive between requests.
///
/// `@unchecked Sendable`: libcurl forbids using a handle from two threads at once; the
/// transport's pool hands each handle to exactly one request at a time, and the WebSocket
/// serialises all calls through its own lock.
final class CurlEasyHandle: @unchecked Sendable {
    let raw: UnsafeMutableRawPointer
    /// libcurl writes a readable detail for the last failure here.
    let errorBuffer: UnsafeMutablePointer<CChar>

    init?() {
        CurlGlobal.ensure()
        guard let raw = tf_curl_easy_init() else { return nil }
        self.raw = raw
        errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
    }

    deinit {
        tf_curl_easy_cleanup(raw)
        errorBuffer.deallocate()
    }

    /// Clears every option (the connection cache stays) and points the error buffer back here.
    func reset() {
        tf_curl_easy_reset(raw)
        errorBuffer[0] = 0
        _ = tf_curl_setopt_pointer(raw, CURLOPT_ERRORBUFFER, errorBuffer)
    }

    @discardableResult
    func set(_ option: CURLoption, _ value: Int) -> CURLcode { tf_curl_setopt_long(raw, option, value) }

    @discardableResult
    func set(_ option: CURLoption, _ value: String) -> CURLcode { tf_curl_setopt_string(raw, option, value) }

    func info(_ info: CURLINFO) -> Int {
        var value = 0
        _ = tf_curl_getinfo_long(raw, info, &value)
        return value
    }

    var lastErrorDetail: String {
        let text = String(cString: errorBuffer)
        return text.isEmpty ? "" : text
    }
}
