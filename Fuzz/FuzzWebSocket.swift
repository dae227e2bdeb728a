// libFuzzer target: bytes from a WebSocket server as the client reads them — frames cut
// from the stream and messages assembled (the Socket.IO text inside is `socketio`'s).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzWebSocket(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let input = UnsafeBufferPointer(start: bytes, count: count)
    var decoder = WebSocketFrameDecoder(maxFrameSize: 1 << 16)
    var assembler = WebSocketMessageAssembler(maxMessageSize: 1 << 16)
    // Feed in two pieces, as a socket would deliver them.
    let cut = count / 2
    decoder.append(input[..<cut])
    decoder.append(input[cut...])
    while let frame = try? decoder.next() {
        // Control frames are answered by the connection and never reach the assembler.
        guard !frame.opcode.isControl else { continue }
        guard let message = try? assembler.add(frame) else { continue }
        if case .text(let text) = message { _ = text.utf8.count }
    }
    return 0
}
