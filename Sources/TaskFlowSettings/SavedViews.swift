/// Every view a user has: the built-in ones and config.toml's, each on its key.
///
/// A configured view with a `key` takes that digit (replacing a built-in view there); one
/// named like a built-in view replaces it; views without a key then take the free digits in
/// file order. A key taken twice is reported and the later view takes a free digit instead,
/// so no view is lost to a typo.
public struct SavedViews: Sendable, Equatable {
    /// A `[views.NAME]` table as read: `line` is where its header is, for messages.
    public struct Configured: Sendable, Equatable {
        public var view: SavedView
        public var line: Int

        public init(view: SavedView, line: Int) {
            self.view = view
            self.line = line
        }
    }

    /// In key order; views left without a key come last, in file order.
    public private(set) var all: [SavedView]

    public init(all: [SavedView] = SavedView.builtIn) { self.all = all }

    /// Resolves `configured` over the built-in views; `warn(line, message)` hears of each
    /// key taken twice and each view left without one.
    public init(configured: [Configured], warn: (Int, String) -> Void = { _, _ in }) {
        var byKey: [Int: (view: SavedView, line: Int?)] = [:]
        let configuredNames = Set(configured.map(\.view.name))
        for view in SavedView.builtIn where !configuredNames.contains(view.name) { byKey[view.key ?? 0] = (view, nil) }
        var waiting: [Configured] = []
        for entry in configured {
            // A view named like a built-in one takes its key unless it names its own.
            let key = entry.view.key ?? SavedView.builtIn.first { $0.name == entry.view.name }?.key
            guard let key else {
                waiting.append(entry)
                continue
            }
            if let taken = byKey[key], let takenLine = taken.line {
                if entry.view.key != nil { warn(entry.line, "views.\(entry.view.name): key \(key) is already view “\(taken.view.name)”'s (line \(takenLine)); this view takes a free key") }
                var moved = entry
                moved.view.key = nil
                waiting.append(moved)
                continue
            }
            var placed = entry.view
            placed.key = key
            byKey[key] = (placed, entry.line)
        }
        var unplaced: [SavedView] = []
        for entry in waiting {
            var view = entry.view
            guard let free = (1...9).first(where: { byKey[$0] == nil }) else {
                warn(entry.line, "views.\(view.name): every key 1–9 is taken; use it with taskflow ls --view \(view.name)")
                view.key = nil
                unplaced.append(view)
                continue
            }
            view.key = free
            byKey[free] = (view, entry.line)
        }
        all = byKey.keys.sorted().compactMap { byKey[$0]?.view } + unplaced
    }

    public func view(onKey key: Int) -> SavedView? { all.first { $0.key == key } }

    public func view(named name: String) -> SavedView? { all.first { $0.name == name } }

    /// The key a view saved as `name` gets: its own when it exists, else the first free one.
    public func key(forSaving name: String) -> Int? {
        view(named: name)?.key ?? (1...9).first { view(onKey: $0) == nil }
    }

    /// Adds `view`, or replaces the one of its name (and whatever held its key).
    public mutating func save(_ view: SavedView) {
        all.removeAll { $0.name == view.name || (view.key != nil && $0.key == view.key) }
        all.append(view)
        all = all.filter { $0.key != nil }.sorted { ($0.key ?? 0) < ($1.key ?? 0) } + all.filter { $0.key == nil }
    }
}
