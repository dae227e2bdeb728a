/// Every open socket of this process, so shutdown can close each with 1001 (going away)
/// before the server stops; the WebSocket library's own shutdown path would say 1000.
public actor OpenSockets {
    public typealias Closer = @Sendable () async -> Void

    private var closers: [Int: Closer] = [:]
    private var nextID = 0

    public init() {}

    func register(_ closer: @escaping Closer) -> Int {
        nextID += 1
        closers[nextID] = closer
        return nextID
    }

    func unregister(_ id: Int) { closers[id] = nil }

    public var count: Int { closers.count }

    /// Closes every socket and waits until each close frame is written.
    public func closeAll() async {
        let all = Array(closers.values)
        closers.removeAll()
        await withTaskGroup(of: Void.self) { group in
            for close in all { group.addTask { await close() } }
        }
    }
}
