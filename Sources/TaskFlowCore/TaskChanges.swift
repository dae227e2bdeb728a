import Foundation

/// The body of `POST /tasks` and of `PUT`/`PATCH /tasks/{id}`: only the fields present change.
/// `dueDate` has three states: absent (unchanged), `null` (cleared), or a date.
public struct TaskChanges: Codable, Sendable, Equatable {
    public enum DueChange: Sendable, Equatable {
        case clear
        case set(Date)
    }

    public var title: String?
    public var description: String?
    public var status: TaskStatus?
    public var priority: TaskPriority?
    public var dueDate: DueChange?

    public init(
        title: String? = nil, description: String? = nil, status: TaskStatus? = nil,
        priority: TaskPriority? = nil, dueDate: DueChange? = nil
    ) {
        self.title = title
        self.description = description
        self.status = status
        self.priority = priority
        self.dueDate = dueDate
    }

    public var isEmpty: Bool { self == TaskChanges() }

    private enum CodingKeys: String, CodingKey {
        case title, description, status, priority, dueDate
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        title = try Self.decodeNonNull(String.self, c, .title)
        description = try Self.decodeNonNull(String.self, c, .description)
        status = try Self.decodeNonNull(TaskStatus.self, c, .status)
        priority = try Self.decodeNonNull(TaskPriority.self, c, .priority)
        if c.contains(.dueDate) {
            if try c.decodeNil(forKey: .dueDate) {
                dueDate = .clear
            } else {
                let text = try c.decode(String.self, forKey: .dueDate)
                guard let date = DueDate.parse(text) else {
                    throw DecodingError.dataCorruptedError(
                        forKey: .dueDate, in: c, debugDescription: "must be a date (YYYY-MM-DD) or an RFC 3339 timestamp")
                }
                dueDate = .set(date)
            }
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeIfPresent(title, forKey: .title)
        try c.encodeIfPresent(description, forKey: .description)
        try c.encodeIfPresent(status, forKey: .status)
        try c.encodeIfPresent(priority, forKey: .priority)
        switch dueDate {
        case nil: break
        case .clear: try c.encodeNil(forKey: .dueDate)
        case .set(let date): try c.encode(Timestamp.format(date), forKey: .dueDate)
        }
    }

    /// A present key may not be `null` except `dueDate`.
    private static func decodeNonNull<T: Decodable>(
        _ type: T.Type, _ c: KeyedDecodingContainer<CodingKeys>, _ key: CodingKeys
    ) throws -> T? {
        guard c.contains(key) else { return nil }
        if try c.decodeNil(forKey: key) {
            throw DecodingError.valueNotFound(
                type, .init(codingPath: c.codingPath + [key], debugDescription: "must not be null"))
        }
        return try c.decode(type, forKey: key)
    }
}
