import Foundation
import TaskFlowCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Sessions in `$XDG_CONFIG_HOME/taskflow/credentials.json` (default `~/.config/taskflow`),
/// one entry per server. The file is mode 0600 and replaced atomically (write a temporary
/// file, fsync, rename), so a crash never leaves half a file. Like ssh with a private key,
/// it refuses a file other users can read.
public struct FileCredentialStore: CredentialStore {
    public let directory: URL
    public var fileURL: URL { directory.appendingPathComponent("credentials.json") }
    private var writeLockPath: String { fileURL.path + ".lock" }
    private var refreshLockPath: String { directory.appendingPathComponent("refresh.lock").path }

    public init(directory: URL) { self.directory = directory }

    /// The XDG location for the given environment.
    public static func standard(environment: [String: String] = ProcessInfo.processInfo.environment) -> FileCredentialStore {
        FileCredentialStore(directory: XDGDirectories(environment: environment).config.appendingPathComponent("taskflow"))
    }

    struct Contents: Codable {
        var version = 1
        var defaultServer: String?
        var servers: [String: Credentials] = [:]
    }

    public func load(server: ServerAddress) throws -> Credentials? {
        try read().servers[server.description]
    }

    public func defaultServer() throws -> ServerAddress? {
        try read().defaultServer.flatMap { try? ServerAddress($0) }
    }

    public func save(_ credentials: Credentials, server: ServerAddress) throws {
        try update {
            $0.servers[server.description] = credentials
            $0.defaultServer = server.description
        }
    }

    public func remove(server: ServerAddress) throws {
        guard FileManager.default.fileExists(atPath: fileURL.path) else { return }
        try update {
            $0.servers[server.description] = nil
            if $0.defaultServer == server.description { $0.defaultServer = nil }
        }
    }

    public func withRefreshLock<T: Sendable>(_ body: @Sendable () async throws -> T) async throws -> T {
        try createDirectory()
        let lock = try await FileLock.acquire(at: refreshLockPath)
        defer { withExtendedLifetime(lock) {} }
        return try await body()
    }

    // MARK: file access

    private func update(_ change: (inout Contents) -> Void) throws {
        try createDirectory()
        let lock = try FileLock.acquireBlocking(at: writeLockPath)
        defer { withExtendedLifetime(lock) {} }
        var contents = try read()
        change(&contents)
        let data = try TaskFlowJSON.encoder(pretty: true).encode(contents)
        try AtomicFile.write(data, to: fileURL.path, mode: 0o600)
    }

    func read() throws -> Contents {
        let path = fileURL.path
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 {
            if errno == ENOENT { return Contents() }
            throw ClientError.credentials("Could not read \(path): \(String(cString: strerror(errno))).")
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            throw ClientError.credentials("Could not read \(path): \(String(cString: strerror(errno))).")
        }
        if info.st_uid != geteuid() {
            throw ClientError.credentials("\(path) belongs to another user. Remove it, or run `chown $(id -un) \(path)`, then try again.")
        }
        if info.st_mode & 0o077 != 0 {
            let mode = String(info.st_mode & 0o777, radix: 8)
            throw ClientError.credentials("\(path) can be read by other users (mode \(mode)), so taskflow will not use it. Run `chmod 600 \(path)` and try again.")
        }
        let data = try AtomicFile.readAll(fd: fd, path: path)
        if data.isEmpty { return Contents() }
        do {
            return try TaskFlowJSON.decode(Contents.self, from: data)
        } catch {
            throw ClientError.credentials("\(path) is damaged and cannot be read. Delete it and run `taskflow login` again.")
        }
    }

    private func createDirectory() throws {
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        } catch {
            throw ClientError.credentials("Could not create \(directory.path): \(error.localizedDescription)")
        }
    }
}
