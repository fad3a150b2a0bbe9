// swift-tools-version:6.1
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "precis",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "PrecisWire", targets: ["PrecisWire"]),
        .library(name: "PrecisEngine", targets: ["PrecisEngine"]),
        .library(name: "PrecisServer", targets: ["PrecisServer"]),
        .library(name: "PrecisClient", targets: ["PrecisClient"]),
        .executable(name: "precisd", targets: ["precisd"]),
        .executable(name: "precis", targets: ["precis"]),
        .executable(name: "precis-bench", targets: ["precis-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/HdrHistogram/hdrhistogram-swift.git", from: "0.2.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.1"),
    ],
    targets: [
        // C: the protobuf-c runtime and the code protoc-c generates from Proto/.
        .systemLibrary(
            name: "CProtobufC",
            pkgConfig: "libprotobuf-c",
            providers: [.apt(["libprotobuf-c-dev"]), .brew(["protobuf-c"])]
        ),
        .target(name: "CPrecisProto", dependencies: ["CProtobufC"]),
        // C: libxml2's HTML parser, which the engine uses to read web pages.
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]
        ),

        // The protocol: messages, codec, framing, preface. Knows nothing of the engine.
        .target(
            name: "PrecisWire",
            dependencies: [
                "CPrecisProto",
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        // The text engine: pure and synchronous. Knows nothing of the network.
        .target(name: "PrecisEngine", dependencies: ["CLibXML2"], swiftSettings: swiftSettings),
        // The server joins the two.
        .target(
            name: "PrecisServer",
            dependencies: [
                "PrecisWire",
                "PrecisEngine",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "PrecisClient",
            dependencies: [
                "PrecisWire",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "precisd",
            dependencies: [
                "PrecisServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        // The command-line client's batch mode (--jsonl): line reading, JSON lines, retries, order.
        .target(
            name: "PrecisCLIKit",
            dependencies: ["PrecisClient", "PrecisWire"],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "precis",
            dependencies: [
                "PrecisCLIKit",
                "PrecisClient",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),
        // The load tool: its schedule, statistics and reports (tested), and the executable.
        .target(
            name: "PrecisBenchKit",
            dependencies: [
                "PrecisCLIKit",
                "PrecisClient",
                "PrecisWire",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Histogram", package: "hdrhistogram-swift"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "precis-bench",
            dependencies: [
                "PrecisBenchKit",
                "PrecisClient",
                "PrecisWire",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),

        .testTarget(
            name: "PrecisWireTests",
            dependencies: [
                "PrecisWire",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOTestUtils", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "PrecisBenchTests",
            dependencies: ["PrecisBenchKit", "PrecisWire", .product(name: "Histogram", package: "hdrhistogram-swift")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "PrecisClientTests",
            dependencies: [
                "PrecisClient",
                "PrecisWire",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "PrecisCLITests",
            dependencies: [
                "PrecisCLIKit",
                "PrecisClient",
                "PrecisWire",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "PrecisEngineTests", dependencies: ["PrecisEngine"], swiftSettings: swiftSettings),
        .testTarget(
            name: "PrecisServerTests",
            dependencies: [
                "PrecisServer",
                "PrecisWire",
                "PrecisEngine",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "PrecisIntegrationTests",
            dependencies: [
                "PrecisServer",
                "PrecisClient",
                "PrecisWire",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
    ]
)

// libFuzzer targets (`make fuzz`), only when PRECIS_FUZZ=1: they need the fuzzer and address
// sanitizer flags that `make fuzz` passes, and are not part of the normal build.
if Context.environment["PRECIS_FUZZ"] == "1" {
    package.targets += [
        .target(name: "FuzzSupport", path: "Fuzz/Sources/FuzzSupport", swiftSettings: swiftSettings),
        .executableTarget(
            name: "fuzz-wire",
            dependencies: ["FuzzSupport", "PrecisWire", .product(name: "NIOCore", package: "swift-nio")],
            path: "Fuzz/Sources/fuzz-wire",
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "fuzz-client",
            dependencies: ["FuzzSupport", "PrecisClient", "PrecisWire", .product(name: "NIOCore", package: "swift-nio")],
            path: "Fuzz/Sources/fuzz-client",
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "fuzz-jsonl",
            dependencies: ["FuzzSupport", "PrecisCLIKit", "PrecisWire"],
            path: "Fuzz/Sources/fuzz-jsonl",
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "fuzz-engine",
            dependencies: ["FuzzSupport", "PrecisEngine"],
            path: "Fuzz/Sources/fuzz-engine",
            swiftSettings: swiftSettings
        ),
    ]
}
