import Foundation

/// The contract's limits on input, counted in Unicode code points.
public enum Validation {
    public static let titleMax = 200
    public static let descriptionMax = 10_000
    public static let nameMax = 100
    public static let passwordMin = 8
    public static let passwordMax = 128
    public static let emailMax = 254
    public static let bodyMax = 64 * 1024

    /// Trimmed title, or a problem.
    public static func title(_ raw: String) -> Result<String, FieldProblem> {
        if containsNUL(raw) { return .failure(nulProblem("title")) }
        let title = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        if title.isEmpty { return .failure(.init("title", "must not be empty")) }
        if title.unicodeScalars.count > titleMax { return .failure(.init("title", "must be at most \(titleMax) characters")) }
        return .success(title)
    }

    public static func description(_ raw: String) -> FieldProblem? {
        if containsNUL(raw) { return nulProblem("description") }
        return raw.unicodeScalars.count > descriptionMax ? .init("description", "must be at most \(descriptionMax) characters") : nil
    }

    /// Trimmed name, or a problem.
    public static func name(_ raw: String) -> Result<String, FieldProblem> {
        let name = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        if name.isEmpty { return .failure(.init("name", "must not be empty")) }
        if name.unicodeScalars.count > nameMax { return .failure(.init("name", "must be at most \(nameMax) characters")) }
        return .success(name)
    }

    /// Trimmed, lower-cased email, or a problem.
    public static func email(_ raw: String) -> Result<String, FieldProblem> {
        let email = raw.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        let valid = parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".")
            && !parts[1].hasPrefix(".") && !parts[1].hasSuffix(".")
            && !email.unicodeScalars.contains { $0.properties.isWhitespace || $0.value < 0x20 }
            && email.unicodeScalars.count <= emailMax
        return valid ? .success(email) : .failure(.init("email", "must be a valid email address"))
    }

    public static func password(_ raw: String) -> FieldProblem? {
        if containsNUL(raw) { return nulProblem("password") }
        let n = raw.unicodeScalars.count
        if n < passwordMin { return .init("password", "must be at least \(passwordMin) characters") }
        if n > passwordMax { return .init("password", "must be at most \(passwordMax) characters") }
        return nil
    }

    /// U+0000 is refused in every string: C-based storage and bcrypt stop reading at it.
    public static func containsNUL(_ text: String) -> Bool { text.utf8.contains(0) }

    static func nulProblem(_ field: String) -> FieldProblem { .init(field, "must not contain U+0000 (NUL)") }
}
