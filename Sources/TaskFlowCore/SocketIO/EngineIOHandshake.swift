/// The data of the Engine.IO open packet: `0{"sid":…,"upgrades":[],"pingInterval":…,…}`.
public struct EngineIOHandshake: Sendable, Equatable {
    public var sid: String
    public var upgrades: [String]
    public var pingInterval: Duration
    public var pingTimeout: Duration
    /// Largest packet the sender accepts, in bytes (older servers leave it out).
    public var maxPayload: Int?

    public init(sid: String, upgrades: [String] = [], pingInterval: Duration, pingTimeout: Duration, maxPayload: Int? = nil) {
        self.sid = sid
        self.upgrades = upgrades
        self.pingInterval = pingInterval
        self.pingTimeout = pingTimeout
        self.maxPayload = maxPayload
    }

    /// Nil unless `json` has a string `sid` and whole-millisecond `pingInterval` and `pingTimeout`.
    init?(json: JSONValue) {
        guard let sid = json["sid"]?.stringValue,
              let interval = json["pingInterval"]?.intValue, interval >= 0,
              let timeout = json["pingTimeout"]?.intValue, timeout >= 0
        else { return nil }
        self.sid = sid
        upgrades = json["upgrades"]?.arrayValue?.compactMap(\.stringValue) ?? []
        pingInterval = .milliseconds(interval)
        pingTimeout = .milliseconds(timeout)
        maxPayload = json["maxPayload"]?.intValue
    }

    var json: JSONValue {
        var object: [String: JSONValue] = [
            "sid": .string(sid), "upgrades": .array(upgrades.map(JSONValue.string)),
            "pingInterval": .int(Self.millis(pingInterval)), "pingTimeout": .int(Self.millis(pingTimeout)),
        ]
        if let maxPayload { object["maxPayload"] = .int(maxPayload) }
        return .object(object)
    }

    private static func millis(_ duration: Duration) -> Int {
        Int(duration.components.seconds) * 1000 + Int(duration.components.attoseconds / 1_000_000_000_000_000)
    }
}
