import Foundation
import XCTest
@testable import TaskFlowServer

/// API.md, Operations: the files the server creates are 0600 from the first byte.
final class ServerFileModeTests: XCTestCase {
    private static func mode(_ path: String) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        return try XCTUnwrap(attributes[.posixPermissions] as? Int) & 0o777
    }

    func testDatabaseItsWALAndSHMAndTheGeneratedSecretAre0600() async throws {
        // A permissive umask, as a service manager may leave it: modes must not depend on it.
        let previous = umask(0o022)
        defer { umask(previous) }
        try await TestServer.withRouter { client, services in
            _ = try await client.register()
            let database = try unwrap(services.configuration.sqlitePath)
            for path in [database, database + "-wal", database + "-shm", database + ".jwt-secret"] {
                XCTAssertTrue(FileManager.default.fileExists(atPath: path), path)
                check(try Self.mode(path), 0o600, "\(path) is \(String(try Self.mode(path), radix: 8))")
            }
            let leftovers = try FileManager.default.contentsOfDirectory(atPath: (database as NSString).deletingLastPathComponent)
                .filter { $0.contains(".tmp") }
            check(leftovers, [], "no temporary secret file is left behind")
        }
    }

    func testAnExistingDatabaseKeepsWorking() async throws {
        let configuration = TestServer.configuration()
        defer { TestServer.removeDatabase(of: configuration) }
        let first = try await ServerServices(configuration: configuration)
        let user = try await first.store.createUser(name: "Ann", email: "ann@example.com", passwordHash: "h", now: Date())
        let again = try await ServerServices(configuration: configuration)
        check(try await again.store.user(id: user.id), user)
        check(try Self.mode(try unwrap(configuration.sqlitePath)), 0o600)
    }
}
