import Foundation

/// Files only the server's user may read, 0600 from their first byte: created by `open`
/// with that mode (the umask can only take bits away), never chmod-ed after writing.
enum PrivateFile {
    /// Creates an empty file at `path` unless one is there already.
    static func createIfMissing(_ path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        if fd < 0 {
            guard errno == EEXIST else { throw failure(path) }
            return
        }
        close(fd)
    }

    /// Writes `data` to a new file at `path`, flushed to disk; fails if `path` exists.
    static func write(_ data: Data, to path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw failure(path) }
        defer { close(fd) }
        let written = data.withUnsafeBytes { Foundation.write(fd, $0.baseAddress, $0.count) }
        guard written == data.count, fsync(fd) == 0 else { throw failure(path) }
    }

    private static func failure(_ path: String) -> ConfigurationError {
        ConfigurationError("cannot create \(path): \(String(cString: strerror(errno)))")
    }
}
