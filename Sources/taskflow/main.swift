// `taskflow`: the full-screen client by default, the scriptable commands by name.
await TaskFlowRoot.runAsMain()
