import Foundation

/// Engine.IO 4 packets as text frames: one type digit, then data.
enum EnginePacket: Equatable {
    case open(pingInterval: Duration, pingTimeout: Duration)
    case close
    case ping
    case pong
    case message(String)
    case other

    init?(_ text: String) {
        guard let type = text.first else { return nil }
        let data = String(text.dropFirst())
        switch type {
        case "0":
            struct Handshake: Decodable { var pingInterval: Int; var pingTimeout: Int }
            guard let handshake = try? JSONDecoder().decode(Handshake.self, from: Data(data.utf8)) else { return nil }
            self = .open(pingInterval: .milliseconds(handshake.pingInterval), pingTimeout: .milliseconds(handshake.pingTimeout))
        case "1": self = .close
        case "2": self = .ping
        case "3": self = .pong
        case "4": self = .message(data)
        case "5", "6": self = .other
        default: return nil
        }
    }
}

/// Socket.IO 5 packets carried in Engine.IO messages, on the default namespace.
enum SocketIOPacket: Equatable {
    case connected
    case connectError(message: String)
    case disconnect
    /// An event's name and its first argument as JSON.
    case event(name: String, payload: Data)
    case other

    init?(_ text: String) {
        guard let type = text.first else { return nil }
        var rest = Substring(text.dropFirst())
        // An optional namespace ("/admin,") and ack id (digits) come before the JSON.
        if rest.first == "/" {
            guard let comma = rest.firstIndex(of: ",") else { return nil }
            guard rest[..<comma] == "/" else { self = .other; return }
            rest = rest[rest.index(after: comma)...]
        }
        rest = rest.drop { $0.isASCII && $0.isNumber }
        switch type {
        case "0": self = .connected
        case "1": self = .disconnect
        case "4":
            struct Failure: Decodable { var message: String? }
            let failure = try? JSONDecoder().decode(Failure.self, from: Data(rest.utf8))
            self = .connectError(message: failure?.message ?? String(rest))
        case "2":
            guard let array = try? JSONSerialization.jsonObject(with: Data(rest.utf8), options: [.fragmentsAllowed]) as? [Any],
                  let name = array.first as? String
            else { return nil }
            let argument: Any = array.count > 1 ? array[1] : NSNull()
            guard let payload = try? JSONSerialization.data(withJSONObject: argument, options: [.fragmentsAllowed]) else { return nil }
            self = .event(name: name, payload: payload)
        case "3", "5", "6": self = .other
        default: return nil
        }
    }

    /// `42["name",arg]` for an event with one string argument.
    static func eventText(_ name: String, _ argument: String) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: [name, argument])) ?? Data()
        return "42" + String(decoding: data, as: UTF8.self)
    }

    /// `40{"token":"…"}`: connect to the default namespace with the access token.
    static func connectText(token: String) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: ["token": token])) ?? Data()
        return "40" + String(decoding: data, as: UTF8.self)
    }
}
