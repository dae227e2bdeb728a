import Foundation
import HummingbirdWSClient
import Logging
import NIOCore
import TaskFlowTestSupport

/// A raw Socket.IO client for tests: connects a WebSocket, hands every text message to an
/// AsyncStream, and lets the test send packets. What the test sees is what a client sees.
final class SocketIOProbe: Sendable {
    let messages: AsyncStream<String>
    private let continuation: AsyncStream<String>.Continuation
    private let outgoing: AsyncStream<String>
    private let outgoingContinuation: AsyncStream<String>.Continuation
    private let closeFrame: Task<WebSocketCloseFrame?, any Error>

    init(port: Int) {
        (messages, continuation) = AsyncStream.makeStream(of: String.self)
        (outgoing, outgoingContinuation) = AsyncStream.makeStream(of: String.self)
        let continuation = self.continuation
        let outgoing = self.outgoing
        var logger = Logger(label: "probe")
        logger.logLevel = .critical
        closeFrame = Task {
            defer { continuation.finish() }
            return try await WebSocketClient.connect(
                url: "ws://127.0.0.1:\(port)/socket.io/?EIO=4&transport=websocket",
                configuration: .init(maxFrameSize: 1 << 20, autoPing: .disabled), logger: logger
            ) { inbound, outbound, _ in
                try await withThrowingTaskGroup(of: Void.self) { group in
                    group.addTask {
                        for await text in outgoing {
                            if text == "<close>" {
                                try await outbound.close(.normalClosure, reason: nil)
                                return
                            }
                            try await outbound.write(.text(text))
                        }
                    }
                    for try await message in inbound.messages(maxSize: 1 << 20) {
                        if case .text(let text) = message { continuation.yield(text) }
                    }
                    group.cancelAll()
                }
            }
        }
    }

    func send(_ text: String) { outgoingContinuation.yield(text) }

    func close() { outgoingContinuation.yield("<close>") }

    /// How the server closed the socket.
    func closed() async throws -> WebSocketCloseFrame? { try await closeFrame.value }

    /// Opens, checks the Engine.IO open packet and authenticates; returns the open packet.
    @discardableResult
    static func connect(port: Int, token: String, iterator: inout AsyncStream<String>.Iterator, probe: SocketIOProbe) async throws -> [String: Any] {
        guard let open = await iterator.next(), open.hasPrefix("0"),
              let object = try JSONSerialization.jsonObject(with: Data(open.dropFirst().utf8)) as? [String: Any]
        else { throw SupportError("no Engine.IO open packet") }
        probe.send(#"40{"token":"\#(token)"}"#)
        guard let connected = await iterator.next(), connected.hasPrefix("40{") else {
            throw SupportError("CONNECT was not accepted")
        }
        return object
    }
}

/// Opens a socket, sends `connect` after the open packet, and returns everything the
/// server sent after that until it closed the socket.
func answers(toConnect connect: String, port: Int) async -> [String] {
    let probe = SocketIOProbe(port: port)
    var messages = probe.messages.makeAsyncIterator()
    _ = await messages.next()
    probe.send(connect)
    var answers: [String] = []
    while let message = await messages.next() { answers.append(message) }
    return answers
}

/// Answers `count` pings, skipping anything else; returns how many came before the stream ended.
func answerPings(_ count: Int, _ iterator: inout AsyncStream<String>.Iterator, probe: SocketIOProbe) async -> Int {
    var pings = 0
    while pings < count, let message = await iterator.next() {
        if message == "2" {
            pings += 1
            probe.send("3")
        }
    }
    return pings
}

/// The first message for which `match` holds, skipping pings (answered) and anything else,
/// or nil if the stream ends first. The caller bounds the wait with `withTimeout`.
func nextMatching(
    _ iterator: inout AsyncStream<String>.Iterator, probe: SocketIOProbe, _ match: (String) -> Bool
) async -> String? {
    while let message = await iterator.next() {
        if message == "2" { probe.send("3") }
        if match(message) { return message }
    }
    return nil
}

/// Fails a test that waits longer than `seconds` instead of letting it hang.
func withTimeout<T: Sendable>(_ seconds: Double, _ body: @escaping @Sendable () async throws -> T) async throws -> T {
    try await withThrowingTaskGroup(of: T.self) { group in
        group.addTask { try await body() }
        group.addTask {
            try await Task.sleep(for: .milliseconds(Int(seconds * 1000)))
            throw SupportError("timed out after \(seconds) s")
        }
        let value = try await group.next()!
        group.cancelAll()
        return value
    }
}
