import ArgumentParser
import Foundation
import TaskFlowClient
import TaskFlowCore
import TerminalUI

struct WatchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Print task changes as they happen, one per line, until interrupted.",
        discussion: """
            Uses the live Socket.IO channel and falls back to polling while it is down. Connection \
            changes go to stderr. With --json each line is {"event": NAME, "data": PAYLOAD} with the \
            API's event names and payloads, and {"event":"resync"} after a gap in which events may \
            have been missed.
            """
    )

    @OptionGroup var global: GlobalOptions

    @Flag(help: "One JSON object per line.")
    var json = false

    @Flag(help: "Poll instead of using the live channel.")
    var poll = false

    func run() async throws {
        try await CommandRunner.run {
            let client = try await global.makeClient()
            guard await client.session.isSignedIn else { throw ClientError.notLoggedIn(client.server) }
            var options = LiveOptions()
            options.mode = poll ? .pollingOnly : .automatic
            options.transport.caFile = global.settings().transport.caFile
            let output = global.output
            for await update in LiveFeed(client: client, options: options).updates() {
                switch update {
                case .event(let event):
                    if json {
                        print("{\"event\":\"\(event.name)\",\"data\":\(try event.payloadJSON())}")
                    } else {
                        print(Self.describe(event, output: output))
                    }
                case .resync:
                    if json { print("{\"event\":\"resync\"}") } else { TerminalOutput.error("(reconnected: some changes may have been missed)") }
                case .synced, .localCopy, .notice:
                    continue  // nothing changed (and the feed keeps no local copy): nothing to print
                case .state(let state):
                    TerminalOutput.error(Self.describe(state))
                    if case .stopped(let reason) = state { throw CommandFailure(message: reason, code: ExitCodes.auth) }
                }
                fflush(nil)  // one line at a time even into a pipe
            }
        }
    }

    static func describe(_ event: LiveEvent, output: TerminalOutput) -> String {
        let time = String(Timestamp.format(Date()).dropFirst(11).prefix(8))
        switch event {
        case .created(let task): return "\(time) \(output.paint("created", .green)) \(TextSanitizer.sanitize(task.id)) \(TextSanitizer.sanitize(task.title))"
        case .updated(let task):
            return "\(time) \(output.paint("updated", .yellow)) \(TextSanitizer.sanitize(task.id)) \(TextSanitizer.sanitize(task.title)) [\(task.status.rawValue), \(task.priority.rawValue)]"
        case .deleted(let id, _): return "\(time) \(output.paint("deleted", .red)) \(id)"
        }
    }

    static func describe(_ state: LiveState) -> String {
        switch state {
        case .connecting: "# connecting"
        case .live: "# live"
        case .polling(let reason): "# polling (\(reason))"
        case .offline(let reason, let retryIn): "# offline: \(reason) (retrying in \(retryIn.formatted(.units(allowed: [.seconds], width: .narrow))))"
        case .stopped(let reason): "# stopped: \(reason)"
        }
    }
}
