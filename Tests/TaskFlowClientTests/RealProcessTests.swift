import Testing

/// Swift Testing suites that start real processes (taskflow-server, the Python peers) run one
/// test at a time: in parallel on a small CI machine, a busy CPU made "arrives within one second"
/// and heartbeat timeouts fail for reasons that have nothing to do with the client.
/// The XCTest classes of this target run serially anyway; only ServerSessionTests, still on
/// Swift Testing, nests in here. Delete this file when it moves to XCTest.
@Suite("Against real processes", .serialized)
enum RealProcessTests {}
