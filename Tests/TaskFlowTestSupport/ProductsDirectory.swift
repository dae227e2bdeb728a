import Foundation

/// Finds executables built with the tests. CI builds the whole package, so `taskflow` and
/// `taskflow-server` sit in the same build products directory as the test bundle;
/// `TASKFLOW_SERVER_BIN` / `TASKFLOW_BIN` point elsewhere when needed.
public enum ProductsDirectory {
    public static var url: URL {
        // /proc/self/exe is the test runner binary (…/debug/TaskFlowPackageTests.xctest).
        let runner = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        return runner.deletingLastPathComponent()
    }

    public static func executable(_ name: String, overrideVariable: String) throws -> URL {
        if let path = ProcessInfo.processInfo.environment[overrideVariable], !path.isEmpty {
            guard FileManager.default.isExecutableFile(atPath: path) else {
                throw SupportError("\(overrideVariable)=\(path) is not an executable file.")
            }
            return URL(fileURLWithPath: path)
        }
        let candidate = url.appendingPathComponent(name)
        guard FileManager.default.isExecutableFile(atPath: candidate.path) else {
            throw SupportError("No \(name) next to the tests at \(candidate.path). Build the whole package first (swift build --build-tests) or set \(overrideVariable).")
        }
        return candidate
    }
}

public struct SupportError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
