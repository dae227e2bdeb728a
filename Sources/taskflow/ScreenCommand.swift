import ArgumentParser
import CursesBackend
import Foundation
import TaskFlowCLI
import TaskFlowClient
import TaskFlowTUI
import TerminalUI
import TaskFlowSettings

/// `taskflow` with no subcommand: the full-screen client. With no server configured it
/// uses the private server (local mode, as every command does); `--demo` runs one on a
/// throwaway, seeded database.
struct ScreenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ui",
        abstract: "Open the full-screen client (the default when no command is given).",
        discussion: """
            With no server configured (no --server, no TASKFLOW_SERVER, no login saved), taskflow \
            uses your private taskflow-server on a Unix socket, started on demand, with the data \
            under $XDG_DATA_HOME/taskflow/ (taskflow local status). Press ? on the screen for the \
            keys; see taskflow(1).
            """
    )

    @Option(name: .long, help: ArgumentHelp("TaskFlow server URL (default: $TASKFLOW_SERVER, else the last server logged in to, else local mode).", valueName: "url"))
    var server: String?

    @Option(name: .long, help: ArgumentHelp("PEM file of certificate authorities to trust.", valueName: "file"), completion: .file())
    var caFile: String?

    @Flag(name: .long, help: "Use the private local server even when a server is configured.")
    var local = false

    @Flag(name: .long, help: "Try TaskFlow on a throwaway database of a few hundred sample tasks.")
    var demo = false

    @Flag(name: .long, help: "Never use colour (also: the NO_COLOR environment variable).")
    var noColor = false

    @Flag(name: .long, help: "Keep no local copy: read from the server, as on a shared machine (also: cache = false).")
    var noCache = false

    @Option(name: .long, help: ArgumentHelp("Colour theme (default: $TASKFLOW_THEME, else theme in config.toml; list: taskflow themes).", valueName: "name"))
    var theme: String?

    func validate() throws {
        if let server, (try? ServerAddress(server)) == nil {
            throw ValidationError("\(server) is not a server address. Use a URL like http://127.0.0.1:5000.")
        }
        if demo && (local || server != nil) { throw ValidationError("--demo runs its own server; drop --local and --server.") }
    }

    func run() async throws {
        // Say so before starting a local server or seeding a demo for nothing.
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            FileHandle.standardError.write(Data("taskflow: \(TerminalError.notATerminal); for scripts use the commands (taskflow --help)\n".utf8))
            throw ExitCode(64)
        }
        let environment = ProcessInfo.processInfo.environment
        let config = UserConfig.load(environment: environment)
        let screen = ScreenSettings(config: config, themeFlag: theme, noColor: noColor, noCache: noCache, environment: environment)
        // config.toml's server comes after --server and TASKFLOW_SERVER, before the last login.
        let taskflowServer = environment["TASKFLOW_SERVER"] ?? ""
        let settings = ClientSettings(server: server ?? (taskflowServer.isEmpty ? config.server : nil), caFile: caFile, environment: environment)
        let launch: ScreenLaunch
        do {
            if demo {
                launch = try await LocalMode.startDemo(environment: environment, refresh: screen.refresh, cache: screen.cache)
            } else if local || PrivateServer.isDefault(settings: settings) {
                launch = try await LocalMode.start(environment: environment, refresh: screen.refresh, cache: screen.cache)
            } else {
                launch = try ScreenLaunch.remote(settings: settings, refresh: screen.refresh, cache: screen.cache)
            }
        } catch {
            FileHandle.standardError.write(Data("taskflow: \(error)\n".utf8))
            throw ExitCode(1)
        }
        let failure = await ScreenThread.run(launch: launch, settings: screen, environment: environment)
        await launch.shutdown()
        if let failure {
            FileHandle.standardError.write(Data("taskflow: \(failure)\n".utf8))
            throw ExitCode(1)
        }
    }
}
