import Synchronization
import TaskFlowClient
import TaskFlowCore
import TaskFlowSettings

/// Performs effects off the UI thread through a `TaskService` and posts the results to the
/// inbox as actions. Nothing here touches the state or the terminal.
public final class EffectRunner: Sendable {
    let service: any TaskService
    let inbox: ActionInbox
    private let liveTask = Mutex<Task<Void, Never>?>(nil)
    /// How long typing must pause before the search line searches (the service's
    /// `typingPause`).
    let typingPause: Duration

    public init(service: any TaskService, inbox: ActionInbox, typingPause: Duration = .milliseconds(250)) {
        self.service = service
        self.inbox = inbox
        self.typingPause = typingPause
    }

    public func perform(_ effect: Effect) {
        let service = self.service, inbox = self.inbox
        switch effect {
        case .loadSession:
            Task.detached { inbox.send(.sessionFound(await service.currentSession())) }
        case .logIn(let server, let email, let password):
            Task.detached {
                do throws(ServiceFailure) {
                    inbox.send(.loggedIn(try await service.logIn(server: server, email: email, password: password)))
                } catch {
                    inbox.send(.loginFailed(error.message))
                }
            }
        case .fetchPage(let query, let generation):
            Task.detached {
                do throws(ServiceFailure) {
                    let (page, limits) = try await service.page(query)
                    inbox.send(.pageLoaded(page: query.page, generation: generation, page, limits))
                } catch {
                    inbox.send(.pageFailed(page: query.page, generation: generation, error))
                }
            }
        case .fetchStats(let query):
            Task.detached {
                do throws(ServiceFailure) {
                    inbox.send(.statsLoaded(try await service.stats(matching: query)))
                } catch {
                    inbox.send(.statsFailed(error))
                }
                // After the stats, the last read of a complete frame, so making them (once per
                // change of the id set, which also reloads the stats: about 0.1 s at 100,000
                // tasks) never competes with it; until then the rows show tails unique among
                // the tasks loaded.
                if let ids = await service.shortIDs() { inbox.send(.shortIDsLoaded(ids)) }
            }
        case .updateTask(let id, let changes):
            Task.detached {
                do throws(ServiceFailure) {
                    inbox.send(.taskSaved(try await service.update(id: id, changes)))
                } catch {
                    inbox.send(.taskSaveFailed(id: id, error))
                }
            }
        case .createTask(let fields, let key):
            Task.detached {
                do throws(ServiceFailure) {
                    inbox.send(.formSaved(try await service.create(fields, idempotencyKey: key)))
                } catch {
                    inbox.send(.formFailed(error))
                }
            }
        case .saveTask(let id, let changes):
            Task.detached {
                do throws(ServiceFailure) {
                    inbox.send(.formSaved(try await service.update(id: id, changes)))
                } catch {
                    inbox.send(.formFailed(error))
                }
            }
        case .deleteTask(let id):
            Task.detached {
                do throws(ServiceFailure) {
                    try await service.delete(id: id)
                    inbox.send(.taskDeleted(id: id))
                } catch {
                    inbox.send(.taskDeleteFailed(id: id, error))
                }
            }
        case .updateTasks(let bulk):
            Task.detached {
                do throws(ServiceFailure) {
                    for task in try await service.update(bulk) { inbox.send(.taskSaved(task)) }
                } catch {
                    for change in bulk { inbox.send(.taskSaveFailed(id: change.id, error)) }
                }
            }
        case .deleteTasks(let ids):
            Task.detached {
                do throws(ServiceFailure) {
                    try await service.delete(ids: ids)
                    inbox.send(.tasksDeleted(ids))
                } catch {
                    for id in ids { inbox.send(.taskDeleteFailed(id: id, error)) }
                }
            }
        case .openEditor, .copyToClipboard:
            // `TUIProgram` runs the editor and sets the clipboard itself: both need the terminal.
            break
        case .saveView(let view, let path):
            Task.detached {
                do {
                    try ViewsFile.save(view, to: path)
                    inbox.send(.viewSaved(view, path: path))
                } catch {
                    inbox.send(.viewSaveFailed("\(error)"))
                }
            }
        case .waitForTypingPause(let generation):
            let pause = typingPause
            Task.detached {
                try? await Task.sleep(for: pause)
                inbox.send(.typingPaused(generation: generation))
            }
        case .startLive:
            let task = Task.detached {
                for await update in service.liveUpdates() { inbox.send(.live(update)) }
            }
            liveTask.withLock { $0?.cancel(); $0 = task }
        case .undo, .redo:
            let redo = effect == .redo
            Task.detached {
                do throws(ServiceFailure) {
                    inbox.send(.travelled(redo: redo, .success(redo ? try await service.redo() : try await service.undo())))
                } catch {
                    inbox.send(.travelled(redo: redo, .failure(error)))
                }
            }
        case .loadConflict(let id):
            Task.detached {
                do throws(ServiceFailure) {
                    inbox.send(.conflictLoaded(.success(try await service.conflict(id: id))))
                } catch {
                    inbox.send(.conflictLoaded(.failure(error)))
                }
            }
        case .resolveConflict(let id, let mine):
            Task.detached {
                do throws(ServiceFailure) {
                    try await service.resolve(id: id, keepingMine: mine)
                    inbox.send(.conflictResolved(id: id, keepingMine: mine, .success(())))
                } catch {
                    inbox.send(.conflictResolved(id: id, keepingMine: mine, .failure(error)))
                }
            }
        case .locateTask(let id, let query):
            Task.detached { inbox.send(.taskLocated(id: id, row: await service.row(of: id, in: query))) }
        case .quit:
            stop()
        }
    }

    /// Ends the live feed (on quit).
    public func stop() { liveTask.withLock { $0?.cancel(); $0 = nil } }
}
