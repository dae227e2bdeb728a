import Foundation
import TaskFlowTestSupport

/// nginx in the foreground with its own prefix, pid file and logs in a temporary directory,
/// configured from deploy/nginx.conf with the test's instances and a free loopback port.
final class NginxProcess: @unchecked Sendable {
    // @unchecked: used from one test task at a time; Process is not Sendable on Linux.
    let process = Process()
    let port: Int
    let directory: URL

    static var binary: String {
        get throws {
            if let path = ProcessInfo.processInfo.environment["TASKFLOW_NGINX"], !path.isEmpty { return path }
            for path in ["/usr/sbin/nginx", "/usr/local/sbin/nginx"] where FileManager.default.isExecutableFile(atPath: path) {
                return path
            }
            throw SupportError("nginx is not installed: run the tests with .ci/test (it installs nginx-light), or `source .ci/services`")
        }
    }

    /// deploy/nginx.conf, found from this source file's place in the package.
    static var deployedConfiguration: String {
        get throws {
            let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().deletingLastPathComponent()
            return try String(contentsOf: root.appendingPathComponent("deploy/nginx.conf"), encoding: .utf8)
        }
    }

    init(upstreamPorts: [Int]) throws {
        port = FreePort.next()
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("taskflow-nginx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        // Workers may run as another user when the tests run as root.
        try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: directory.path)

        var site: [String] = []
        var serversWritten = false
        var inServerList = false
        for line in try Self.deployedConfiguration.components(separatedBy: "\n") {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            // Each upstream block's run of server lines becomes the test's instances.
            if trimmed.hasPrefix("server 127.0.0.1:") {
                if !inServerList {
                    site += upstreamPorts.map { "    server 127.0.0.1:\($0) max_fails=1 fail_timeout=5s;" }
                    serversWritten = true
                }
                inServerList = true
                continue
            }
            inServerList = false
            if trimmed.hasPrefix("listen ") {
                site.append("    listen 127.0.0.1:\(port);")
            } else {
                site.append(line)
            }
        }
        guard serversWritten else { throw SupportError("deploy/nginx.conf has no upstream server lines") }
        let d = directory.path
        try site.joined(separator: "\n").write(to: directory.appendingPathComponent("site.conf"), atomically: true, encoding: .utf8)
        let main = """
            daemon off;
            worker_processes 1;
            pid \(d)/nginx.pid;
            error_log \(d)/error.log warn;
            events { worker_connections 1024; }
            http {
                access_log off;
                client_body_temp_path \(d)/body;
                proxy_temp_path \(d)/proxy;
                fastcgi_temp_path \(d)/fastcgi;
                uwsgi_temp_path \(d)/uwsgi;
                scgi_temp_path \(d)/scgi;
                include \(d)/site.conf;
            }
            """
        try main.write(to: directory.appendingPathComponent("nginx.conf"), atomically: true, encoding: .utf8)
        process.executableURL = URL(fileURLWithPath: try Self.binary)
        process.arguments = ["-p", d, "-c", "\(d)/nginx.conf", "-e", "\(d)/error.log"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
    }

    func waitUntilListening(seconds: Double = 10) async throws {
        try await eventually("nginx to listen on port \(port)", within: .seconds(seconds)) {
            if !process.isRunning {
                let log = (try? String(contentsOf: directory.appendingPathComponent("error.log"), encoding: .utf8)) ?? ""
                throw SupportError("nginx exited: \(log)")
            }
            return try await HTTP.request("GET", "http://127.0.0.1:\(port)/health").1 != 0
        }
    }

    func stop() {
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        try? FileManager.default.removeItem(at: directory)
    }
}
