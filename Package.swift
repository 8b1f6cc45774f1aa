// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "portal-gen",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "portal-gen", targets: ["portal-gen"]),
        .library(name: "PortalKit", targets: ["PortalKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.19"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        // Already in hummingbird's graph; named for the preview's graceful shutdown, logger and socket errors.
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.6.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.80.0"),
        // Already in hummingbird's graph: SHA-256 of attachments, which supervisors verify originals with.
        .package(url: "https://github.com/apple/swift-crypto", from: "4.0.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"]), .brew(["cmark"])]
        ),
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]
        ),
        .systemLibrary(name: "CPortalSystem"),
        .target(
            name: "PortalKit",
            dependencies: [
                "CCmark",
                "CPortalSystem",
                "CLibXML2",
                .product(name: "Yams", package: "Yams"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            plugins: ["EmbedDefaultTheme"]
        ),
        // Generates the Swift source that holds Themes/default (see Plugins/EmbedDefaultTheme).
        .executableTarget(name: "theme-embedder"),
        .plugin(name: "EmbedDefaultTheme", capability: .buildTool(), dependencies: ["theme-embedder"]),
        .executableTarget(
            name: "portal-gen",
            dependencies: [
                "PortalKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(
            name: "PortalTestSupport",
            path: "Tests/PortalTestSupport"
        ),
        .executableTarget(
            name: "portal-bench",
            dependencies: [.product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .testTarget(
            name: "PortalKitTests",
            dependencies: [
                "PortalKit", "PortalTestSupport", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        .testTarget(
            name: "portal-genTests",
            dependencies: ["portal-gen", "PortalKit", "PortalTestSupport", .product(name: "Yams", package: "Yams")]
        ),
    ]
)
