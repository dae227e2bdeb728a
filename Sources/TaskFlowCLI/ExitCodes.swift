import ArgumentParser
import TaskFlowClient

/// The documented exit codes (also in `man taskflow` and `taskflow --help`).
enum ExitCodes {
    static let failure: Int32 = 1
    static let auth: Int32 = 3
    static let notFound: Int32 = 4
    static let network: Int32 = 5
    static let rateLimited: Int32 = 6
    /// ArgumentParser's own code for bad usage (EX_USAGE); also used for input the server rejects.
    static let usage: Int32 = ExitCode.validationFailure.rawValue

    static func code(for error: ClientError) -> Int32 {
        switch error.category {
        case .auth: auth
        case .notFound: notFound
        case .network: network
        case .rateLimited: rateLimited
        case .invalidInput: usage
        default: failure
        }
    }

    static let summary = """
        EXIT CODES
          0   success
          1   failure not listed below (server error, version conflict,
              local file problem)
          3   not logged in, wrong credentials, or the session has ended
          4   task not found
          5   the server could not be reached (refused, DNS, TLS, timeout)
          6   rate limited by the server
          64  bad usage, input the server rejected as invalid, or a
              task id too short or fitting several tasks
        """
}
