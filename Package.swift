// swift-tools-version:6.0
import PackageDescription

// Kaiqu (开渠): a chat-first assistant for channel-sales reps.
// No package dependencies: Foundation, Dispatch, XCTest and the system SQLite only.
// Release builds on Linux link the Swift runtime and Foundation statically (what
// `--static-swift-stdlib` does): start-up skips ~5 ms of dynamic linking (kaiqu-bench), and
// the binary runs on a machine without Swift. The price is size (~75 MB, mostly ICU's data).
let staticRelease = BuildSettingCondition.when(platforms: [.linux], configuration: .release)
// Release builds also optimize across modules: the dialogue calls into the store and the
// parser on every message, and inlining and specializing across those calls saves ~2% of
// `kaiqu serve`'s instructions (callgrind over the bridge bench's mix).
let staticSwift: [SwiftSetting] = [.unsafeFlags(["-static-stdlib"], staticRelease),
                                   .unsafeFlags(["-cross-module-optimization"], .when(configuration: .release))]
let staticLink: [LinkerSetting] = [.unsafeFlags(["-static-stdlib"], staticRelease)]

let package = Package(
    name: "Kaiqu",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "kaiqu", targets: ["kaiqu"]),
        .executable(name: "kaiqu-bench", targets: ["kaiqu-bench"]),
        .executable(name: "kaiqu-fuzz", targets: ["kaiqu-fuzz"]),
    ],
    targets: [
        // The system SQLite (libsqlite3-dev on Debian/Ubuntu): module map only.
        .systemLibrary(
            name: "CSQLite",
            path: "Sources/CSQLite",
            providers: [.apt(["libsqlite3-dev"]), .brew(["sqlite"])]
        ),
        // normalize → entities → intent match → slots. Pure: no clock, no I/O.
        .target(name: "KaiquNLU", swiftSettings: staticSwift),
        // Pure state machine: state + event → state + effects. It owns the domain (cards,
        // visits, the changes it asks for, the reads it needs) and does no I/O.
        .target(name: "KaiquDialogue", dependencies: ["KaiquNLU"], swiftSettings: staticSwift),
        // The only code that calls sqlite3_*: keeps the dialogue's cards and applies its changes.
        .target(name: "KaiquStore", dependencies: ["CSQLite", "KaiquDialogue", "KaiquNLU"], swiftSettings: staticSwift),
        // Modes, argument parsing, terminal and file I/O. Carries a copy of intents/
        // (Generated/EmbeddedIntents.swift, written by kaiqu-embed) so the binary works anywhere.
        .target(name: "KaiquCLI", dependencies: ["KaiquNLU", "KaiquStore", "KaiquDialogue"], swiftSettings: staticSwift),
        .executableTarget(name: "kaiqu", dependencies: ["KaiquCLI"], swiftSettings: staticSwift, linkerSettings: staticLink),
        // It imports the libraries itself: named here so a change there rebuilds it (with only
        // KaiquCLI named, an incremental build kept a stale object that crashed).
        .executableTarget(name: "kaiqu-bench", dependencies: ["KaiquCLI", "KaiquNLU", "KaiquDialogue", "KaiquStore"], swiftSettings: staticSwift, linkerSettings: staticLink),
        // The chat fuzzer's line generator and driver: shared by kaiqu-fuzz and the fuzz tests.
        .target(name: "KaiquFuzz", dependencies: ["KaiquCLI", "KaiquNLU", "KaiquDialogue"], swiftSettings: staticSwift),
        // Named like kaiqu-bench's, for the same reason.
        .executableTarget(name: "kaiqu-fuzz", dependencies: ["KaiquFuzz", "KaiquCLI", "KaiquNLU", "KaiquDialogue", "KaiquStore"], swiftSettings: staticSwift, linkerSettings: staticLink),
        // `swift run kaiqu-embed` after editing intents/: refreshes the binary's built-in copy.
        // (A build-tool plugin would be neater, but SwiftPM does not re-run one when only its
        // input files change: swift-package-manager#7891.) A test fails while the copy is stale.
        .executableTarget(name: "kaiqu-embed"),
        // Corpora are read through #filePath, not bundled.
        .testTarget(name: "KaiquNLUTests", dependencies: ["KaiquNLU", "KaiquDialogue"], exclude: ["Entities/Corpora", "Entities/Temporal/conformance-exclusions.txt", "Entities/Temporal/holiday-scope.txt",
                                                                                                           "Entities/Temporal/holidays.examples", "Entities/Temporal/Corpora", "Match/DevCorpus", "Match/WrittenApart"]),
        .testTarget(name: "KaiquStoreTests", dependencies: ["KaiquStore", "KaiquDialogue", "KaiquNLU", "CSQLite"]),
        .testTarget(name: "KaiquDialogueTests", dependencies: ["KaiquDialogue", "KaiquNLU", "KaiquStore"], exclude: ["Training/Moves"]),
        // Depends on the executable so `swift test` builds the binary the end-to-end tests spawn.
        .testTarget(name: "KaiquCLITests", dependencies: ["KaiquCLI", "KaiquNLU", "KaiquDialogue", "KaiquStore", "KaiquFuzz", "kaiqu"]),
    ]
)
