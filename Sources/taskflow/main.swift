import TaskFlowCLI

// `taskflow`: the full-screen client by default, the scriptable commands by name.
CompletionsCommand.describe(TaskFlowRoot.self)
await TaskFlowRoot.runAsMain()
