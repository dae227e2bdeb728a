/// The version reported by `--version` and in the OpenAPI document.
public enum TaskFlowServerVersion {
    public static let current = "1.0.0"
}
