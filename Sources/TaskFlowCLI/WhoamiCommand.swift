import ArgumentParser
import Foundation
import TaskFlowClient
import TerminalUI

struct WhoamiCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "whoami",
        abstract: "Show the account you are logged in as."
    )

    @OptionGroup var global: GlobalOptions

    @Flag(help: "Print the API's JSON answer.")
    var json = false

    func run() async throws {
        try await CommandRunner.run {
            let client = try await global.makeClient()
            let response = try await client.me()
            if json { return TerminalOutput.raw(response.body) }
            global.output.line("\(TextSanitizer.sanitize(response.value.name)) <\(TextSanitizer.sanitize(response.value.email))> on \(client.server)")
        }
    }
}
