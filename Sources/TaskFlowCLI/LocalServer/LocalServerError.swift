/// Why the private server could not be started or reached; said as one line a person can act on.
public struct LocalServerError: Error, CustomStringConvertible, Sendable {
    public let description: String
    public init(_ description: String) { self.description = description }
}
