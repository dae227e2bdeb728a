import TaskFlowSettings
import TerminalUI

extension UserConfig {
    /// `base` with the `[keys]` bindings applied, and a line for each one refused (unknown
    /// command, not a key) or taking a key from another command.
    public func keymap(from base: Keymap<TUICommand>) -> (keymap: Keymap<TUICommand>, warnings: [String]) {
        var keymap = base
        var messages: [String] = []
        for binding in keys {
            do {
                for conflict in try keymap.rebind(command: binding.command, to: binding.keys) {
                    // A pane overriding a global key it already had (Esc closing the help
                    // rather than quitting) is the design, not news: only keys the user
                    // added are reported.
                    let alreadyHad = base.keys(named: binding.command, in: conflict.context).contains(conflict.key)
                        || (conflict.kind == .shadowed && base.keys(named: binding.command, in: .global).contains(conflict.key))
                    if !alreadyHad { messages.append("\(path):\(binding.line): key conflict: \(conflict)") }
                }
            } catch {
                messages.append("\(path):\(binding.line): keys: \(error)")
            }
        }
        return (keymap, messages)
    }
}
