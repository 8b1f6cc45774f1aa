import Foundation

// Small values that messages show: each says its own words in both languages.

extension Message {
    /// Which YAML document or group a message is about.
    public enum YAMLPart: String, Sendable, Hashable, Codable {
        case frontMatter, settings, identity, township, attachment, formerName, feeds, siteMap, countyPortal

        var chinese: String {
            switch self {
            case .frontMatter: "报告开头的信息区（两行 --- 之间）"
            case .settings: "portal.yml"
            case .identity: "`identity`（网站标识）"
            case .township: "乡镇条目"
            case .attachment: "附件条目（`attachments` 的一项）"
            case .formerName: "曾用名条目（former_names）"
            case .feeds: "`feeds`（RSS订阅）"
            case .siteMap: "`sitemap`（网站地图）"
            case .countyPortal: "`county_portal`（县政府门户网站）"
            }
        }

        var english: String {
            switch self {
            case .frontMatter: "the front matter"
            case .settings: "portal.yml"
            case .identity: "identity"
            case .township: "a township"
            case .attachment: "an attachment (an item of `attachments`)"
            case .formerName: "a former name (former_names)"
            case .feeds: "feeds"
            case .siteMap: "sitemap"
            case .countyPortal: "county_portal"
            }
        }
    }

    /// The kind of figure a column holds, for findings of T2-1 and T3-4.
    public enum FigureKind: String, Sendable, Hashable, Codable {
        case count, change, money

        var chinese: String {
            switch self {
            case .count: "非负整数"
            case .change: "整数"
            case .money: "非负金额"
            }
        }

        var english: String {
            switch self {
            case .count: "a whole number ≥ 0"
            case .change: "a whole number"
            case .money: "an amount ≥ 0"
            }
        }
    }

    /// One labelled figure of a sum shown in a finding (`予以公开 3`).
    public struct Term: Sendable, Hashable, Codable {
        public var label: String
        public var value: String

        public init(label: String, value: String) {
            self.label = label
            self.value = value
        }

        static func list(_ terms: [Term], _ separator: String) -> String {
            terms.map { "\($0.label) \($0.value)" }.joined(separator: separator)
        }
    }

    /// A record a build keeps beside or inside the output folder.
    public enum BuildRecord: String, Sendable, Hashable, Codable {
        case manifest, parseCache, journal

        var chinese: String {
            switch self {
            case .manifest: "上次构建的记录"
            case .parseCache: "上次构建的解析缓存"
            case .journal: "上次中断的构建留下的记录"
            }
        }

        var english: String {
            switch self {
            case .manifest: "the last build's record"
            case .parseCache: "the last build's parse cache"
            case .journal: "the record left by an interrupted build"
            }
        }
    }

    /// Why a record of the last build was not used.
    public enum RecordProblem: Sendable, Hashable, Codable {
        case damaged, foreign
        case unreadable(String)

        var chinese: String {
            switch self {
            case .damaged: "已损坏（校验和不符或内容不完整）"
            case .foreign: "由另一版本的 portal-gen 写入"
            case .unreadable(let why): "无法读取（\(why)）"
            }
        }

        var english: String {
            switch self {
            case .damaged: "is damaged (its checksum does not match or it is incomplete)"
            case .foreign: "was written by another version of portal-gen"
            case .unreadable(let why): "cannot be read (\(why))"
            }
        }
    }

    /// A detail of a report that import needs and the file may not state.
    public enum ImportDetail: String, Sendable, Hashable, Codable, CaseIterable {
        case township, year, published, indexNumber

        var chinese: String {
            switch self {
            case .township: "属于哪个乡镇（--township）"
            case .year: "报告年度（--year）"
            case .published: "发布日期（--published）"
            case .indexNumber: "索引号（--index-number）"
            }
        }

        var english: String {
            switch self {
            case .township: "the township (--township)"
            case .year: "the reporting year (--year)"
            case .published: "the publication date (--published)"
            case .indexNumber: "the 索引号 (--index-number)"
            }
        }
    }

    /// The work a progress line counts.
    public enum ProgressStep: String, Sendable, Hashable, Codable {
        case build, check, importing

        var chinese: String {
            switch self {
            case .build: "构建"
            case .check: "检查"
            case .importing: "导入"
            }
        }

        var english: String {
            switch self {
            case .build: "Building"
            case .check: "Checking"
            case .importing: "Importing"
            }
        }
    }
}

extension Message {
    /// Why LibreOffice gave no `.docx` for a `.doc`, `.wps` or `.rtf` file.
    public enum ConversionFailure: Sendable, Hashable, Codable {
        /// It ended with an error and said this (its first lines).
        case said(String, status: Int)
        /// It ended with this status and said nothing.
        case status(Int)
        /// It ended normally but wrote no `.docx` (it could not load the file).
        case noOutput(said: String?)
        /// It printed more than it may (`megabytes`) and was stopped.
        case tooMuchOutput(megabytes: Int)
        /// The temporary folder for the conversion could not be prepared: the system's words.
        case preparation(String)

        var chinese: String {
            switch self {
            case .said(let words, let status): "LibreOffice 出错结束（状态 \(status)），它的提示是：\(words)"
            case .status(let status): "LibreOffice 出错结束（状态 \(status)），没有给出原因"
            case .noOutput(let words): "LibreOffice 打不开这个文件，没有转换出 .docx\(words.map { "（它的提示是：\($0)）" } ?? "")"
            case .tooMuchOutput(let megabytes): "LibreOffice 输出的内容超过 \(megabytes) MB，已停止"
            case .preparation(let reason): "无法准备转换用的临时文件夹：\(reason)"
            }
        }

        var english: String {
            switch self {
            case .said(let words, let status): "LibreOffice ended with status \(status), saying: \(words)"
            case .status(let status): "LibreOffice ended with status \(status) and gave no reason"
            case .noOutput(let words): "LibreOffice could not open the file and wrote no .docx\(words.map { " (it said: \($0))" } ?? "")"
            case .tooMuchOutput(let megabytes): "LibreOffice printed more than \(megabytes) MB and was stopped"
            case .preparation(let reason): "the temporary folder for the conversion could not be prepared: \(reason)"
            }
        }
    }
}
