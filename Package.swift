// swift-tools-version:6.1
import PackageDescription

// Module boundaries follow ../shared/DESIGN.md: the core knows no terminal, no curl and
// no Hummingbird; only CursesBackend touches curses; only TaskFlowClient touches curl.

let swift6: [SwiftSetting] = [.swiftLanguageMode(.v6)]

var targets: [Target] = [
    // Shared contract: models, validation, dates, queries. Foundation only.
    .target(name: "TaskFlowCore", swiftSettings: swift6),

    // The OpenAPI document, embedded from docs/openapi.yaml at build time (C23 #embed),
    // so the file in docs/ is the one copy and the server always serves what it says.
    .target(name: "COpenAPI"),

    // The REST API, storage and live fan-out.
    .target(
        name: "TaskFlowServer",
        dependencies: [
            "TaskFlowCore", "COpenAPI",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HummingbirdWebSocket", package: "hummingbird-websocket"),
            .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
            .product(name: "JWTKit", package: "jwt-kit"),
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "PostgresNIO", package: "postgres-nio"),
            .product(name: "Prometheus", package: "swift-prometheus"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
        ],
        swiftSettings: swift6
    ),
    .executableTarget(name: "taskflow-server", dependencies: ["TaskFlowServer"], swiftSettings: swift6),

    .testTarget(name: "TaskFlowCoreTests", dependencies: ["TaskFlowCore"], swiftSettings: swift6),
    .testTarget(
        name: "TaskFlowServerTests",
        dependencies: [
            "TaskFlowServer",
            .product(name: "HummingbirdTesting", package: "hummingbird"),
            .product(name: "HummingbirdWSClient", package: "hummingbird-websocket"),
        ],
        exclude: ["Peers"],
        swiftSettings: swift6
    ),
]

var products: [Product] = [
    .executable(name: "taskflow-server", targets: ["taskflow-server"]),
]

// CLIENT-SIDE TARGETS (client library, terminal UI, `taskflow`) are appended below.

// Terminal UI: pure rendering and keys, plus the one module that touches curses.
targets += [
    .systemLibrary(name: "CNcursesw", pkgConfig: "ncursesw", providers: [.apt(["libncursesw5-dev"])]),
    .target(name: "TerminalUI", swiftSettings: swift6),
    .target(name: "CursesBackend", dependencies: ["TerminalUI", "CNcursesw"], swiftSettings: swift6),
    .testTarget(name: "TerminalUITests", dependencies: ["TerminalUI"], swiftSettings: swift6),
]

// Client library, scriptable CLI and the `taskflow` executable. TaskFlowClient is the only
// module that touches curl; its tests start the real `taskflow-server` binary rather than
// linking the server, so they stay free of the server's dependencies.
targets += [
    .systemLibrary(name: "CCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-openssl-dev"])]),
    .target(name: "TaskFlowClient", dependencies: ["TaskFlowCore", "CCurl"], swiftSettings: swift6),
    .target(
        name: "TaskFlowCLI",
        dependencies: ["TaskFlowClient", .product(name: "ArgumentParser", package: "swift-argument-parser")],
        swiftSettings: swift6
    ),
    .executableTarget(name: "taskflow", dependencies: ["TaskFlowCLI"], swiftSettings: swift6),
    // Starts `taskflow-server` and the Python peers as subprocesses for the two test targets.
    .target(name: "TaskFlowTestSupport", dependencies: ["TaskFlowClient"], path: "Tests/TaskFlowTestSupport", swiftSettings: swift6),
    .testTarget(
        name: "TaskFlowClientTests", dependencies: ["TaskFlowClient", "TaskFlowTestSupport"], exclude: ["Peers"], swiftSettings: swift6
    ),
    .testTarget(name: "TaskFlowCLITests", dependencies: ["TaskFlowCLI", "TaskFlowTestSupport"], swiftSettings: swift6),
]
products += [.executable(name: "taskflow", targets: ["taskflow"])]

// The full-screen client (Elm-style state, update and views over TerminalUI) and its tests.
// `taskflow` gains it and the curses backend.
targets += [
    // Themes/*.toml embedded at build time (C23 #embed), as COpenAPI does for the API document.
    .target(name: "CThemes"),
    .target(name: "TaskFlowTUI", dependencies: ["TaskFlowCore", "TerminalUI", "TaskFlowClient", "CThemes"], swiftSettings: swift6),
    .testTarget(name: "TaskFlowTUITests", dependencies: ["TaskFlowTUI", "TaskFlowTestSupport"], swiftSettings: swift6),
]
if let taskflow = targets.firstIndex(where: { $0.name == "taskflow" }) {
    // No TaskFlowServer: local mode runs `taskflow-server` as a process of its own.
    targets[taskflow].dependencies += ["TaskFlowTUI", "CursesBackend"]
}

let package = Package(
    name: "TaskFlow",
    platforms: [.macOS(.v15)],
    products: products,
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1", traits: []),
        .package(url: "https://github.com/hummingbird-project/hummingbird-websocket.git", from: "2.8.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth.git", from: "2.5.0"),
        .package(url: "https://github.com/vapor/jwt-kit.git", from: "5.7.1"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "4.5.2"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
    ],
    targets: targets
)
