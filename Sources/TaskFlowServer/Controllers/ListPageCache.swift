import NIOCore
import Synchronization

/// Recently served list pages, keyed by user, change counter, query (and the minute for
/// clock-dependent filters) — everything the body depends on, the same things the ETag
/// pins. Any change moves the user's counter, so a stale page is never found; a page read
/// just after the counter may show a newer state than its key, which is what an uncached
/// answer read at that moment would show too. Bounded by bytes: when full it starts over.
final class ListPageCache: Sendable {
    private struct Pages {
        var bodies: [String: ByteBuffer] = [:]
        var bytes = 0
    }

    private let pages = Mutex(Pages())
    private let byteBudget: Int

    init(byteBudget: Int = 16 << 20) { self.byteBudget = byteBudget }

    func page(for key: String) -> ByteBuffer? { pages.withLock { $0.bodies[key] } }

    func remember(_ body: ByteBuffer, for key: String) {
        let size = body.readableBytes + key.utf8.count
        guard size <= byteBudget / 4 else { return }
        pages.withLock {
            if $0.bytes + size > byteBudget { $0 = Pages() }
            if let old = $0.bodies.updateValue(body, forKey: key) { $0.bytes -= old.readableBytes + key.utf8.count }
            $0.bytes += size
        }
    }

    var storedBytes: Int { pages.withLock { $0.bytes } }
}
