import Foundation
#if canImport(Glibc)
import Glibc
#endif

enum ChildProcess {
    /// SIGKILL, then reap. Not SIGTERM: children spawned from Dispatch worker threads
    /// inherit their blocked signal mask, so SIGTERM may never arrive and waiting would hang.
    static func kill(_ process: Process) {
        guard process.isRunning else { return }
        _ = Glibc.kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }
}
