/// Why local mode or the demo could not start.
struct LocalModeError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
