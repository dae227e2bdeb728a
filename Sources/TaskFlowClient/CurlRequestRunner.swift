import CCurl
import Foundation

/// Runs one request on one handle, synchronously. Only `CurlTransport` uses it.
struct CurlRequestRunner {
    let handle: CurlEasyHandle
    let options: TransportOptions
    let cancellation: CancellationFlag

    func run(_ request: HTTPRequest) -> Result<HTTPResponse, ClientError> {
        handle.reset()
        let sink = ResponseSink(limit: options.maxResponseBytes, cancellation: cancellation)
        var headerList: UnsafeMutablePointer<curl_slist>?
        defer { tf_curl_slist_free_all(headerList) }

        configure(request)
        // `Expect: 100-continue` costs a round trip for no benefit against this API.
        for line in request.headers.map({ "\($0.name): \($0.value)" }) + ["Expect:"] {
            headerList = tf_curl_slist_append(headerList, line)
        }
        tf_curl_setopt_slist(handle.raw, CURLOPT_HTTPHEADER, headerList)

        let context = Unmanaged.passRetained(sink)
        defer { context.release() }
        tf_curl_setopt_pointer(handle.raw, CURLOPT_WRITEDATA, context.toOpaque())
        tf_curl_setopt_pointer(handle.raw, CURLOPT_HEADERDATA, context.toOpaque())
        tf_curl_setopt_write_function(handle.raw) { data, size, count, context in
            guard let data, let context else { return 0 }
            let sink = Unmanaged<ResponseSink>.fromOpaque(context).takeUnretainedValue()
            return sink.appendBody(UnsafeRawBufferPointer(start: data, count: size * count)) ? size * count : 0
        }
        tf_curl_setopt_header_function(handle.raw) { data, size, count, context in
            guard let data, let context else { return 0 }
            let sink = Unmanaged<ResponseSink>.fromOpaque(context).takeUnretainedValue()
            sink.appendHeaderLine(UnsafeRawBufferPointer(start: data, count: size * count))
            return size * count
        }

        tf_curl_setopt_pointer(handle.raw, CURLOPT_XFERINFODATA, context.toOpaque())
        handle.set(CURLOPT_NOPROGRESS, 0)
        tf_curl_setopt_progress_function(handle.raw) { context, _, _, _, _ in
            guard let context else { return 0 }
            return Unmanaged<ResponseSink>.fromOpaque(context).takeUnretainedValue().cancellation.isCancelled ? 1 : 0
        }

        let code = tf_curl_easy_perform(handle.raw)
        guard code == CURLE_OK else {
            if code == CURLE_WRITE_ERROR, sink.overflowed {
                let server = ServerAddress.origin(of: request.url)
                return .failure(ClientError(.unexpectedResponse(server: server, status: handle.info(CURLINFO_RESPONSE_CODE),
                                                                 detail: "the answer is larger than \(options.maxResponseBytes >> 20) MB")))
            }
            return .failure(CurlErrorMapping.error(for: code, detail: handle.lastErrorDetail, url: request.url))
        }
        return .success(HTTPResponse(status: handle.info(CURLINFO_RESPONSE_CODE), headers: sink.headers, body: sink.body))
    }

    private func configure(_ request: HTTPRequest) {
        handle.set(CURLOPT_URL, request.url.absoluteString)
        if let path = request.unixSocketPath ?? options.unixSocketPath { handle.set(CURLOPT_UNIX_SOCKET_PATH, path) }
        handle.set(CURLOPT_NOSIGNAL, 1)  // no SIGALRM for DNS timeouts: we are multi-threaded
        handle.set(CURLOPT_CONNECTTIMEOUT_MS, options.connectTimeout.milliseconds)
        handle.set(CURLOPT_TIMEOUT_MS, options.requestTimeout.milliseconds)
        handle.set(CURLOPT_ACCEPT_ENCODING, "")  // every encoding this libcurl can decode
        handle.set(CURLOPT_HTTP_VERSION, Int(CURL_HTTP_VERSION_2TLS))
        handle.set(CURLOPT_USERAGENT, options.userAgent)
        handle.set(CURLOPT_SSL_VERIFYPEER, 1)
        handle.set(CURLOPT_SSL_VERIFYHOST, 2)
        handle.set(CURLOPT_FOLLOWLOCATION, 0)
        handle.set(CURLOPT_TCP_KEEPALIVE, 1)
        if let caFile = options.caFile { handle.set(CURLOPT_CAINFO, caFile) }

        switch request.method {
        case .get:
            handle.set(CURLOPT_HTTPGET, 1)
        default:
            handle.set(CURLOPT_CUSTOMREQUEST, request.method.rawValue)
        }
        if let body = request.body {
            handle.set(CURLOPT_POST, 1)
            if request.method != .post { handle.set(CURLOPT_CUSTOMREQUEST, request.method.rawValue) }
            _ = tf_curl_setopt_off_t(handle.raw, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(body.count))
            body.withUnsafeBytes { bytes in
                // COPYPOSTFIELDS copies now, so the bytes need not outlive this call.
                let pointer = UnsafeMutableRawPointer(mutating: bytes.baseAddress ?? UnsafeRawPointer(bitPattern: 1)!)
                _ = tf_curl_setopt_pointer(handle.raw, CURLOPT_COPYPOSTFIELDS, pointer)
            }
        }
    }
}

/// Collects an answer's header lines and body as libcurl hands them over.
final class ResponseSink {
    private(set) var headers = HTTPHeaders()
    private(set) var body = Data()
    private(set) var overflowed = false
    private let limit: Int
    let cancellation: CancellationFlag

    init(limit: Int, cancellation: CancellationFlag) {
        self.limit = limit
        self.cancellation = cancellation
    }

    func appendBody(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard body.count + bytes.count <= limit else {
            overflowed = true
            return false
        }
        body.append(contentsOf: bytes)
        return true
    }

    func appendHeaderLine(_ bytes: UnsafeRawBufferPointer) {
        let line = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        if line.hasPrefix("HTTP/") {
            headers = HTTPHeaders()  // a new status line (after 100 Continue) starts afresh
            return
        }
        guard let colon = line.firstIndex(of: ":") else { return }
        let name = String(line[..<colon]).trimmingCharacters(in: .whitespaces)
        let value = String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespaces)
        headers.add(name, value)
    }
}
