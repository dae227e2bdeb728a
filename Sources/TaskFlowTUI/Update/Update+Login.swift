import Foundation
import TerminalUI

extension AppState {
    /// Keys on the login screen: only the login context's own bindings count, so that
    /// typing `q` or `r` into a field types it instead of quitting or refreshing.
    mutating func handleLogin(_ key: Key, form: inout LoginForm) -> [Effect] {
        guard !form.isSubmitting else { return [] }
        switch keymap.contexts[.login]?[key] {
        case .nextField?:
            form.focus = form.focus.cycled(by: 1)
        case .previousField?:
            form.focus = form.focus.cycled(by: -1)
        case .submit?:
            return submit(&form)
        case .cancel?:
            return quit()
        default:
            _ = form[form.focus].handle(key)
        }
        return []
    }

    private mutating func submit(_ form: inout LoginForm) -> [Effect] {
        let server = form.server.text.trimmingCharacters(in: .whitespaces)
        let email = form.email.text.trimmingCharacters(in: .whitespaces)
        if server.isEmpty || email.isEmpty {
            form.message = "Enter the server and your email."
            form.focus = server.isEmpty ? .server : .email
            return []
        }
        if form.password.text.isEmpty {
            if form.focus != .password {
                form.focus = .password
                return []
            }
            form.message = "Enter your password."
            return []
        }
        form.isSubmitting = true
        form.message = nil
        return [.logIn(server: server, email: email, password: form.password.text)]
    }
}
