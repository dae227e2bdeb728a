import TaskFlowCore

/// The server's list as far as it has been fetched: pages of a fixed size kept by page
/// number, so the cursor can jump to row 9,000 without loading the 8,999 before it.
///
/// Every reload starts a new `generation`. Pages of an older generation stay on screen
/// until a fresh page arrives, so a reload never blanks the list; answers to requests of
/// an older generation are ignored.
public struct TaskPages: Sendable, Equatable {
    struct Page: Sendable, Equatable {
        var tasks: [TaskItem]
        var generation: Int
    }

    public let pageSize: Int
    /// The server's total for the current query; nil until the first page arrives.
    public private(set) var total: Int?
    public private(set) var generation = 0
    var pages: [Int: Page] = [:]
    /// Pages requested in the current generation and not answered yet.
    public private(set) var inFlight: Set<Int> = []

    public init(pageSize: Int = 50) { self.pageSize = pageSize }

    /// Rows the list has: the server's total, or nothing before the first answer.
    public var count: Int { total ?? 0 }

    public var isLoaded: Bool { total != nil }

    /// The page (from 1) holding row `index` (from 0).
    public func page(containing index: Int) -> Int { index / pageSize + 1 }

    public func task(at index: Int) -> TaskItem? {
        guard index >= 0, let page = pages[page(containing: index)] else { return nil }
        let offset = index % pageSize
        return offset < page.tasks.count ? page.tasks[offset] : nil
    }

    /// The row of the task with `id`, if it is in a loaded page.
    public func index(of id: String) -> Int? {
        for (number, page) in pages {
            if let offset = page.tasks.firstIndex(where: { $0.id == id }) { return (number - 1) * pageSize + offset }
        }
        return nil
    }

    /// The ids of every loaded task (the short ids without a local copy are made from them).
    public var loadedIDs: [String] { pages.values.flatMap { $0.tasks.map(\.id) } }

    /// True when `page` has an answer of the current generation or is being fetched.
    public func isCurrent(_ page: Int) -> Bool {
        inFlight.contains(page) || pages[page]?.generation == generation
    }

    /// Starts a new generation: everything shown is now stale and will be replaced.
    public mutating func invalidate() {
        generation += 1
        inFlight = []
    }

    /// Notes that `page` is being fetched for the current generation.
    public mutating func markRequested(_ page: Int) { inFlight.insert(page) }

    /// Stores an answer. Returns false (and changes nothing) for an answer to an older
    /// generation. Stale pages are dropped once fresh ones arrive, except those being
    /// refetched, which are replaced when their own answer comes.
    @discardableResult
    public mutating func store(_ tasks: [TaskItem], page: Int, total: Int, generation: Int) -> Bool {
        guard generation == self.generation else { return false }
        inFlight.remove(page)
        pages[page] = Page(tasks: tasks, generation: generation)
        self.total = total
        pages = pages.filter { number, stored in stored.generation == generation || inFlight.contains(number) }
        let lastPage = max(1, (total + pageSize - 1) / pageSize)
        pages = pages.filter { $0.key <= lastPage }
        return true
    }

    /// Forgets that `page` is in flight (its request failed), so it can be asked again.
    public mutating func requestFailed(_ page: Int, generation: Int) {
        if generation == self.generation { inFlight.remove(page) }
    }

    /// Puts a newer copy of a task in place. Returns false when the task is not loaded.
    @discardableResult
    public mutating func replace(_ task: TaskItem) -> Bool {
        for (number, page) in pages {
            if let offset = page.tasks.firstIndex(where: { $0.id == task.id }) {
                pages[number]!.tasks[offset] = task
                return true
            }
        }
        return false
    }

    /// Takes the task with `id` out of the list (deleted, or deleting) and returns the row
    /// it was on. Rows of the loaded pages after it move up one, as the server's would.
    @discardableResult
    public mutating func remove(id: String) -> Int? {
        guard let index = index(of: id) else { return nil }
        var number = page(containing: index)
        pages[number]!.tasks.remove(at: index % pageSize)
        while pages[number]!.tasks.count < pageSize, let next = pages[number + 1], !next.tasks.isEmpty {
            pages[number]!.tasks.append(pages[number + 1]!.tasks.removeFirst())
            number += 1
        }
        total = total.map { max(0, $0 - 1) }
        return index
    }

    /// Puts a task in at row `index` (a new task, or a refused delete put back); rows after
    /// it move down one. Only into a loaded page: elsewhere the next reload shows it.
    public mutating func insert(_ task: TaskItem, at index: Int) {
        var number = page(containing: max(0, index))
        guard pages[number] != nil else { return }
        let offset = min(max(0, index) % pageSize, pages[number]!.tasks.count)
        pages[number]!.tasks.insert(task, at: offset)
        while pages[number]!.tasks.count > pageSize {
            let spill = pages[number]!.tasks.removeLast()
            guard pages[number + 1] != nil else { break }
            pages[number + 1]!.tasks.insert(spill, at: 0)
            number += 1
        }
        total = (total ?? 0) + 1
    }
}
