import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An exclusive `flock` on a lock file, shared by every process that opens the same path.
/// The lock file is never deleted: deleting it would let two processes lock different files.
public final class FileLock {
    private let descriptor: Int32

    private init(descriptor: Int32) { self.descriptor = descriptor }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }

    /// Blocks the calling thread; for locks held for microseconds.
    public static func acquireBlocking(at path: String) throws -> FileLock {
        let fd = try openLockFile(path)
        while flock(fd, LOCK_EX) != 0 {
            if errno == EINTR { continue }
            let error = String(cString: strerror(errno))
            close(fd)
            throw ClientError.credentials("Could not lock \(path): \(error).")
        }
        return FileLock(descriptor: fd)
    }

    /// Waits without blocking a thread, for locks held across network calls.
    public static func acquire(at path: String, timeout: Duration = .seconds(60)) async throws -> FileLock {
        let fd = try openLockFile(path)
        let deadline = ContinuousClock.now + timeout
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR, ContinuousClock.now < deadline else {
                close(fd)
                throw ClientError.credentials("Another taskflow process has held \(path) for over a minute. If none is running, try again.")
            }
            do { try await Task.sleep(for: .milliseconds(10)) } catch {
                close(fd)
                throw error
            }
        }
        return FileLock(descriptor: fd)
    }

    private static func openLockFile(_ path: String) throws -> Int32 {
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            throw ClientError.credentials("Could not open \(path): \(String(cString: strerror(errno))).")
        }
        return fd
    }
}
