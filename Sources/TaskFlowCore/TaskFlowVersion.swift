/// The version of TaskFlow, the one place it is written: `taskflow --version` and
/// `taskflow-server --version` print "NAME VERSION" with it, the client sends it in its
/// User-Agent (`taskflow/VERSION`), and the manual pages name it (`VersionTests` checks).
/// Both programs come from this one package, so they always carry the same number.
public enum TaskFlowVersion {
    public static let current = "1.0.0"

    /// What `--version` prints for the program called `name`.
    public static func line(for name: String) -> String { "\(name) \(current)" }
}
