@testable import TaskFlowClient
import XCTest

/// `unix:/path` addresses: the private server of local mode.
final class ServerAddressUnixTests: XCTestCase {
    func testAUnixAddressKeepsItsSpellingAndSendsToLocalhost() throws {
        let address = try ServerAddress("unix:/run/user/1000/taskflow/server.sock")
        XCTAssertEqual(address.description, "unix:/run/user/1000/taskflow/server.sock", "credentials key on this spelling")
        XCTAssertEqual(address.unixSocketPath, "/run/user/1000/taskflow/server.sock")
        XCTAssertEqual(address.apiURL("/tasks").absoluteString, "http://localhost/api/v1/tasks")
        XCTAssertEqual(try ServerAddress(address.description), address)
        XCTAssertNotEqual(try ServerAddress("unix:/tmp/other.sock"), address)
        XCTAssertNotEqual(try ServerAddress("http://localhost"), address)
        XCTAssertNil(try ServerAddress("http://localhost").unixSocketPath)
    }

    func testARelativeSocketPathIsRefused() {
        XCTAssertThrowsError(try ServerAddress("unix:server.sock"))
        XCTAssertThrowsError(try ServerAddress("unix:"))
    }
}
