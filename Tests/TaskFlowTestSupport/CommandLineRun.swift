import Foundation

/// Runs an executable to completion and captures what it printed.
public struct CommandLineRun: Sendable {
    public let status: Int32
    public let stdout: String
    public let stderr: String

    public static func run(_ executable: URL, _ arguments: [String], environment: [String: String],
                           stdin: String? = nil) throws -> CommandLineRun {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.environment = environment
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        // Read both pipes while the child runs, so a full pipe can never stall it.
        let group = DispatchGroup()
        let outData = Locked(Data()), errData = Locked(Data())
        for (pipe, sink) in [(out, outData), (err, errData)] {
            DispatchQueue.global().async(group: group) { sink.set(pipe.fileHandleForReading.readDataToEndOfFile()) }
        }
        process.waitUntilExit()
        group.wait()
        return CommandLineRun(status: process.terminationStatus, stdout: String(decoding: outData.get(), as: UTF8.self),
                              stderr: String(decoding: errData.get(), as: UTF8.self))
    }
}
