// swift-tools-version:6.1
import PackageDescription

// Module boundaries follow ../shared/DESIGN.md, layer by layer: the core knows no terminal,
// no curl and no Hummingbird; only CursesBackend touches curses; only TaskFlowClient touches
// curl; text width and sanitising live once, in TerminalUI.

let swift6: [SwiftSetting] = [.swiftLanguageMode(.v6)]
// `-static-stdlib` when compiling too: the static Foundation module is what tells the linker
// which of its libraries (ICU, CoreFoundation, …) to take.
let staticRuntimeSwift: [SwiftSetting] = swift6 + [.unsafeFlags(["-static-stdlib"], .when(platforms: [.linux]))]
let staticRuntime: [LinkerSetting] = [.unsafeFlags(["-static-stdlib"], .when(platforms: [.linux]))]

let package = Package(
    name: "TaskFlow",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "taskflow", targets: ["taskflow"]),
        .executable(name: "taskflow-server", targets: ["taskflow-server"]),
    ],
    dependencies: [
        // traits: [] keeps `swift build` and `swift test` from recompiling Hummingbird in turn.
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
    targets: [
        // ---- System libraries and files embedded at build time (C23 #embed) ----------------
        .systemLibrary(name: "CNcursesw", pkgConfig: "ncursesw", providers: [.apt(["libncursesw5-dev"])]),
        // libcurl's headers at build time (libcurl4-openssl-dev); the library itself is loaded
        // on first use (Sources/CCurl/shim.c), not linked.
        .target(name: "CCurl"),
        // docs/openapi.yaml, so the file in docs/ is the one copy the server serves.
        .target(name: "COpenAPI"),
        // Themes/*.toml, the built-in themes.
        .target(name: "CThemes"),

        // ---- Core: the contract types of both sides. Foundation only. ----------------------
        .target(name: "TaskFlowCore", swiftSettings: swift6),

        // ---- SQLite: the tasks table and the compilation of a task query, shared by the server's
        // SQLite store and the client's replica, so the two never disagree on a filter. -----
        .target(
            name: "TaskFlowSQLite", dependencies: ["TaskFlowCore", .product(name: "GRDB", package: "GRDB.swift")], swiftSettings: swift6
        ),

        // ---- Client side ------------------------------------------------------------------
        // HTTP over libcurl, the typed API, credentials, live channel. No terminal code.
        .target(name: "TaskFlowClient", dependencies: ["TaskFlowCore", "CCurl"], swiftSettings: swift6),
        // The local copy: replica, journal, sync engine, conflicts, undo history.
        .target(name: "TaskFlowSync", dependencies: ["TaskFlowCore", "TaskFlowClient", "TaskFlowSQLite"], swiftSettings: swift6),
        // Pure rendering, text width and sanitising, keys, themes. Foundation only.
        .target(name: "TerminalUI", swiftSettings: swift6),
        // The one module that touches curses.
        .target(name: "CursesBackend", dependencies: ["TerminalUI", "CNcursesw"], swiftSettings: swift6),
        // config.toml (settings, key bindings as written, saved views), read the same way by the
        // full-screen client and the commands (`ls --view`).
        .target(name: "TaskFlowSettings", dependencies: ["TaskFlowCore", "TerminalUI", "TaskFlowClient"], swiftSettings: swift6),
        // The full-screen client: Elm-style state, update and views.
        .target(
            name: "TaskFlowTUI", dependencies: ["TaskFlowCore", "TerminalUI", "TaskFlowClient", "TaskFlowSync", "TaskFlowSettings", "CThemes"],
            swiftSettings: swift6
        ),
        // The scriptable commands; tables go through TerminalUI's width and sanitising, and
        // `ls --view` reads config.toml's views through TaskFlowSettings, as the screen does.
        .target(
            name: "TaskFlowCLI",
            dependencies: ["TaskFlowClient", "TaskFlowSync", "TerminalUI", "TaskFlowSettings", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: swift6
        ),

        // ---- Server side ------------------------------------------------------------------
        .target(
            name: "TaskFlowServer",
            dependencies: [
                "TaskFlowCore", "TaskFlowSQLite", "COpenAPI",
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

        // ---- Executables --------------------------------------------------------------------
        // The TUI and the CLI. No TaskFlowServer (no NIO, BoringSSL, PostgreSQL): local mode runs
        // `taskflow-server` as a process of its own.
        // Both link the Swift runtime and Foundation statically, so the plain `swift build -c
        // release` of the README makes what bench/client.sh measures: no dynamic loading and
        // relocating of libFoundation at every start (half the start-up CPU, 6 MB less RSS);
        // the unused ICU data stays on disk, untouched.
        .executableTarget(name: "taskflow", dependencies: ["TaskFlowCLI", "TaskFlowTUI", "TaskFlowSettings", "CursesBackend"],
                          swiftSettings: staticRuntimeSwift, linkerSettings: staticRuntime),
        .executableTarget(name: "taskflow-server", dependencies: ["TaskFlowCore", "TaskFlowServer"],
                          swiftSettings: staticRuntimeSwift, linkerSettings: staticRuntime),

        // ---- Tests: one support target, each module's tests beside it --------------------------
        // Runs the real `taskflow-server` and the Python peers (Peers/) as child processes.
        .target(
            name: "TaskFlowTestSupport", dependencies: ["TaskFlowClient"], path: "Tests/TaskFlowTestSupport",
            resources: [.copy("Peers")], swiftSettings: swift6
        ),
        .testTarget(name: "TaskFlowCoreTests", dependencies: ["TaskFlowCore"], swiftSettings: swift6),
        .testTarget(name: "TaskFlowClientTests", dependencies: ["TaskFlowClient", "TaskFlowTestSupport"], swiftSettings: swift6),
        .testTarget(name: "TerminalUITests", dependencies: ["TerminalUI"], swiftSettings: swift6),
        .testTarget(name: "TaskFlowSyncTests", dependencies: ["TaskFlowSync", "TaskFlowTestSupport"], swiftSettings: swift6),
        .testTarget(name: "TaskFlowTUITests", dependencies: ["TaskFlowTUI", "TaskFlowSettings", "TaskFlowTestSupport"], swiftSettings: swift6),
        .testTarget(name: "TaskFlowCLITests", dependencies: ["TaskFlowCLI", "TaskFlowTestSupport"], swiftSettings: swift6),
        .testTarget(
            name: "TaskFlowServerTests",
            dependencies: [
                "TaskFlowServer", "TaskFlowTestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HummingbirdWSClient", package: "hummingbird-websocket"),
            ],
            swiftSettings: swift6
        ),
    ]
)
