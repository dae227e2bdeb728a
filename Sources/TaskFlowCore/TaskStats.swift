/// `GET /tasks/stats`: counts for the stats pane.
public struct TaskStats: Codable, Sendable, Equatable {
    public struct ByStatus: Codable, Sendable, Equatable {
        public var todo: Int
        public var inProgress: Int
        public var done: Int

        public init(todo: Int = 0, inProgress: Int = 0, done: Int = 0) {
            self.todo = todo
            self.inProgress = inProgress
            self.done = done
        }

        private enum CodingKeys: String, CodingKey {
            case todo, done
            case inProgress = "in-progress"
        }

        public subscript(status: TaskStatus) -> Int {
            get {
                switch status {
                case .todo: todo
                case .inProgress: inProgress
                case .done: done
                }
            }
            set {
                switch status {
                case .todo: todo = newValue
                case .inProgress: inProgress = newValue
                case .done: done = newValue
                }
            }
        }
    }

    public struct ByPriority: Codable, Sendable, Equatable {
        public var low: Int
        public var medium: Int
        public var high: Int

        public init(low: Int = 0, medium: Int = 0, high: Int = 0) {
            self.low = low
            self.medium = medium
            self.high = high
        }

        public subscript(priority: TaskPriority) -> Int {
            get {
                switch priority {
                case .low: low
                case .medium: medium
                case .high: high
                }
            }
            set {
                switch priority {
                case .low: low = newValue
                case .medium: medium = newValue
                case .high: high = newValue
                }
            }
        }
    }

    /// Completions on one UTC day (`date` is `YYYY-MM-DD`).
    public struct DayCount: Codable, Sendable, Equatable {
        public var date: String
        public var count: Int

        public init(date: String, count: Int) {
            self.date = date
            self.count = count
        }
    }

    public var total: Int
    public var byStatus: ByStatus
    public var byPriority: ByPriority
    public var overdue: Int
    public var dueToday: Int
    public var dueThisWeek: Int
    /// The last 14 UTC days, oldest first, zeros included.
    public var completedPerDay: [DayCount]

    public init(
        total: Int = 0, byStatus: ByStatus = .init(), byPriority: ByPriority = .init(),
        overdue: Int = 0, dueToday: Int = 0, dueThisWeek: Int = 0, completedPerDay: [DayCount] = []
    ) {
        self.total = total
        self.byStatus = byStatus
        self.byPriority = byPriority
        self.overdue = overdue
        self.dueToday = dueToday
        self.dueThisWeek = dueThisWeek
        self.completedPerDay = completedPerDay
    }
}
