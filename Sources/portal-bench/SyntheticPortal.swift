import Foundation

/// A deterministic synthetic portal for benchmarks: `reports` reports over `townships` townships
/// and `years` years, each with a 3–6 KB narrative in the structure of a real report and complete,
/// consistent tables (about one report in a hundred has a published arithmetic slip).
struct SyntheticPortal {
    var reports: Int
    var townships: Int
    var years: Int
    var seed: UInt64 = 2024

    /// SplitMix64: the same seed gives the same portal on every machine.
    struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func int(_ range: ClosedRange<Int>) -> Int {
            range.lowerBound + Int(next() % UInt64(range.count))
        }
        mutating func pick<T>(_ items: [T]) -> T { items[int(0...(items.count - 1))] }
    }

    static let syllables = Array("东西南北中清河山湖川石桥林花柳松竹梅兰新安平和丰乐泉溪青白龙凤金玉宝华阳明德兴盛永长")
    static let sentences = [
        "严格落实政府信息公开审查制度，坚持先审后发，确保公开信息准确、规范、及时。",
        "围绕乡村振兴、安全生产、防汛抗旱等中心工作，及时公开政策文件、工作动态和办事指南。",
        "依托县政府门户网站专栏、政务公开栏、村务公开栏等渠道，拓宽信息公开覆盖面。",
        "对惠民惠农财政补贴资金发放情况进行公示，接受群众监督，保障群众的知情权和监督权。",
        "规范依申请公开办理流程，做到依法受理、按时答复，未发生因答复不及时引发的复议或诉讼。",
        "加强政策解读，采用图文解读、问答等形式，提高政策知晓度和群众满意度。",
        "健全信息发布协调机制，明确各站所信息员职责，做到专人负责、及时更新。",
        "对照基层政务公开标准目录，梳理公开事项，明确公开主体、公开时限和公开方式。",
        "组织开展政务公开业务培训，提高工作人员的政策水平和业务能力。",
        "将政务公开工作纳入年度目标考核，定期开展督查，对发现的问题及时整改。",
        "及时清理过时信息和长期未更新栏目，确保平台内容准确有效。",
        "做好个人信息保护工作，对公示材料中的身份证号码、联系电话等敏感信息进行处理。",
    ]
    static let subsections = ["（一）主动公开", "（二）依申请公开", "（三）政府信息管理", "（四）政府信息公开平台建设", "（五）监督保障"]

    func townshipName(_ index: Int) -> String {
        let s = Self.syllables
        return "\(s[index % s.count])\(s[(index / s.count) % s.count])\(index / (s.count * s.count) > 0 ? "第\(index / (s.count * s.count) + 1)" : "")镇"
    }

    /// Writes `portal.yml` and the report files under `content`.
    func write(to content: URL) throws {
        let fm = FileManager.default
        try? fm.removeItem(at: content)
        try fm.createDirectory(at: content, withIntermediateDirectories: true)
        var settings = """
            site_name: 基准测试县政府信息公开工作年度报告
            county: 基准测试县
            host_organ: 基准测试县人民政府办公室
            contact: 电话 0000-0000000
            base_path: /xxgk/ndbg/
            site_url: https://www.example.gov.cn
            identity:
              site_code: "0000000000"
              icp: 示ICP备00000000号
            deadline: 03-31
            sample_data: true
            townships:

            """
        for t in 0..<townships {
            settings += "  - name: \(townshipName(t))\n    organ: 基准测试县\(townshipName(t))人民政府\n    slug: t\(String(format: "%05d", t))\n"
        }
        try Data(settings.utf8).write(to: content.appendingPathComponent("portal.yml"))

        var random = Generator(state: seed)
        let lastYear = 2024
        var carried = [Int](repeating: 0, count: townships)
        var written = 0
        outer: for y in 0..<years {
            let year = lastYear - years + 1 + y
            let folder = content.appendingPathComponent("reports/\(year)")
            try fm.createDirectory(at: folder, withIntermediateDirectories: true)
            for t in 0..<townships {
                if written == reports { break outer }
                let text = report(township: t, year: year, carriedIn: carried[t], random: &random, carriedOut: &carried[t])
                try Data(text.utf8).write(to: folder.appendingPathComponent("t\(String(format: "%05d", t)).md"))
                written += 1
            }
        }
    }

    func report(township t: Int, year: Int, carriedIn: Int, random: inout Generator, carriedOut: inout Int) -> String {
        let name = townshipName(t)
        let newApplications = random.int(0...12)
        let total = newApplications + carriedIn
        let carryNext = total > 0 ? random.int(0...min(2, total)) : 0
        let handled = total - carryNext
        let disclosed = handled > 0 ? random.int(0...handled) : 0
        let partial = handled - disclosed > 0 ? random.int(0...(handled - disclosed)) : 0
        let unable = handled - disclosed - partial
        carriedOut = carryNext
        let slip = random.int(0...99) == 0
        func row(_ value: Int) -> String { "[\(value), 0, 0, 0, 0, 0, \(value)]" }
        var lines = [
            "---",
            "title: 基准测试县\(name)人民政府\(year)年政府信息公开工作年度报告",
            "township: \(name)", "year: \(year)",
            "published: \(year + 1)-0\(random.int(1...3))-\(String(format: "%02d", random.int(10...28)))",
            "index_number: B\(String(format: "%05d", t))/\(year + 1)-00001",
            "format: 2021", "t2:",
            "  rules: [0, 0, 0]", "  normative: [0, 0, \(t % 6)]",
            "  licensing: \(random.int(0...80))", "  penalty: \(random.int(0...9))", "  coercion: \(random.int(0...2))",
            "  fees: \(random.int(0...9)).\(random.int(0...999))", "t3:",
        ]
        var rows: [(String, Int)] = [("N", newApplications), ("K", carriedIn), ("A", disclosed), ("B", partial)]
        rows += (1...8).map { ("C\($0)", 0) }
        rows += [("D1", unable), ("D2", 0), ("D3", 0)]
        rows += (1...5).map { ("E\($0)", 0) }
        rows += (1...3).map { ("F\($0)", 0) }
        rows += [("G", slip ? handled + 1 : handled), ("J", carryNext)]
        lines += rows.map { "  \($0.0): \(row($0.1))" }
        lines += ["t4:", "  R: [0, 0, 0, 0, 0]", "  S: [0, 0, 0, 0, 0]", "  P: [0, 0, 0, 0, 0]", "---", ""]
        var body =
            "## 一、总体情况\n\n\(year)年，\(name)认真贯彻落实《中华人民共和国政府信息公开条例》，"
            + (newApplications == 0 ? "本年度未收到政府信息公开申请。" : "全年共收到政府信息公开申请\(newApplications)件。") + "\n\n"
        let target = random.int(3000...6000)
        var sectionIndex = 0
        while body.utf8.count < target - 600 {
            body += "### \(Self.subsections[sectionIndex % Self.subsections.count])\n\n"
            for _ in 0..<random.int(2...3) {
                body += (0..<random.int(3...5)).map { _ in random.pick(Self.sentences) }.joined() + "\n\n"
            }
            sectionIndex += 1
        }
        body += "## 五、存在的主要问题及改进情况\n\n" + (0..<4).map { _ in random.pick(Self.sentences) }.joined() + "\n\n"
        body += "## 六、其他需要报告的事项\n\n本年度未收取信息处理费。\n"
        return lines.joined(separator: "\n") + "\n" + body
    }
}
