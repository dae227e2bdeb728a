import Foundation
import Synchronization
import TaskFlowCLI
#if canImport(Glibc)
import Glibc
#endif

/// The clients of one demo, counted by a shared `flock` each holds on a file in the demo
/// directory. The client that can turn its lock exclusive on the way out is the last one:
/// it stops the demo's server and removes the directory, database and all.
final class DemoMembership: Sendable {
    private let descriptor = Mutex<Int32?>(nil)
    let files: LocalServerFiles

    private init(files: LocalServerFiles, descriptor: Int32) {
        self.files = files
        self.descriptor.withLock { $0 = descriptor }
    }

    static func join(_ files: LocalServerFiles) throws -> DemoMembership {
        while true {
            try LocalServerFiles.makePrivateDirectory(files.directory)
            let path = files.directory.appendingPathComponent("clients.lock").path
            let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
            guard descriptor >= 0 else { throw LocalServerError("cannot open \(path): \(String(cString: strerror(errno)))") }
            // Held exclusively only while a last client removes the directory: briefly.
            while flock(descriptor, LOCK_SH) != 0 && errno == EINTR {}
            var status = stat()
            if fstat(descriptor, &status) == 0, status.st_nlink > 0 { return DemoMembership(files: files, descriptor: descriptor) }
            // The last client of the previous demo removed the file while we waited: start afresh.
            close(descriptor)
        }
    }

    /// Leaves the demo (once; later calls do nothing). The last to leave runs `stopServer`
    /// and removes the demo directory.
    func leave(stopServer: () -> Void) {
        guard let descriptor = descriptor.withLock({ value in defer { value = nil }; return value }) else { return }
        if flock(descriptor, LOCK_EX | LOCK_NB) == 0 {
            stopServer()
            try? FileManager.default.removeItem(at: files.directory)
        }
        close(descriptor)
    }
}
