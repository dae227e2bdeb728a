import Foundation
import Testing
@testable import TaskFlowClient
import TaskFlowTestSupport

@Suite("Credentials file")
struct FileCredentialStoreTests {
    func withStore(_ body: (FileCredentialStore, TemporaryDirectory) async throws -> Void) async throws {
        let home = try TemporaryDirectory(prefix: "taskflow-creds")
        defer { home.remove() }
        let store = FileCredentialStore.standard(environment: ["HOME": "/nonexistent", "XDG_CONFIG_HOME": home.path])
        try await body(store, home)
    }

    func mode(_ path: String) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }

    @Test("lives under $XDG_CONFIG_HOME/taskflow, mode 0600 in a 0700 directory, per server")
    func locationAndMode() async throws {
        try await withStore { store, home in
            #expect(store.fileURL.path == home.path + "/taskflow/credentials.json")
            let a = try ServerAddress("http://a.test:1"), b = try ServerAddress("https://B.test")
            try store.save(FakeAPI.credentials(access: "A1", refresh: "R1"), server: a)
            try store.save(FakeAPI.credentials(access: "B1", refresh: "R2"), server: b)
            #expect(try mode(store.fileURL.path) == 0o600)
            #expect(try mode(store.directory.path) == 0o700)
            #expect(try store.load(server: a)?.accessToken == "A1")
            #expect(try store.load(server: try ServerAddress("https://b.test/"))?.refreshToken == "R2")
            #expect(try store.defaultServer() == b)
            try store.remove(server: b)
            #expect(try store.load(server: b) == nil)
            #expect(try store.load(server: a) != nil)
            let leftovers = try FileManager.default.contentsOfDirectory(atPath: store.directory.path).filter { $0.contains(".tmp-") }
            #expect(leftovers.isEmpty)
        }
    }

    @Test("a file others can read is refused with the chmod that fixes it")
    func refusesReadableFile() async throws {
        try await withStore { store, _ in
            let server = try ServerAddress("http://a.test:1")
            try store.save(FakeAPI.credentials(access: "A1", refresh: "R1"), server: server)
            chmod(store.fileURL.path, 0o644)
            do {
                _ = try store.load(server: server)
                Issue.record("a 0644 credentials file was used")
            } catch let error as ClientError {
                #expect(error.message.contains("chmod 600 \(store.fileURL.path)"))
                #expect(error.message.contains("mode 644"))
            }
            chmod(store.fileURL.path, 0o600)
            #expect(try store.load(server: server)?.accessToken == "A1")
        }
    }

    @Test("a damaged file is reported, not overwritten")
    func corruptFile() async throws {
        try await withStore { store, _ in
            try FileManager.default.createDirectory(at: store.directory, withIntermediateDirectories: true)
            _ = FileManager.default.createFile(atPath: store.fileURL.path, contents: Data("{\"version\":1,\"servers\":{\"x\":".utf8),
                                           attributes: [.posixPermissions: 0o600])
            let server = try ServerAddress("http://a.test:1")
            #expect { try store.load(server: server) } throws: { "\($0)".contains("damaged") && "\($0)".contains("taskflow login") }
            #expect(throws: ClientError.self) { try store.save(FakeAPI.credentials(access: "A", refresh: "R"), server: server) }
            #expect(try String(contentsOf: store.fileURL, encoding: .utf8) == "{\"version\":1,\"servers\":{\"x\":")
        }
    }

    @Test("tokens never appear in descriptions")
    func redaction() {
        let text = "\(FakeAPI.credentials(access: "secret-access", refresh: "secret-refresh"))"
        #expect(!text.contains("secret"))
    }

    @Test("the refresh lock excludes a second holder until the first is done")
    func refreshLock() async throws {
        try await withStore { store, _ in
            let other = FileCredentialStore(directory: store.directory)
            let started = ContinuousClock.now
            async let first: Void = store.withRefreshLock { try await Task.sleep(for: .milliseconds(300)) }
            try await Task.sleep(for: .milliseconds(50))
            let waited = try await other.withRefreshLock { ContinuousClock.now - started }
            try await first
            #expect(waited >= .milliseconds(300))
        }
    }
}
