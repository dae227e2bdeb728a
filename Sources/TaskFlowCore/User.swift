import Foundation

/// An account as the API shows it (never with its password hash).
public struct User: Codable, Sendable, Equatable, Hashable, Identifiable {
    public var id: String
    public var name: String
    public var email: String
    public var createdAt: Date

    public init(id: String, name: String, email: String, createdAt: Date) {
        self.id = id
        self.name = name
        self.email = email
        self.createdAt = createdAt
    }
}
