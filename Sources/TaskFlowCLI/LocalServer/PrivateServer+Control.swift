import Foundation
import TaskFlowCore
#if canImport(Glibc)
import Glibc
#endif

/// What `taskflow local status` shows.
public struct PrivateServerStatus: Sendable {
    public var pid: pid_t?
    public var startedAt: Date?
}

extension PrivateServer {
    /// The running server's pid and start time, or nil when nothing answers on the socket.
    public func status() -> PrivateServerStatus? {
        guard isAnswering else { return nil }
        let pid = recordedPid()
        let started = pid == nil ? nil : (try? FileManager.default.attributesOfItem(atPath: files.pidFile))?[.modificationDate] as? Date
        return PrivateServerStatus(pid: pid, startedAt: started)
    }

    /// Stops the server (SIGTERM: it closes sockets and finishes requests) and waits until
    /// it is gone, blocking the thread (also used on the way out of a signal). Returns false
    /// when none was running.
    public func stop(timeout: Duration = .seconds(10)) throws -> Bool {
        guard isAnswering else { return false }
        guard let pid = recordedPid() else {
            throw LocalServerError("a server answers on \(files.socket) but \(files.pidFile) does not name it; stop it by hand")
        }
        kill(pid, SIGTERM)
        let deadline = ContinuousClock.now + timeout
        while Self.isAlive(pid) || isAnswering {
            guard ContinuousClock.now < deadline else {
                kill(pid, SIGKILL)
                throw LocalServerError("the private server (pid \(pid)) did not stop within \(timeout); killed it")
            }
            usleep(10_000)
        }
        try? FileManager.default.removeItem(atPath: files.pidFile)
        return true
    }

    /// The pid the launcher wrote, if that process is still a `taskflow-server`: a pid
    /// file outliving its server must never make us signal an unrelated process.
    func recordedPid() -> pid_t? {
        guard let text = try? String(contentsOfFile: files.pidFile, encoding: .utf8),
              let pid = pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines)), pid > 0,
              let commandLine = try? Data(contentsOf: URL(fileURLWithPath: "/proc/\(pid)/cmdline")),
              String(decoding: commandLine, as: UTF8.self).contains(ServerExecutable.name)
        else { return nil }
        return pid
    }

    /// True while the process exists and is not a zombie waiting to be reaped.
    static func isAlive(_ pid: pid_t) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")")
        else { return false }
        return stat[stat.index(close, offsetBy: 2)] != "Z"
    }
}
