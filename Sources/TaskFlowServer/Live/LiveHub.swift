import TaskFlowCore

/// Where task changes go after they are stored.
/// One process delivers them itself; several instances relay them through the database.
public protocol LiveEventPublisher: Sendable {
    func publish(_ event: LiveEvent, to userID: String) async
}

/// The sockets of this process, by owner: every open socket of a user gets that user's events.
public actor LiveHub: LiveEventPublisher {
    public struct Subscription: Sendable {
        public let id: Int
        public let userID: String
        public let events: AsyncStream<LiveEvent>
    }

    private var subscribers: [String: [Int: AsyncStream<LiveEvent>.Continuation]] = [:]
    private var nextID = 0

    public init() {}

    public func subscribe(userID: String) -> Subscription {
        nextID += 1
        // A socket that stops reading must not make the hub hold unbounded memory.
        let (stream, continuation) = AsyncStream.makeStream(of: LiveEvent.self, bufferingPolicy: .bufferingNewest(1000))
        subscribers[userID, default: [:]][nextID] = continuation
        return Subscription(id: nextID, userID: userID, events: stream)
    }

    public func unsubscribe(_ subscription: Subscription) {
        subscribers[subscription.userID]?[subscription.id]?.finish()
        subscribers[subscription.userID]?[subscription.id] = nil
        if subscribers[subscription.userID]?.isEmpty == true { subscribers[subscription.userID] = nil }
    }

    public func publish(_ event: LiveEvent, to userID: String) {
        for continuation in subscribers[userID, default: [:]].values {
            continuation.yield(event)
        }
    }

    public var openSubscriptions: Int { subscribers.values.reduce(0) { $0 + $1.count } }

    /// Whether any socket of this process belongs to `userID` (so relayed events for
    /// users with no socket here cost no database read).
    public func isWatched(_ userID: String) -> Bool { subscribers[userID] != nil }
}
