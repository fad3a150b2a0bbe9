// swift-tools-version:6.1
// Development tools outside the product: `engine-tool` runs PrecisEngine directly over JSON
// lines for evaluation against ../shared/eval and for speed measurements. Build with
// `swift build -c release --package-path Benchmarks`.
import PackageDescription

let package = Package(
    name: "precis-benchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "precis", path: ".."),
    ],
    targets: [
        .executableTarget(
            name: "engine-tool",
            dependencies: [.product(name: "PrecisEngine", package: "precis")],
            swiftSettings: [.swiftLanguageMode(.v6)]
        ),
    ]
)
