extension Message {
    /// The message in Simplified Chinese: what is wrong and how to fix it, in plain words.
    var chinese: String {
        switch self {
        case .unconverted(let words): return words
        // MARK: - Preview (serve)

        // MARK: - Scaffold (init, new)
        case .helpInitAbstract: return "新建一个政府信息公开工作年度报告网站（门户）。"
        case .helpInitDiscussion:
            return """
                在指定文件夹（默认为当前文件夹）中写入门户设置 Content/portal.yml（每一项都有中文注释）、\
                存放报告的 Content/reports/ 文件夹、默认主题 Themes/default/ 和 .gitignore。\
                在终端中运行且缺少选项时，会逐项提问；否则缺少的选项会一次列出。\
                已有 Content/portal.yml 的文件夹不会被改动。新门户可以立即用 portal-gen build 生成网站。
                """
        case .helpInitFolder: return "新门户所在的文件夹（不存在时会新建），默认为当前文件夹。"
        case .helpCounty: return "县（区）名称，例如 示例县。"
        case .helpHostOrgan: return "主办单位，显示在每个页面的页脚，例如 示例县人民政府办公室。"
        case .helpSiteName: return "网站名称，显示在每个页面的页眉和标题中；默认为“县（区）名称+政府信息公开工作年度报告”。"
        case .helpContact: return "联系方式（电话、地址），显示在每个页面的页脚。"
        case .helpInitTownship:
            return "一个乡镇的名称，每个乡镇写一次，按全县的正式顺序；机关全称默认为“县名+乡镇名+人民政府”（街道为“…办事处”），机关全称不是这样的，写成 名称=机关全称。"
        case .helpLanguage: return "提示信息的语言：zh（中文，默认）或 en（英文）。"
        case .helpNewAbstract: return "新建一份年度报告文件，各项内容待填写。"
        case .helpNewDiscussion:
            return """
                写入 <内容文件夹>/reports/<年度>/<网址名>.md：文件开头列出报告的每一项信息（标题已填好，\
                发布日期、索引号等待填写，注释说明写法），三张统计表全部填 0，正文是六个部分的标题和填写提示。\
                已有的文件不会被覆盖。填好发布日期和索引号后，运行 portal-gen check 检查。
                """
        case .helpNewTownship: return "报告所属的乡镇，写 portal.yml 中列出的名称，例如 城关镇。"
        case .helpYear: return "报告年度，例如 2025（报告写的是哪一年的工作）。"
        case .helpContent: return "内容文件夹（其中有 portal.yml 和各份报告），默认为 Content。"
        case .unknownLanguage(let name): return "--lang 只能是 zh（中文）或 en（英文），而不是“\(name)”"
        case .initMissingOptions(let options):
            let lines = options.map { option in
                let meaning =
                    switch option {
                    case .county: "县（区）名称"
                    case .hostOrgan: "主办单位"
                    case .contact: "联系方式（电话、地址）"
                    case .townships: "乡镇名称，每个乡镇写一次，按全县的正式顺序"
                    case .township: "报告所属的乡镇"
                    case .year: "报告年度"
                    }
                return "  " + option.flag.padding(toLength: 14, withPad: " ", startingAt: 0) + meaning
            }
            return
                (["缺少以下必填的选项（没有可以提问的终端，所以要写在命令中）："] + lines + [
                    "例如：",
                    "  portal-gen init --county 示例县 --host-organ 示例县人民政府办公室 --contact \"电话：0000-00000000\" --township 城关镇 --township 东湖镇",
                ]).joined(separator: "\n")
        case .initPortalExists(let settings):
            return "`\(settings)` 已经存在：这个文件夹里已经有门户了，portal-gen init 不会改动它。要新建门户，请指定一个新的文件夹，例如 portal-gen init 新门户"
        case .initInvalidValues: return "输入的内容不能写进 portal.yml（见上），没有创建任何文件；请改正后重新运行。"
        case .initCancelled: return "已取消，没有创建任何文件。"
        case .scaffoldWriteFailed(let path, let reason): return "无法写入 `\(path)`：\(reason)"
        case .initDone(let folder, let siteName, let townships, let firstTownship, let year, let keptTheme):
            var lines = [
                "已新建门户“\(siteName)”（\(townships) 个乡镇），位于\(folder == "." ? "当前文件夹" : " \(folder)")：",
                "  Content/portal.yml   门户设置，每一项都有注释，可以随时修改",
                "  Content/reports/     年度报告放在这里，每份报告一个 .md 文件",
                keptTheme ? "  Themes/default/      已有的主题文件夹，保留原样" : "  Themes/default/      网站的默认主题",
                "  .gitignore           生成的网站（Output/）不纳入版本管理",
                "下一步：",
            ]
            if folder != "." { lines.append("  cd \(folder)") }
            lines.append("  portal-gen new --township \(firstTownship) --year \(year)   新建一份年度报告")
            lines.append("  portal-gen build   生成网站，放在 Output 文件夹中")
            return lines.joined(separator: "\n")
        case .askIntro: return "新建政府信息公开工作年度报告网站。请回答以下问题（按 Ctrl-D 取消）。"
        case .askCounty: return "县（区）名称，例如 示例县："
        case .askHostOrgan(let county): return "主办单位，例如 \(county)人民政府办公室："
        case .askContact: return "联系方式（电话、地址），例如 电话：0000-00000000："
        case .askSiteName(let suggested): return "网站名称（直接按回车使用“\(suggested)”）："
        case .askTownshipsIntro: return "请按全县的正式顺序输入各乡镇的名称，每行一个，输入空行结束："
        case .askTownship(let number): return "  第 \(number) 个乡镇："
        case .askRequired: return "这一项必须填写，请输入。"
        case .askTownshipRequired: return "至少要有一个乡镇，请输入乡镇名称。"
        case .askTownshipRepeated(let name): return "“\(name)”已经输入过了，每个乡镇只写一次。"
        case .newMissingOptions(let options, let example):
            return "缺少 \(options.map(\.flag).joined(separator: " 和 "))：请写明报告所属的乡镇和报告年度，例如 \(example)"
        case .newInvalidYear(let text): return "--year 是报告年度，要写成四位数字，例如 --year 2025，而不是“\(text)”"
        case .newYearNotEnded(let year, let current):
            return "\(year) 年还没有结束（现在是 \(current) 年），年度报告只能写已经结束的年度；请检查 --year，例如 --year \(current - 1)"
        case .newNoSettings(let settings):
            return "找不到门户设置 `\(settings)`：请在门户文件夹（其中有 Content 文件夹）中运行，或用 --content 指定内容文件夹；还没有门户时，先运行 portal-gen init"
        case .newSettingsInvalid(let settings): return "`\(settings)` 有错误（见上），请先改正它，再新建报告。"
        case .newUnknownTownship(let name, let closest):
            return closest.isEmpty
                ? "portal.yml 中没有列出乡镇“\(name)”，也没有列出任何乡镇；请先在 portal.yml 的 townships 中添加"
                : "portal.yml 中没有名为“\(name)”的乡镇；最接近的是：\(closest.joined(separator: "、"))。请写 portal.yml 中列出的名称，例如 --township \(closest[0])"
        case .newReportExists(let path):
            return "`\(path)` 已经存在，portal-gen new 不会覆盖它：要修改这份报告，请直接编辑该文件；要重新开始，请先删除或改名该文件"
        case .newWritten(let path, let check):
            return """
                已写入 \(path)
                下一步：请填写发布日期和索引号，然后运行 \(check)
                （三张统计表已全部填 0，请按实际数字修改；正文中的“请填写”提示请换成报告的内容。）
                """
        case .valueToFill(let key, let label): return "`\(key)`（\(label)）还没有填写：请在这一行的冒号后面写上它的值"
        }
    }
}
