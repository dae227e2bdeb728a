import TerminalUI

/// The sign-in screen's fields: server, email and a password that is never shown.
public struct LoginForm: Sendable, Equatable {
    public enum Field: Int, CaseIterable, Sendable {
        case server, email, password

        public var label: String {
            switch self {
            case .server: "Server"
            case .email: "Email"
            case .password: "Password"
            }
        }
    }

    public var server: TextInputState
    public var email: TextInputState
    public var password: TextInputState
    public var focus: Field
    /// Why the user is here ("session ended") or why the last attempt failed.
    public var message: String?
    public var isSubmitting = false

    public init(server: String, email: String = "", message: String? = nil) {
        self.server = TextInputState(server)
        self.email = TextInputState(email)
        password = TextInputState()
        focus = email.isEmpty ? .email : .password
        self.message = message
    }

    public subscript(field: Field) -> TextInputState {
        get {
            switch field {
            case .server: server
            case .email: email
            case .password: password
            }
        }
        set {
            switch field {
            case .server: server = newValue
            case .email: email = newValue
            case .password: password = newValue
            }
        }
    }
}
