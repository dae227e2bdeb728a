import Testing

/// Suites that start real processes (taskflow-server, the Python peers) run one test at a
/// time: in parallel on a small CI machine, a busy CPU made "arrives within one second"
/// and heartbeat timeouts fail for reasons that have nothing to do with the client.
@Suite("Against real processes", .serialized)
enum RealProcessTests {}
