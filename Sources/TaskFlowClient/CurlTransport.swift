import CCurl
import Foundation
import Synchronization

/// HTTP over libcurl: keep-alive connections reused between requests, HTTP/2 where the
/// server offers it over TLS, compressed answers, certificates verified, proxies from the
/// usual `http_proxy`/`https_proxy`/`no_proxy` variables (libcurl reads them itself).
///
/// `curl_easy_perform` blocks, so each request runs on a Dispatch worker thread, never on
/// the caller's thread or Swift's cooperative pool. Cancelling the calling task aborts the
/// transfer at libcurl's next progress check and throws `CancellationError`.
public final class CurlTransport: HTTPTransport {
    public let options: TransportOptions
    private let idleHandles = Mutex<[CurlEasyHandle]>([])
    private static let maxIdleHandles = 4

    /// libcurl is loaded and initialised by the first request (`CurlEasyHandle`), not here:
    /// a screen that starts from its local copy draws before it.
    public init(options: TransportOptions = TransportOptions()) {
        self.options = options
    }

    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        let handle = try checkOut()
        let options = self.options
        let cancellation = CancellationFlag()
        let result: Result<HTTPResponse, ClientError> = await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                DispatchQueue.global(qos: .userInitiated).async {
                    continuation.resume(returning: CurlRequestRunner(handle: handle, options: options, cancellation: cancellation).run(request))
                }
            }
        } onCancel: {
            cancellation.cancel()
        }
        checkIn(handle)
        if cancellation.isCancelled { throw CancellationError() }
        return try result.get()
    }

    private func checkOut() throws -> CurlEasyHandle {
        if let handle = idleHandles.withLock({ $0.popLast() }) { return handle }
        guard let handle = CurlEasyHandle() else {
            throw ClientError(.network(server: "libcurl", detail: CurlGlobal.loadError ?? "could not create a curl handle"))
        }
        return handle
    }

    private func checkIn(_ handle: CurlEasyHandle) {
        idleHandles.withLock { handles in
            if handles.count < Self.maxIdleHandles { handles.append(handle) }
        }
    }
}

/// Set from a task-cancellation handler, read by libcurl's progress callback on the worker.
final class CancellationFlag: Sendable {
    private let flag = Atomic<Bool>(false)
    func cancel() { flag.store(true, ordering: .relaxed) }
    var isCancelled: Bool { flag.load(ordering: .relaxed) }
}
