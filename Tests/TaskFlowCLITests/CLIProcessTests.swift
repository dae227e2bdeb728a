import Testing

/// The `taskflow` binary against real servers, one test at a time (see the client tests'
/// `RealProcessTests` for why).
@Suite("taskflow binary", .serialized)
enum CLIProcessTests {}
