// swift-tools-version:6.0
import PackageDescription

/// How the release `ponder` is linked on Linux (docs/decisions.md, "The release binary keeps the code it runs
/// together"): with lld, relative relocations packed, only the symbols libraries need exported, and the
/// functions a start and a streamed answer run laid out first, in the order of Resources/ponder.order
/// (`make link-order` records it again; the Makefile gives every function a section of its own).
let releaseLinkFlags =
    ["-use-ld=lld"]
    + [
        "-z", "pack-relative-relocs", "--no-export-dynamic",
        "--symbol-ordering-file=\(Context.packageDirectory)/Resources/ponder.order", "--no-warn-symbol-ordering",
    ].flatMap { ["-Xlinker", $0] }

let package = Package(
    name: "Ponder",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "ponder", targets: ["ponder"]),
        .executable(name: "ponder-fake-server", targets: ["ponder-fake-server"]),
    ],
    dependencies: [
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/LebJe/TOMLKit.git", from: "0.6.0"),
    ],
    targets: [
        .systemLibrary(name: "CNcurses", path: "Sources/CNcurses"),
        .systemLibrary(name: "CCmark", path: "Sources/CCmark"),
        .target(name: "CBuildInfo"),
        .target(name: "CMallocTuning"),
        .target(name: "CTaskHooks"),
        .target(name: "CSpawn"),
        .target(
            name: "PonderCore",
            dependencies: [
                "CCmark",
                "CSpawn",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "TOMLKit", package: "TOMLKit"),
            ],
            resources: [.embedInCode("../../Resources/trace-markers.toml")]
        ),
        .target(name: "PonderTUI", dependencies: ["PonderCore", "CNcurses"]),
        .executableTarget(
            name: "ponder",
            dependencies: [
                "PonderCore", "PonderTUI", "CBuildInfo", "CMallocTuning", "CTaskHooks",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            linkerSettings: [.unsafeFlags(releaseLinkFlags, .when(platforms: [.linux], configuration: .release))]
        ),
        .target(
            name: "TestSupport",
            dependencies: [
                "PonderCore",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            path: "Tests/TestSupport"
        ),
        .target(name: "TestTraits", path: "Tests/TestTraits"),
        .executableTarget(name: "ponder-fake-server", dependencies: ["TestSupport"], path: "Tests/FakeServerMain"),
        .executableTarget(name: "ponder-store-probe", dependencies: ["PonderCore"], path: "Tests/StoreProbe"),
        .target(name: "CFuzzDriver", path: "Tests/CFuzzDriver"),
        .target(name: "PonderFuzzTargets", dependencies: ["PonderCore", "PonderTUI"], path: "Tests/FuzzTargets"),
        .executableTarget(
            name: "ponder-fuzz", dependencies: ["PonderFuzzTargets", "CFuzzDriver", "TestSupport"],
            path: "Tests/FuzzMain"),
        .executableTarget(
            name: "ponder-bench",
            dependencies: [
                "PonderCore", "PonderTUI", "TestSupport", .product(name: "GRDB", package: "GRDB.swift"),
            ],
            path: "Benchmarks/PonderBench"
        ),
        .testTarget(name: "CoreTests", dependencies: ["PonderCore", "TestSupport", "TestTraits"]),
        .testTarget(name: "StreamingTests", dependencies: ["PonderCore", "TestSupport", "TestTraits"]),
        .testTarget(name: "StoreTests", dependencies: ["PonderCore", "TestSupport", "TestTraits"]),
        .testTarget(
            name: "PonderTUITests", dependencies: ["PonderTUI", "PonderCore", "TestSupport", "TestTraits"],
            exclude: ["__Snapshots__"]
        ),
        .testTarget(name: "EndToEndTests", dependencies: ["PonderCore", "PonderTUI", "TestSupport", "TestTraits"]),
        .testTarget(
            name: "CLITests",
            dependencies: ["PonderCore", "TestSupport", "TestTraits", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .testTarget(name: "PackageTests", dependencies: ["PonderCore", "TestSupport", "TestTraits"]),
        .testTarget(
            name: "ImportTests",
            dependencies: ["PonderCore", "TestSupport", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .testTarget(
            name: "EngineTests",
            dependencies: [
                "PonderCore", "TestSupport", "TestTraits",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ]
        ),
    ]
)
