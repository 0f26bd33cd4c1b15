// swift-tools-version: 6.0
import PackageDescription

let package = Package(
  name: "Reel",
  products: [
    .executable(name: "render", targets: ["render"]),
    .library(name: "Reel", targets: ["Reel"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
  ],
  targets: [
    .systemLibrary(
      name: "CCairo",
      path: "Sources/CCairo",
      pkgConfig: "pangocairo libpng fontconfig",
      providers: [.apt(["libcairo2-dev", "libpango1.0-dev", "libpng-dev"])]
    ),
    .target(name: "TensorMath"),
    .target(name: "AttentionData"),
    .target(name: "Transformer", dependencies: ["AttentionData"]),
    .target(name: "CProcess"),
    .target(name: "Canvas", dependencies: ["CCairo"]),
    .target(name: "Reel", dependencies: ["Canvas", "MathType"]),
    .target(name: "MathType", dependencies: ["Canvas"]),
    .target(name: "Export", dependencies: ["Canvas", "Reel", "CProcess"]),
    .target(name: "Batch", dependencies: ["Export", "Canvas", .product(name: "Yams", package: "Yams")]),
    .target(
      name: "Scenes",
      dependencies: [
        "Reel", "Canvas", "TensorMath", "MathType", "AttentionData", "Transformer",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      path: "Scenes"),
    .executableTarget(
      name: "render",
      dependencies: [
        "Scenes", "Export", "Reel", "Canvas", "Batch", "MathType", "AttentionData", "Transformer",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .executableTarget(name: "engine-bench", dependencies: ["Reel", "Canvas"], path: "Benchmarks/EngineBench"),
    .executableTarget(name: "math-bench", dependencies: ["MathType", "Canvas"], path: "Benchmarks/MathBench"),
    .testTarget(name: "TensorMathTests", dependencies: ["TensorMath"]),
    .testTarget(
      name: "AttentionDataTests", dependencies: ["AttentionData", "TensorMath"], resources: [.copy("Fixtures")]),
    .testTarget(
      name: "TransformerTests", dependencies: ["Transformer", "AttentionData"], resources: [.copy("Fixtures")]),
    .testTarget(name: "CanvasTests", dependencies: ["Canvas"]),
    .testTarget(name: "MathTypeTests", dependencies: ["MathType", "Canvas"], resources: [.copy("Fixtures")]),
    .testTarget(name: "ReelTests", dependencies: ["Reel", "Canvas"]),
    .testTarget(
      name: "ScenesTests", dependencies: ["Scenes", "Reel", "Canvas", "Export", "TensorMath", "MathType"],
      exclude: ["Golden"]),
    .testTarget(name: "ExportTests", dependencies: ["Export", "Canvas", "Reel"]),
    .testTarget(name: "BatchTests", dependencies: ["Batch", "Export"]),
    .testTarget(name: "renderTests", dependencies: ["render", "Canvas"]),
  ]
)
