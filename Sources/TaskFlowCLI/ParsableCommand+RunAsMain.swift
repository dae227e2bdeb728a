import ArgumentParser

extension ParsableCommand {
    /// Parses the arguments and runs the chosen command, async or not. `main.swift` cannot
    /// use `@main`, and a plain `main()` call from there resolves to the synchronous
    /// overload, so the executable calls this.
    public static func runAsMain(_ arguments: [String]? = nil) async -> Never {
        do {
            var command = try parseAsRoot(arguments)
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
            exit()
        } catch {
            UsageFailure.exit(self, error: error, arguments: arguments ?? Array(CommandLine.arguments.dropFirst()))
        }
    }
}
