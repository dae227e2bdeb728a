// libFuzzer target: the one Socket.IO/Engine.IO wire codec (TaskFlowCore), as both the
// server and the client read text frames. Anything decodes or is refused with an error;
// whatever decodes encodes back to text that decodes to the same packet.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSocketIO(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
    if let engine = try? EngineIOPacket(decoding: text) {
        guard (try? EngineIOPacket(decoding: engine.encoded)) == engine else {
            fatalError("Engine.IO \(text.debugDescription) → \(engine.encoded.debugDescription) does not decode back")
        }
    }
    if let packet = try? SocketIOPacket(decoding: text) {
        guard (try? SocketIOPacket(decoding: packet.encoded)) == packet else {
            fatalError("Socket.IO \(text.debugDescription) → \(packet.encoded.debugDescription) does not decode back")
        }
        if let event = try? LiveEvent(packet) { _ = event }
    }
    return 0
}
