import Foundation
import TaskFlowClient

/// Where the local copy of one user on one server lives:
/// `$XDG_STATE_HOME/taskflow/replicas/<server>-<user id>.sqlite` (directory 0700, file 0600).
public enum ReplicaLocation {
    public static func path(server: ServerAddress, userID: String, environment: [String: String]) -> String {
        let directory = XDGDirectories(environment: environment).state.appendingPathComponent("taskflow/replicas")
        return directory.appendingPathComponent("\(fileName(for: server.description))-\(safe(userID)).sqlite").path
    }

    /// The server as a file name: its letters and digits, with a hash so two servers never share one.
    static func fileName(for server: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325  // FNV-1a
        for byte in server.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        let readable = String(server.unicodeScalars.map { CharacterSet.alphanumerics.contains($0) && $0.isASCII ? Character($0) : "_" })
        return String(readable.suffix(40)) + "-" + String(hash, radix: 16)
    }

    private static func safe(_ id: String) -> String {
        String(id.unicodeScalars.filter { $0.isASCII && CharacterSet.alphanumerics.contains($0) }.map(Character.init))
    }
}
