/// The client's version, sent in `User-Agent` and printed by `taskflow --version`.
public enum TaskFlowVersion {
    public static let current = "0.1.0"
}
