import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Whole-file reads and all-or-nothing writes (the credentials here, config.toml's views
/// in the full-screen client).
public enum AtomicFile {
    /// Writes a temporary file beside `path` with `mode`, syncs it, then renames it over
    /// `path`: readers see the old file or the new one, never a mix.
    public static func write(_ data: Data, to path: String, mode: mode_t) throws {
        let temporary = "\(path).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard fd >= 0 else { throw failure("create", temporary) }
        var ok = fchmod(fd, mode) == 0
        ok = ok && data.withUnsafeBytes { bytes in
            var offset = 0
            while offset < bytes.count {
                let n = Glibc.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
                if n < 0 { if errno == EINTR { continue }; return false }
                offset += n
            }
            return true
        }
        ok = ok && fsync(fd) == 0
        let writeError = errno
        close(fd)
        guard ok, rename(temporary, path) == 0 else {
            errno = ok ? errno : writeError
            let error = failure("write", path)
            unlink(temporary)
            throw error
        }
    }

    static func readAll(fd: Int32, path: String) throws -> Data {
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 16 * 1024)
        while true {
            let n = read(fd, &buffer, buffer.count)
            if n < 0 { if errno == EINTR { continue }; throw failure("read", path) }
            if n == 0 { return data }
            data.append(buffer, count: n)
        }
    }

    private static func failure(_ verb: String, _ path: String) -> ClientError {
        ClientError.credentials("Could not \(verb) \(path): \(String(cString: strerror(errno))).")
    }
}
