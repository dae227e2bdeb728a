import TaskFlowCore

/// What the live feed reports.
public enum LiveUpdate: Sendable, Equatable {
    /// A task changed on the server.
    case event(LiveEvent)
    /// The feed's connection changed.
    case state(LiveState)
    /// Events may have been missed (after a reconnect or a switch to polling): reload what
    /// is on screen.
    case resync
    /// A poll found the server's data as shown: the view is current as of now. (Sockets
    /// need no such note: while `live`, the view is current until an event says otherwise.)
    case synced
    /// Where the local copy stands: changes not yet sent, the ids of the tasks kept as
    /// conflicts (oldest first), and whether the last attempt to reach the server failed.
    case localCopy(pending: Int, conflicts: [String], unreachable: Bool)
    /// What the local copy's sync has to say about one change (the server refused it, or
    /// it became a conflict): shown and logged; the connection is as it was.
    case notice(String)
}

/// How live the feed is right now.
public enum LiveState: Sendable, Equatable {
    case connecting
    /// A Socket.IO connection delivers events as they happen.
    case live
    /// The live connection is unavailable (`reason`); changes are found by polling.
    case polling(reason: String)
    /// The server cannot be reached; the next attempt is in `retryIn`.
    case offline(reason: String, retryIn: Duration)
    /// The feed gave up because the session ended; sign in again.
    case stopped(reason: String)
}

/// Tuning for `LiveFeed`.
public struct LiveOptions: Sendable {
    /// Which channels to use. A struct over a private enum so modes can be added.
    public struct Mode: Sendable, Equatable {
        enum Kind: Sendable { case automatic, socketOnly, pollingOnly }
        let kind: Kind
        /// Socket.IO, polling while it is down.
        public static let automatic = Mode(kind: .automatic)
        public static let socketOnly = Mode(kind: .socketOnly)
        public static let pollingOnly = Mode(kind: .pollingOnly)
    }

    public var mode: Mode = .automatic
    public var backoff = Backoff()
    /// The shortest poll interval; it grows when the rate-limit budget runs low.
    public var pollInterval: Duration = .seconds(5)
    /// Emit `join-room` after connecting, as the production design's client does.
    public var joinRoom = true
    public var transport = TransportOptions()

    public init() {}
}
