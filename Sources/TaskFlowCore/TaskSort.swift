/// The order of `GET /tasks`: a field and a direction, spelled `-createdAt` for descending.
public struct TaskSort: Sendable, Hashable, CustomStringConvertible {
    public enum Field: String, Sendable, CaseIterable {
        case createdAt, updatedAt, dueDate, priority, title, status
    }

    public var field: Field
    public var descending: Bool

    public init(_ field: Field, descending: Bool) {
        self.field = field
        self.descending = descending
    }

    /// Newest first, the API's default.
    public static let `default` = TaskSort(.createdAt, descending: true)

    public init?(_ text: String) {
        let descending = text.hasPrefix("-")
        let name = descending ? String(text.dropFirst()) : (text.hasPrefix("+") ? String(text.dropFirst()) : text)
        guard let field = Field(rawValue: name) else { return nil }
        self.init(field, descending: descending)
    }

    public var description: String { (descending ? "-" : "") + field.rawValue }

    public static var allowedValues: String { Field.allCases.map(\.rawValue).joined(separator: ", ") }
}
