import TaskFlowCLI

await TaskFlowCommand.runAsMain()
