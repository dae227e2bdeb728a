import Foundation

/// Frame timings for `bench/tui.sh`, written when `TASKFLOW_FRAME_LOG` names a file:
/// `first-frame <unix ms>` once the list and stats are on screen, then
/// `key <ms from key to frame>` for every key.
public final class FrameLog {
    private let handle: FileHandle?
    private var wroteFirstFrame = false

    public init(path: String?) {
        guard let path, !path.isEmpty, FileManager.default.createFile(atPath: path, contents: nil) else {
            handle = nil
            return
        }
        handle = FileHandle(forWritingAtPath: path)
    }

    public var isEnabled: Bool { handle != nil }

    /// Records the first frame that shows both tasks and stats.
    public func frameDrawn(_ state: AppState) {
        guard let handle, !wroteFirstFrame, state.tasks.isLoaded, state.stats != nil else { return }
        wroteFirstFrame = true
        let millis = Int(Date().timeIntervalSince1970 * 1000)
        handle.write(Data("first-frame \(millis)\n".utf8))
    }

    public func keyHandled(after elapsed: Duration) {
        guard let handle else { return }
        let micros = elapsed.components.seconds * 1_000_000 + elapsed.components.attoseconds / 1_000_000_000_000
        handle.write(Data(String(format: "key %.3f\n", Double(micros) / 1000).utf8))
    }
}
