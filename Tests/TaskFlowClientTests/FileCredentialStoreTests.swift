import Foundation
import XCTest
@testable import TaskFlowClient
import TaskFlowTestSupport

/// The credentials file.
final class FileCredentialStoreTests: XCTestCase {
    func withStore(_ body: (FileCredentialStore, TemporaryDirectory) async throws -> Void) async throws {
        let home = try TemporaryDirectory(prefix: "taskflow-creds")
        defer { home.remove() }
        let store = FileCredentialStore.standard(environment: ["HOME": "/nonexistent", "XDG_CONFIG_HOME": home.path])
        try await body(store, home)
    }

    func mode(_ path: String) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }

    /// Lives under $XDG_CONFIG_HOME/taskflow, mode 0600 in a 0700 directory, per server.
    func testLocationModeAndOneEntryPerServer() async throws {
        try await withStore { store, home in
            XCTAssertEqual(store.fileURL.path, home.path + "/taskflow/credentials.json")
            let a = try ServerAddress("http://a.test:1"), b = try ServerAddress("https://B.test")
            try store.save(FakeAPI.credentials(access: "A1", refresh: "R1"), server: a)
            try store.save(FakeAPI.credentials(access: "B1", refresh: "R2"), server: b)
            XCTAssertEqual(try mode(store.fileURL.path), 0o600)
            XCTAssertEqual(try mode(store.directory.path), 0o700)
            XCTAssertEqual(try store.load(server: a)?.accessToken, "A1")
            XCTAssertEqual(try store.load(server: try ServerAddress("https://b.test/"))?.refreshToken, "R2")
            XCTAssertEqual(try store.defaultServer(), b)
            try store.remove(server: b)
            XCTAssertNil(try store.load(server: b))
            XCTAssertNotNil(try store.load(server: a))
            let leftovers = try FileManager.default.contentsOfDirectory(atPath: store.directory.path).filter { $0.contains(".tmp-") }
            XCTAssertEqual(leftovers, [])
        }
    }

    func testFileOthersCanReadIsRefusedWithTheChmodThatFixesIt() async throws {
        try await withStore { store, _ in
            let server = try ServerAddress("http://a.test:1")
            try store.save(FakeAPI.credentials(access: "A1", refresh: "R1"), server: server)
            chmod(store.fileURL.path, 0o644)
            do {
                _ = try store.load(server: server)
                XCTFail("a 0644 credentials file was used")
            } catch let error as ClientError {
                XCTAssertTrue(error.message.contains("chmod 600 \(store.fileURL.path)"), error.message)
                XCTAssertTrue(error.message.contains("mode 644"), error.message)
            }
            chmod(store.fileURL.path, 0o600)
            XCTAssertEqual(try store.load(server: server)?.accessToken, "A1")
        }
    }

    func testDamagedFileIsReportedNotOverwritten() async throws {
        try await withStore { store, _ in
            try FileManager.default.createDirectory(at: store.directory, withIntermediateDirectories: true)
            _ = FileManager.default.createFile(atPath: store.fileURL.path, contents: Data("{\"version\":1,\"servers\":{\"x\":".utf8),
                                               attributes: [.posixPermissions: 0o600])
            let server = try ServerAddress("http://a.test:1")
            XCTAssertThrowsError(try store.load(server: server)) { error in
                XCTAssertTrue("\(error)".contains("damaged") && "\(error)".contains("taskflow login"), "\(error)")
            }
            XCTAssertThrowsError(try store.save(FakeAPI.credentials(access: "A", refresh: "R"), server: server)) { error in
                XCTAssertTrue(error is ClientError, "\(error)")
            }
            XCTAssertEqual(try String(contentsOf: store.fileURL, encoding: .utf8), "{\"version\":1,\"servers\":{\"x\":")
        }
    }

    func testTokensNeverAppearInDescriptions() {
        let text = "\(FakeAPI.credentials(access: "secret-access", refresh: "secret-refresh"))"
        XCTAssertFalse(text.contains("secret"), text)
    }

    func testRefreshLockExcludesASecondHolderUntilTheFirstIsDone() async throws {
        try await withStore { store, _ in
            let other = FileCredentialStore(directory: store.directory)
            let started = ContinuousClock.now
            let holding = AsyncQueue<Void>()
            async let first: Void = store.withRefreshLock {
                holding.push(())
                try await Task.sleep(for: .milliseconds(300))  // how long the first holder keeps it
            }
            _ = await holding.next(within: .seconds(5))
            let waited = try await other.withRefreshLock { ContinuousClock.now - started }
            try await first
            XCTAssertGreaterThanOrEqual(waited, .milliseconds(300))
        }
    }
}
