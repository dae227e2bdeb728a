/// Which command each key runs, per context: `[KeyContext: [Key: Command]]`, plus the order
/// bindings were made in so that help and hints list them the way the app declared them.
public struct Keymap<Command: KeyCommand>: Sendable {
    public private(set) var contexts: [KeyContext: [Key: Command]] = [:]
    private var order: [KeyContext: [Key]] = [:]

    public init() {}

    /// Binds `key` to `command` in `context`, replacing whatever the key did there.
    /// - Returns: the conflict when the key used to run a different command.
    @discardableResult
    public mutating func bind(_ key: Key, to command: Command, in context: KeyContext = .global) -> KeyConflict<Command>? {
        let previous = contexts[context]?[key]
        contexts[context, default: [:]][key] = command
        if previous == nil { order[context, default: []].append(key) }
        guard let previous, previous != command else { return nil }
        return KeyConflict(kind: .replaced, key: key, context: context, command: command, other: previous)
    }

    /// Binds several keys to one command (`j` and `↓` for "down").
    @discardableResult
    public mutating func bind(_ keys: [Key], to command: Command, in context: KeyContext = .global) -> [KeyConflict<Command>] {
        keys.compactMap { bind($0, to: command, in: context) }
    }

    public mutating func unbind(_ key: Key, in context: KeyContext = .global) {
        contexts[context]?[key] = nil
        order[context]?.removeAll { $0 == key }
    }

    /// The command `key` runs in `context`, falling back to the global bindings.
    public func command(for key: Key, in context: KeyContext) -> Command? {
        contexts[context]?[key] ?? contexts[.global]?[key]
    }

    /// The commands of `context` with their keys, in declaration order. With
    /// `includingGlobal`, global commands follow, minus keys the context overrides.
    public func bindings(for context: KeyContext, includingGlobal: Bool = false) -> [KeyBinding<Command>] {
        var result = Keymap.group(order[context] ?? [], contexts[context] ?? [:])
        if includingGlobal, context != .global {
            let local = contexts[context] ?? [:]
            let globalKeys = (order[.global] ?? []).filter { local[$0] == nil }
            for binding in Keymap.group(globalKeys, contexts[.global] ?? [:])
            where !result.contains(where: { $0.command == binding.command }) {
                result.append(binding)
            }
        }
        return result
    }

    private static func group(_ keys: [Key], _ table: [Key: Command]) -> [KeyBinding<Command>] {
        var result: [KeyBinding<Command>] = []
        for key in keys {
            guard let command = table[key] else { continue }
            if let index = result.firstIndex(where: { $0.command == command }) {
                result[index].keys.append(key)
            } else {
                result.append(KeyBinding(command: command, keys: [key]))
            }
        }
        return result
    }

    /// Keys bound to `command` in `context`, in the order they were bound.
    public func keys(for command: Command, in context: KeyContext = .global) -> [Key] {
        (order[context] ?? []).filter { contexts[context]?[$0] == command }
    }

    /// Keys bound to the command called `name` (from a config file) in `context`.
    public func keys(named name: String, in context: KeyContext = .global) -> [Key] {
        (order[context] ?? []).filter { contexts[context]?[$0]?.name == name }
    }

    /// The command called `name`, from whichever context binds it.
    public func definition(of name: String) -> Command? {
        for table in contexts.values {
            if let command = table.values.first(where: { $0.name == name }) { return command }
        }
        return nil
    }

    /// Contexts where a command called `name` is bound, sorted by name.
    public func contexts(binding name: String) -> [KeyContext] {
        contexts.filter { $0.value.values.contains { $0.name == name } }.map(\.key).sorted { $0.name < $1.name }
    }

    /// Makes `keys` the only keys of the command called `name`, in `context` or (when nil)
    /// in every context that binds it: what a `[keys]` section of the config does. The
    /// user's choice wins; the returned conflicts say which commands lost a key and
    /// where a context binding still hides a global one.
    @discardableResult
    public mutating func rebind(command name: String, to keys: [Key], in context: KeyContext? = nil) throws(KeymapError) -> [KeyConflict<Command>] {
        let targets = context.map { [$0] } ?? contexts(binding: name)
        guard let command = definition(of: name) else { throw .unknownCommand(name) }

        var conflicts: [KeyConflict<Command>] = []
        for target in targets {
            for key in self.keys(for: command, in: target) { unbind(key, in: target) }
            conflicts += bind(keys, to: command, in: target)
            guard target == .global else { continue }
            for (other, table) in contexts.sorted(by: { $0.key.name < $1.key.name }) where other != .global {
                for key in keys {
                    if let winner = table[key], winner.name != name {
                        conflicts.append(KeyConflict(kind: .shadowed, key: key, context: other, command: command, other: winner))
                    }
                }
            }
        }
        return conflicts
    }

    @discardableResult
    public mutating func rebind(command name: String, to key: Key, in context: KeyContext? = nil) throws(KeymapError) -> [KeyConflict<Command>] {
        try rebind(command: name, to: [key], in: context)
    }

    /// Rebinding from config text: `rebind(command: "delete", to: ["d", "ctrl-d"])`.
    @discardableResult
    public mutating func rebind(command name: String, to keys: [String], in context: KeyContext? = nil) throws(KeymapError) -> [KeyConflict<Command>] {
        var parsed: [Key] = []
        for text in keys { parsed.append(try Key(parsing: text)) }
        return try rebind(command: name, to: parsed, in: context)
    }
}
