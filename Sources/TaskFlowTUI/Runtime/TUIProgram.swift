import Foundation
import TerminalUI

/// The main loop: read a key (with a timeout) → action → `update` → effects → render →
/// send the changed cells to the backend. Results of effects arrive through the inbox and
/// are applied between keys, so the loop never waits on the network.
public final class TUIProgram<Backend: TerminalBackend> {
    public private(set) var state: AppState
    public let backend: Backend
    let runner: EffectRunner
    let inbox: ActionInbox
    let clock: @Sendable () -> Date
    let frameLog: FrameLog
    private var renderer = FrameRenderer()
    private var needsRender = true
    private var lastTick: Date

    /// Report clicks and the wheel (config.toml `mouse = true`). Off by default because
    /// while it is on the terminal no longer selects text for copying.
    public var mouse = false

    /// Runs `$EDITOR` for descriptions; tests give it their own environment.
    public var editor = ExternalEditor()

    /// How long a key read waits before results from the network get a look in.
    public static var pollInterval: Duration { .milliseconds(15) }

    public init(
        backend: Backend, service: any TaskService, state: AppState, frameLog: FrameLog = FrameLog(path: nil),
        clock: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.backend = backend
        self.state = state
        self.clock = clock
        self.frameLog = frameLog
        inbox = ActionInbox(wake: backend.wakeUp)
        runner = EffectRunner(service: service, inbox: inbox, typingPause: service.typingPause)
        lastTick = clock()
    }

    /// Takes over the terminal, runs until the user quits, and always gives it back.
    public func run() throws(TerminalError) {
        try backend.enter()
        if mouse { backend.setMouseReporting(true) }
        defer {
            runner.stop()
            backend.leave()
        }
        start()
        while !state.shouldQuit { step(wait: Self.pollInterval) }
    }

    /// Lays out for the terminal's size and asks for the session.
    public func start() {
        dispatch(.resize(backend.size))
        dispatch(.start)
        renderIfNeeded()
    }

    /// One turn of the loop: at most one key, every result that has arrived, the clock,
    /// then a frame if anything changed.
    public func step(wait: Duration? = .zero) {
        if let key = backend.readKey(timeout: wait) {
            let started = ContinuousClock.now
            if key == .resize {
                renderer.invalidate()
                dispatch(.resize(backend.size))
            } else {
                dispatch(.key(key))
            }
            processInbox()
            renderIfNeeded()
            frameLog.keyHandled(after: ContinuousClock.now - started)
            return
        }
        processInbox()
        let now = clock()
        if now.timeIntervalSince(lastTick) >= 1 || now < lastTick {
            lastTick = now
            dispatch(.tick(now))
        }
        renderIfNeeded()
    }

    public func dispatch(_ action: Action) {
        let effects = update(&state, action)
        needsRender = true
        for effect in effects {
            if case .openEditor(let text, let target) = effect {
                runEditor(on: text, for: target)
            } else if case .copyToClipboard(let text) = effect {
                backend.setClipboard(text)
            } else {
                runner.perform(effect)
            }
        }
    }

    /// Hands the terminal to `$EDITOR` and back; the result comes in as an action, after
    /// the frame is redrawn from scratch.
    private func runEditor(on text: String, for target: EditorTarget) {
        var outcome = EditorOutcome.failed("The editor did not run")
        let editor = self.editor
        backend.handOver { outcome = editor.edit(text) }
        renderer.invalidate()
        inbox.send(.editorClosed(outcome, for: target))
    }

    private func processInbox() {
        for action in inbox.drain() { dispatch(action) }
    }

    private func renderIfNeeded() {
        guard needsRender else { return }
        needsRender = false
        let (frame, cursor) = ScreenView.render(state)
        renderer.present(frame, cursor: cursor, on: backend)
        frameLog.frameDrawn(state)
    }
}
