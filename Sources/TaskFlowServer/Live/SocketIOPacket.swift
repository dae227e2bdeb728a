import Foundation

/// The Engine.IO 4 / Socket.IO 5 text packets this server reads.
/// `4` is an Engine.IO message carrying a Socket.IO packet: `40` connect, `41` disconnect,
/// `42` event (optionally with an ack id: `4217[...]`).
enum SocketIOPacket: Equatable {
    case ping
    case pong
    case close
    case connect(namespace: String, auth: [String: Any]?)
    case disconnect
    case event(name: String, arguments: [Any], ackID: Int?)
    case ignored

    static func == (lhs: SocketIOPacket, rhs: SocketIOPacket) -> Bool {
        String(describing: lhs) == String(describing: rhs)
    }

    static func parse(_ text: String) -> SocketIOPacket {
        var rest = Substring(text)
        guard let engineType = rest.popFirst() else { return .ignored }
        switch engineType {
        case "1": return .close
        case "2": return .ping
        case "3": return .pong
        case "4": break
        default: return .ignored
        }
        guard let socketType = rest.popFirst() else { return .ignored }
        var namespace = "/"
        if rest.hasPrefix("/") {
            let end = rest.firstIndex(of: ",") ?? rest.endIndex
            namespace = String(rest[..<end])
            rest = end < rest.endIndex ? rest[rest.index(after: end)...] : ""
        }
        switch socketType {
        case "0":
            let auth = rest.isEmpty ? nil : (try? JSONSerialization.jsonObject(with: Data(rest.utf8))) as? [String: Any]
            return .connect(namespace: namespace, auth: auth)
        case "1":
            return .disconnect
        case "2":
            let digits = rest.prefix(while: \.isNumber)
            let ackID = Int(digits)
            rest = rest.dropFirst(digits.count)
            guard let array = (try? JSONSerialization.jsonObject(with: Data(rest.utf8))) as? [Any],
                  let name = array.first as? String
            else { return .ignored }
            return .event(name: name, arguments: Array(array.dropFirst()), ackID: ackID)
        default:
            return .ignored
        }
    }

    /// `42["name",payload]` for an event whose payload is already JSON text.
    static func event(_ name: String, payloadJSON: String) -> String {
        let quotedName = String(decoding: (try? JSONSerialization.data(withJSONObject: [name])) ?? Data("[\"\"]".utf8), as: UTF8.self)
        return "42" + quotedName.dropLast() + "," + payloadJSON + "]"
    }

    static func connectError(_ message: String) -> String {
        let body = (try? JSONSerialization.data(withJSONObject: ["message": message])) ?? Data("{}".utf8)
        return "44" + String(decoding: body, as: UTF8.self)
    }
}
