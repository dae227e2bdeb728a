import ArgumentParser
import Foundation
import TaskFlowClient
import TaskFlowCore
import TaskFlowSync
import TaskFlowSettings

struct ListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ls",
        abstract: "List tasks, newest first, with the API's filters.",
        discussion: "With --json prints the API's {tasks, pagination} object; with --all too, every task in one tasks array.",
        aliases: ["list"]
    )

    @OptionGroup var global: GlobalOptions

    // Short options mean the same in every command: -s status, -p priority, -q search.
    @Option(name: [.short, .long], help: ArgumentHelp("Only these statuses: todo, in-progress, done (comma-separated or repeated).", valueName: "list"))
    var status: [String] = []

    @Option(name: [.short, .long], help: ArgumentHelp("Only these priorities: low, medium, high (comma-separated or repeated).", valueName: "list"))
    var priority: [String] = []

    @Option(name: [.customShort("q"), .long], help: ArgumentHelp("Full-text search in title and description.", valueName: "words"))
    var search: String?

    @Option(help: ArgumentHelp("Due on or before this date: \(DueArgument.help).", valueName: "date"))
    var dueBefore: String?

    @Option(help: ArgumentHelp("Due on or after this date.", valueName: "date"))
    var dueAfter: String?

    @Flag(help: "Only tasks past their due date and not done.")
    var overdue = false

    @Option(parsing: .unconditional,
            help: ArgumentHelp("Order by \(TaskSort.allowedValues); prefix - for descending (default -createdAt).", valueName: "field"))
    var sort: String?

    @Option(help: ArgumentHelp(
        "A saved view's filter and sort (todo, doing, done or a [views.NAME] of config.toml; taskflow views lists them); the options above replace that part of it, --overdue adds to it.",
        valueName: "name"))
    var view: String?

    @Option(help: "Page to show, from 1.")
    var page = 1

    @Option(help: "Tasks per page, 1 to 100.")
    var limit = TaskQuery.defaultLimit

    @Flag(help: "Fetch every page.")
    var all = false

    @Flag(help: "Print the API's JSON.")
    var json = false

    func validate() throws {
        _ = try query()
        if all && page != 1 { throw ValidationError("--all starts from the first page; leave out --page.") }
    }

    func query() throws -> TaskQuery {
        var parameters: [(name: String, value: String)] = [("page", String(page)), ("limit", String(limit))]
        if !status.isEmpty { parameters.append(("status", status.joined(separator: ","))) }
        if !priority.isEmpty { parameters.append(("priority", priority.joined(separator: ","))) }
        if let search { parameters.append(("q", search)) }
        if let sort { parameters.append(("sort", sort)) }
        if overdue { parameters.append(("overdue", "true")) }
        var query: TaskQuery
        do {
            query = try TaskQuery.parse(parameters)
        } catch {
            throw ValidationError(error.problems.map { "--\(Self.optionName($0.field)) \($0.message)." }.joined(separator: " "))
        }
        if let dueBefore {
            guard let bound = DueArgument.bound(dueBefore) else { throw ValidationError("--due-before must be \(DueArgument.help).") }
            query.dueBefore = bound
        }
        if let dueAfter {
            guard let bound = DueArgument.bound(dueAfter) else { throw ValidationError("--due-after must be \(DueArgument.help).") }
            query.dueAfter = bound
        }
        if all { query.limit = TaskQuery.maxLimit }
        if let view { query = try applying(view, to: query) }
        return query
    }

    /// `query` (the options as given) over the view called `name`: each option given
    /// replaces that part of the view, the rest is the view's.
    private func applying(_ name: String, to query: TaskQuery) throws -> TaskQuery {
        let views = UserConfig.load(environment: ProcessInfo.processInfo.environment).views
        guard let view = views.view(named: name) else {
            throw ValidationError("no view \"\(name)\"; the views are \(views.all.map(\.name).joined(separator: ", "))")
        }
        let viewQuery: TaskQuery
        do {
            viewQuery = try view.query(now: Date())
        } catch {
            throw ValidationError("view \"\(name)\": \(error)")
        }
        var merged = query
        if status.isEmpty { merged.statuses = viewQuery.statuses }
        if priority.isEmpty { merged.priorities = viewQuery.priorities }
        if search == nil { merged.search = viewQuery.search }
        if dueBefore == nil { merged.dueBefore = viewQuery.dueBefore }
        if dueAfter == nil { merged.dueAfter = viewQuery.dueAfter }
        merged.overdue = overdue || viewQuery.overdue
        if sort == nil, let viewSort = view.sort { merged.sort = viewSort }
        return merged
    }

    private static func optionName(_ field: String) -> String { field == "q" ? "search" : field }

    func run() async throws {
        try await CommandRunner.run {
            if view != nil {
                // The view came from config.toml: what was wrong there is worth knowing.
                for warning in UserConfig.load(environment: ProcessInfo.processInfo.environment).warnings {
                    TerminalOutput.error("taskflow: \(warning)")
                }
            }
            let client = try await global.makeClient()
            let query = try query()
            let output = global.output
            // Read from the local copy, brought up to date first (or as it is, offline).
            let copy = global.usesLocalCopy ? try await global.localCopy(client).readable() : nil
            if all {
                let tasks = if let copy { try copy.allTasks(query) } else { try await client.allTasks(query) }
                if json { return TerminalOutput.raw(try TaskFlowJSON.encode(AllTasks(tasks: tasks))) }
                TaskTable(output: output, now: Date(), shortIDs: try shortIDs(copy, listed: tasks)).render(tasks).forEach(output.line)
                output.line(tasks.isEmpty ? "No tasks." : "\(tasks.count) task\(tasks.count == 1 ? "" : "s")")
                return
            }
            let page: TaskPage
            if let copy {
                page = try copy.replica.page(query)
                // The same bytes the server would have sent for this page.
                if json { return TerminalOutput.raw(try TaskFlowJSON.encode(page)) }
            } else {
                let response = try await client.tasks(query)
                if json { return TerminalOutput.raw(response.body) }
                page = response.value
            }
            if !page.tasks.isEmpty {
                TaskTable(output: output, now: Date(), shortIDs: try shortIDs(copy, listed: page.tasks)).render(page.tasks).forEach(output.line)
            }
            output.line(TaskTable.summary(page.pagination, shown: page.tasks.count))
        }
    }

    /// Short ids unique among all the user's tasks, from the local copy; without one,
    /// unique among the tasks listed (man taskflow, TASK IDS).
    private func shortIDs(_ copy: LocalCopy?, listed: [TaskItem]) throws -> ShortIDs {
        guard let copy else { return ShortIDs(listed.map(\.id)) }
        return try copy.replica.shortIDs()
    }

    private struct AllTasks: Encodable { var tasks: [TaskItem] }
}
