import Foundation
import TaskFlowCore

/// Readies the path of `LISTEN=unix:PATH` before binding: its directory made 0700 when
/// missing, and a socket file left by a server that died removed, but only after checking
/// that nothing answers on it, so a second server never steals a live one's socket.
public enum UnixSocketPlace {
    public static func prepare(_ path: String) throws(ConfigurationError) {
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty, !FileManager.default.fileExists(atPath: directory) {
            do {
                try FileManager.default.createDirectory(
                    atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            } catch {
                throw ConfigurationError("cannot create the socket directory \(directory): \(error.localizedDescription)")
            }
        }
        var status = stat()
        guard lstat(path, &status) == 0 else { return }
        guard status.st_mode & S_IFMT == S_IFSOCK else {
            throw ConfigurationError("LISTEN=unix:\(path): the file exists and is not a socket")
        }
        if UnixSocketProbe.answers(path) {
            throw ConfigurationError("LISTEN=unix:\(path): another server is already listening there")
        }
        unlink(path)
    }

    /// Sets a umask that leaves the socket about to be bound 0600, so it is never reachable
    /// by others, not even for a moment; returns what puts the old umask back once bound.
    public static func privateUmask() -> @Sendable () -> Void {
        let previous = umask(0o177)
        return { umask(previous) }
    }
}
