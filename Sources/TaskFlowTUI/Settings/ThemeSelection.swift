/// Which theme name applies, from the places a user can set one.
public enum ThemeSelection {
    /// `--theme` wins, then `TASKFLOW_THEME` (for a script or one shell), then the config
    /// file's `theme`, then "default". `NO_COLOR` (or `--no-color`) means "mono" whatever
    /// was asked for, as https://no-color.org asks; a terminal without colour is handled
    /// when drawing (`Theme.resolve` in `.none` mode uses mono's attributes).
    public static func name(flag: String?, configured: String?, environment: [String: String], noColor: Bool = false) -> String {
        if noColor || !(environment["NO_COLOR"] ?? "").isEmpty { return "mono" }
        for candidate in [flag, environment["TASKFLOW_THEME"], configured] {
            if let candidate, !candidate.isEmpty { return candidate }
        }
        return "default"
    }
}
