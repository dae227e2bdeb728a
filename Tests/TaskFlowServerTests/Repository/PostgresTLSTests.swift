import Foundation
import Logging
import NIOSSL
import PostgresNIO
import XCTest
@testable import TaskFlowServer
import TaskFlowTestSupport

/// `sslmode` and `sslrootcert` in DATABASE_URL, read as libpq reads them, against the test
/// cluster, which serves TLS with a certificate made for 127.0.0.1 (`.ci/services`).
final class PostgresTLSTests: XCTestCase {
    private var caFile: String {
        get throws {
            guard let path = ProcessInfo.processInfo.environment["TASKFLOW_TEST_PG_CA"], !path.isEmpty else {
                throw SupportError("TASKFLOW_TEST_PG_CA is not set: run the tests with .ci/test, or `source .ci/services` first")
            }
            return path
        }
    }

    /// A URL of the test cluster with `query` in place of its `sslmode=disable`.
    private func url(_ query: String, database: String = "postgres") throws -> String {
        var parts = try XCTUnwrap(URLComponents(string: try PostgresTestDatabase.baseURL))
        parts.path = "/" + database
        parts.percentEncodedQuery = query
        return try XCTUnwrap(parts.string)
    }

    func testModesAreReadAsLibpqReadsThem() throws {
        let ca = try caFile
        let cases: [(String, PostgresEndpoint.TLSMode, CertificateVerification)] = [
            ("", .prefer, .none),
            ("sslmode=disable", .disable, .none),
            ("sslmode=allow", .allow, .none),
            ("sslmode=prefer", .prefer, .none),
            ("sslmode=require", .require, .none),
            ("sslmode=require&sslrootcert=\(ca)", .require, .noHostnameVerification),
            ("sslmode=verify-ca", .verifyCA, .noHostnameVerification),
            ("sslmode=verify-full&sslrootcert=\(ca)", .verifyFull, .fullVerification),
        ]
        for (query, mode, verification) in cases {
            let endpoint = try PostgresEndpoint(url: try url(query))
            XCTAssertEqual(endpoint.tlsMode, mode, query)
            XCTAssertEqual(endpoint.tlsConfiguration.certificateVerification, verification, query)
        }
        XCTAssertThrowsError(try PostgresEndpoint(url: try url("sslmode=required"))) { error in
            XCTAssertTrue("\(error)".contains("sslmode \"required\" is not one of disable, allow, prefer, require, verify-ca, verify-full"), "\(error)")
        }
        XCTAssertThrowsError(try PostgresEndpoint(url: try url("sslmode=verify-full&sslrootcert=/nonexistent/ca.pem"))) { error in
            XCTAssertTrue("\(error)".contains("/nonexistent/ca.pem"), "\(error)")
        }
    }

    func testEachModeConnectsWithOrWithoutTLSAsAsked() async throws {
        let ca = try caFile
        let database = try await PostgresTestDatabase.create("tls")
        defer { PostgresTestDatabase.drop(database) }
        let name = try XCTUnwrap(URLComponents(string: database)?.path.dropFirst()).description
        for (query, encrypted) in [
            ("sslmode=disable", false), ("sslmode=prefer", true), ("sslmode=require", true),
            ("sslmode=verify-ca&sslrootcert=\(ca)", true), ("sslmode=verify-full&sslrootcert=\(ca)", true),
        ] {
            let store = try await PostgresStore(
                url: try url(query, database: name), pool: PostgresTestDatabase.testPool, logger: PostgresTestDatabase.logger)
            defer { store.shutdown() }
            let ssl = try await store.access { connection in
                let rows = try await connection.query("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()", logger: Logger(label: "test"))
                var answer: Bool?
                for try await (value) in rows.decode(Bool.self) { answer = value }
                return answer
            }
            XCTAssertEqual(ssl, encrypted, query)
        }
    }

    func testACertificateThatIsNotTrustedIsRefusedWithTheReason() async throws {
        // The system's roots do not include the test cluster's own certificate.
        let endpoint = try PostgresEndpoint(url: try url("sslmode=verify-full"))
        do {
            let connection = try await PostgresConnection.connect(
                configuration: try endpoint.connectionConfiguration(), id: 1, logger: Logger(label: "test"))
            try? await connection.close()
            XCTFail("a certificate no root vouches for was accepted")
        } catch {
            XCTAssertTrue("\(String(reflecting: error))".localizedCaseInsensitiveContains("certificate"), String(reflecting: error))
        }
    }

    func testTheStoreStopsAtOnceOnProblemsThatWaitingWillNotCure() async throws {
        for (query, database, expected) in [
            ("sslmode=verify-full", "postgres", "TLS certificate is not trusted"),
            ("sslmode=disable", "taskflow_no_such_database", "database \"taskflow_no_such_database\" does not exist"),
        ] {
            let started = ContinuousClock.now
            do {
                let store = try await PostgresStore(
                    url: try url(query, database: database), pool: PostgresTestDatabase.testPool, logger: PostgresTestDatabase.logger)
                store.shutdown()
                XCTFail("\(query) \(database) opened")
            } catch {
                XCTAssertTrue("\(error)".contains(expected), "\(error)")
            }
            XCTAssertLessThan(ContinuousClock.now - started, .seconds(10), "no 30 s of retrying for \(query)")
        }
    }
}
