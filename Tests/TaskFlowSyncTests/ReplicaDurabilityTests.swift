import Foundation
import GRDB
import TaskFlowTestSupport
import XCTest
@testable import TaskFlowSync

/// A change is on disk before the screen shows it: the replica's writer commits with a
/// full fsync (GRDB's WAL set-up turns it down to NORMAL, which syncs only at checkpoints).
final class ReplicaDurabilityTests: XCTestCase {
    func testTheWriterSyncsEveryCommit() throws {
        let directory = try TemporaryDirectory(prefix: "taskflow-durability")
        defer { directory.remove() }
        for _ in 0..<2 {  // a new copy, then the same file opened again
            let replica = try Replica(path: directory.path + "/copy.sqlite", userID: "u1")
            let writer = try replica.pool.write { db in try Int.fetchOne(db, sql: "PRAGMA synchronous") }
            XCTAssertEqual(writer, 2, "PRAGMA synchronous of the writer: 2 is FULL, 1 NORMAL")
        }
    }
}
