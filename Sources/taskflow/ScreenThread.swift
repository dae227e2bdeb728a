import CursesBackend
import Foundation
import TaskFlowTUI
import TerminalUI

/// Runs the UI loop on a thread of its own: it blocks on key reads, which must not tie up
/// one of Swift's few cooperative threads while effects and the local server need them.
enum ScreenThread {
    /// Returns the terminal error that kept the screen from opening, if any.
    static func run(launch: ScreenLaunch, settings: ScreenSettings, environment: [String: String]) async -> TerminalError? {
        await withCheckedContinuation { continuation in
            let thread = Thread {
                var options = CursesBackend.Options()
                options.onTerminationSignal = { _ in launch.emergencyCleanup() }
                let backend = CursesBackend(theme: settings.theme, options: options)
                let now = Date()
                var state = AppState(size: backend.size, now: now, defaultServer: launch.defaultServer, keymap: settings.keymap)
                state.settingsProblems = settings.warnings
                state.views = settings.views
                state.configPath = settings.configPath
                let program = TUIProgram(
                    backend: backend, service: launch.service, state: state,
                    frameLog: FrameLog(path: environment["TASKFLOW_FRAME_LOG"]))
                program.mouse = settings.mouse
                do throws(TerminalError) {
                    try program.run()
                    continuation.resume(returning: nil)
                } catch {
                    continuation.resume(returning: error)
                }
            }
            thread.stackSize = 8 << 20
            thread.start()
        }
    }
}
