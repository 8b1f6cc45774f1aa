import Foundation
import Testing

@testable import PortalKit

/// Mutated versions of real fixtures (byte flips, truncation, duplication, inserted separators) go
/// through the front matter, statistics and text-import parsers: none may crash (a trap ends the
/// test run) or take unbounded time. Deterministic: the same seed gives the same inputs.
@Suite struct FuzzTests {
    struct Mutator {
        var state: UInt64

        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }

        mutating func below(_ n: Int) -> Int { n <= 0 ? 0 : Int(next() % UInt64(n)) }

        static let separators: [[UInt8]] = [
            Array("\n---\n".utf8), Array("\t".utf8), Array("|".utf8), Array(": ".utf8), Array("[".utf8),
            Array("~".utf8), Array("&a *a".utf8), Array("\r".utf8), [0], [0xFF], Array("一、".utf8), Array("（七）总计".utf8),
        ]

        mutating func mutate(_ input: [UInt8]) -> [UInt8] {
            var bytes = input
            for _ in 0..<(1 + below(4)) {
                guard !bytes.isEmpty else {
                    bytes = Self.separators[below(Self.separators.count)]
                    continue
                }
                switch below(5) {
                case 0:  // flip a byte
                    let i = below(bytes.count)
                    bytes[i] ^= UInt8(truncatingIfNeeded: 1 << below(8))
                case 1:  // truncate
                    bytes = Array(bytes.prefix(below(bytes.count)))
                case 2:  // duplicate a slice
                    let start = below(bytes.count)
                    let length = below(min(400, bytes.count - start) + 1)
                    bytes.insert(contentsOf: bytes[start..<start + length], at: below(bytes.count))
                case 3:  // insert a separator
                    bytes.insert(contentsOf: Self.separators[below(Self.separators.count)], at: below(bytes.count + 1))
                default:  // delete a slice
                    let start = below(bytes.count)
                    let length = below(min(200, bytes.count - start) + 1)
                    bytes.removeSubrange(start..<start + length)
                }
            }
            return bytes
        }
    }

    static let fixtures = Repository.root.appendingPathComponent("Tests/Fixtures")

    /// Every parser on one input; the results do not matter, only that each returns.
    static func exercise(_ bytes: [UInt8], config: PortalConfig) {
        let data = Data(bytes)
        if let source = try? SourceText.decode(data, displayPath: "fuzz.md") {
            var diagnostics: [Diagnostic] = []
            if let report = ReportSource.parse(source, diagnostics: &diagnostics) {
                let (portal, _) = Validator.validate(config: config, sources: [report])
                for report in portal.reports {
                    _ = StatisticsChecker.check(report)
                    if let body = try? FrontMatter.split(source).body { _ = MarkdownDocument(body).sections() }
                }
            }
            _ = PortalConfigLoader.parse(source, diagnostics: &diagnostics)
        }
        if let decoded = try? EncodingDetector.decode(data, path: "fuzz.txt") {
            let document = PlainTextReader.read(decoded.text)
            // Once as delivered (title detection), once with the township given (table recognition always runs).
            for township in [nil, config.townships.first?.name] {
                _ = try? ReportImporter(
                    config: config, overrides: .init(township: township, year: 2024, published: CalendarDate(iso: "2025-01-20"), indexNumber: "X")
                )
                .recognize(document, plainText: true, displayPath: "fuzz.txt", encoding: decoded.encoding)
            }
        }
    }

    @Test func mutatedFixturesNeverCrashOrHang() throws {
        let config = try #require(parseSettings(String(contentsOf: Self.fixtures.appendingPathComponent("import/portal.yml"), encoding: .utf8)).0)
        let seeds = try [
            Data(contentsOf: Repository.content.appendingPathComponent("reports/2022/nanhe.md")),
            Data(contentsOf: Repository.content.appendingPathComponent("portal.yml")),
            Data(contentsOf: Self.fixtures.appendingPathComponent("import/huazhuang-2024.txt")),
            Data(contentsOf: Self.fixtures.appendingPathComponent("import/chengguan-2023-runtogether.txt")),
            Data(contentsOf: Self.fixtures.appendingPathComponent("import/beiling-2024-cells.txt")),
        ].map { [UInt8]($0) }
        var mutator = Mutator(state: 20_261_127)
        var runs = 0
        for seed in seeds {
            for _ in 0..<400 {
                Self.exercise(mutator.mutate(seed), config: config)
                runs += 1
            }
        }
        #expect(runs == 2000)
    }

    @Test func keptRegressionInputsStillPass() throws {
        let config = try #require(parseSettings(minimalSettings).0)
        let folder = Self.fixtures.appendingPathComponent("fuzz")
        for file in try FileManager.default.contentsOfDirectory(atPath: folder.path) where file != "README.md" {
            Self.exercise([UInt8](try Data(contentsOf: folder.appendingPathComponent(file))), config: config)
        }
    }
}
