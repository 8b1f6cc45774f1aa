import Foundation

extension Message {
    /// The message in Simplified Chinese: what is wrong and how to fix it, in plain words.
    var chinese: String {
        switch self {

        // MARK: - Reading the content folder

        case .contentFolderMissing(let folder):
            return "内容文件夹 `\(folder)` 不存在；请在网站所在的文件夹中运行 portal-gen，或用 --content 指定内容文件夹"
        case .settingsMissing(let file):
            return "缺少网站设置文件：请在内容文件夹中创建 `\(file)`（写法见用户手册“网站设置”一节），或用 portal-gen init 新建网站"
        case .nameNotUTF8:
            return "这里有一个文件或文件夹的名字不是 UTF-8 编码（可能是 GBK）；请把它重新命名，让名字可以读出"
        case .folderUnreadable(let reason):
            return "无法打开这个文件夹（\(reason)），其中的报告没有读入；请检查文件夹的权限"
        case .symbolicLinkSkipped:
            return "这是一个符号链接，portal-gen 不会跟随它（它指向的文件或文件夹不会被读入）；请把文件或文件夹本身复制到内容文件夹里"
        case .fileTooLarge(let megabytes, let limit):
            return "这个文件有 \(megabytes) MB；一份报告文件最多 \(limit) MB（附件请作为单独的文件放到网站上，不要写进正文）"
        case .fileChangedWhileRead:
            return "文件在构建过程中被修改（读取它时它正被写入）；请等编辑器保存完成后重新构建"
        case .fileChangedAfterParse:
            return "文件在构建过程中被修改（解析之后又被改动）；请等编辑器保存完成后重新构建"
        case .fileUnreadable(let reason):
            return "无法读取这个文件：\(reason)"
        case .fileHasNUL(let offset, let looksLikeUTF16):
            return "文件中有空字符（NUL）\(offset.map { "，位于第 \($0) 个字节" } ?? "")\(looksLikeUTF16 ? "（看起来是没有字节顺序标记的 UTF-16）" : "")；请把文件另存为 UTF-8 文本"
        case .fileBadUTF16:
            return "文件开头像是 UTF-16 编码，但无法解码；请把文件另存为 UTF-8"
        case .fileNotUTF8(let offset):
            return "文件不是 UTF-8 编码（第 \(offset) 个字节无法识别）；请另存为 UTF-8（记事本：“另存为”→“编码”选“UTF-8”）"

        // MARK: - Front matter and YAML

        case .frontMatterAbsent(let fileIsEmpty):
            return "\(fileIsEmpty ? "文件是空的" : "文件开头没有报告信息区")；一份报告以一行 `---` 开头，接着是报告信息（title、township、year 等，每行一项），再一行 `---`，然后是正文"
        case .frontMatterUnclosed:
            return "第 1 行开始的报告信息区没有结束；请在最后一项信息的下一行加一行 `---`"
        case .yamlTooLarge(let part, let limit):
            return "\(part.chinese)超过 \(limit) MB；网站文件不需要这么大"
        case .yamlAlias(let part, let sign):
            return "\(part.chinese)使用了 YAML 的锚点或别名（`\(sign)名字`）；网站文件用不到它们，请把每个值直接写出来"
        case .yamlTooDeep(let part, let limit):
            return "\(part.chinese)的嵌套超过 \(limit) 层；网站文件最多只用三层"
        case .yamlEmpty(let part):
            return "\(part.chinese)是空的；请按“键: 值”的格式每行写一项"
        case .yamlNotMapping(let part):
            return "\(part.chinese)必须是每行一项的“键: 值”（冒号用半角，冒号后有空格）"
        case .yamlFullWidth(let character, let name, let replacement, let example):
            return "这里是全角的“\(character)”（\(name)）；这里要用半角（英文输入法）的“\(replacement)”，请切换到英文输入法重新输入，例如 `\(example)`"
        case .yamlEmptyItem:
            return "这里少了一个数字（两个逗号之间是空的）；没有填写的格子请写 ~，例如 `[6, 1, ~, 0]`"
        case .yamlColonInValue(let key, let value):
            return "这个值里有“冒号加空格”，YAML 会把它误读成新的一项；请给整个值加上英文双引号：`\(key): \(value)`"
        case .yamlTabIndent:
            return "这一行用 Tab 键缩进；这里只能用空格缩进，请把 Tab 换成空格（每一级两个空格）"
        case .yamlNoSpaceAfterColon(let key, let value):
            return "`\(key):` 的冒号后面缺少空格；请写成 `\(key): \(value)`"
        case .yamlUnclosedQuote(let quote):
            return "这里的引号 \(quote) 没有配对；请在这个值的末尾补上 \(quote)，或者去掉开头的引号"
        case .yamlUnclosedBracket(let open, let close):
            return "这里的“\(open)”没有闭合；请在这一行的末尾补上“\(close)”"
        case .yamlSyntax(let problem):
            return "这里的写法无法读取（YAML 语法错误：\(problem)）；请检查缩进是否对齐、冒号是否为半角并且后面有空格、含有 `:` 或 `#` 的文字是否加了引号"
        case .yamlDuplicateKey(let keys):
            return "`\(keys.joined(separator: "`、`"))` 写了两次；请只保留一个"
        case .keyNotText(let part):
            return "\(part.chinese)的键必须是简单的英文单词"
        case .unknownKey(let key, let part, let suggestion, let known):
            return "\(part.chinese)中没有 `\(key)` 这一项\(suggestion.map { "；是不是想写 `\($0)`？" } ?? "；可以写的项是：\(known.joined(separator: "、"))")"
        case .keyMissing(let key, let label):
            return "缺少 `\(key)`（\(label)）；请加一行 `\(key): …`"
        case .keyEmpty(let key, let label):
            return "`\(key)`（\(label)）是空的；请在冒号后面写上它的值"
        case .valueNotText(let key, let label):
            return "`\(key)`（\(label)）应当是一行文字，不能是列表或分组"
        case .hiddenCharacter(let key, let label, let position, let code, let isDirectionControl):
            return
                "`\(key)`（\(label)）的第 \(position) 个字符是\(isDirectionControl ? "文字方向控制字符 \(code)，它会让文字显示的顺序与实际不同；请删除它" : "控制字符 \(code)，它不会显示，却会扰乱网页和表格；请删除它（常见于从其他软件复制的文字，或 YAML 的 \\0、\\a、\\e 这类转义）")"
        case .notWholeNumber(let key, let label, let text):
            return "`\(key)`（\(label)）是 `\(text)`，应当是用半角数字 0-9 写的整数，例如 `\(key): 2024`"
        case .fullWidthDigits(let key, let label, let text, let ascii):
            return "`\(key)`（\(label)）写的是全角数字 `\(text)`；请用半角（英文输入法）数字：`\(key): \(ascii)`"
        case .numberOutOfRange(let key, let label, let value, let lowest, let highest):
            return "`\(key)`（\(label)）是 \(value)；它应当在 \(lowest) 到 \(highest) 之间"
        case .notTrueOrFalse(let key, let label):
            return "`\(key)`（\(label)）只能写 `true`（是）或 `false`（否）"
        case .dateWithTime(let key, let label, let text, let date):
            return "`\(key)`（\(label)）是 `\(text)`，带有时间或时区；只写日期即可：`\(key): \(date)`"
        case .dateWrongForm(let key, let label, let text, let date):
            return "`\(key)`（\(label)）写成了 `\(text)`；日期要写成“年-月-日”，用半角短横线连接，月和日写两位：`\(key): \(date)`"
        case .dateNotReal(let key, let label, let text):
            return "`\(key)`（\(label)）是 `\(text)`，这不是一个真实的日期；请写成“年-月-日”，例如 `\(key): 2025-01-20`"
        case .notAGroup(let key, let label):
            return "`\(key)`（\(label)）应当是一组缩进的“键: 值”行"
        case .notAList(let key, let label):
            return "`\(key)`（\(label)）应当是一个列表，每一项以 `- ` 开头"
        case .listItemNotAGroup(let key, let label):
            return "`\(key)`（\(label)）的每一项都应当是一组“键: 值”行"

        // MARK: - Settings (portal.yml)

        case .basePathInvalid:
            return "`base_path`（网站路径）只能由字母、数字和 `-`、`_`、`.`、`/` 组成，例如 `/xxgk/ndbg/`"
        case .siteURLInvalid:
            return "`site_url`（网站地址）必须写成 `https://域名` 的形式，可带端口和路径，例如 `https://www.example.gov.cn` 或 `https://www.example.gov.cn/xxgk`；不能含有 `@`、`?`、`#`、空格或用户名"
        case .policeLinkInvalid:
            return "`police_link`（公安备案链接）必须以 https:// 开头"
        case .identityLinkInvalid(let key, let label):
            return "`\(key)`（\(label)）必须是以 https:// 或 http:// 开头的网址，例如 `https://bszs.conac.cn/sitename?method=show&id=…`"
        case .badgePathInvalid(let path):
            return "`badge`（党政机关网站标识图片）`\(path)` 应当是 Content 文件夹里的相对路径，例如 `badge: images/dzjg.png`；不能以 `/` 开头，不能含有 `..` 或 `\\`"
        case .badgeFileMissing(let path, let folder):
            return "找不到党政机关网站标识图片 `\(path)`（在 `\(folder)` 文件夹中查找）；请把图片文件放到这里，或改正 `badge:` 后的路径"
        case .badgeImageUnreadable(let path):
            return "党政机关网站标识图片 `\(path)` 不是能读出尺寸的 PNG、JPEG 或 GIF 图片；请使用发证机关提供的 PNG 图片"
        case .deadlineInvalid(let text):
            return "`deadline`（报告截止日期）是 `\(text)`；请写成报告年度次年的“月-日”，例如 `deadline: 03-31` 表示 3 月 31 日"
        case .townshipsEmpty:
            return "`townships`（乡镇列表）中没有任何乡镇；请按全县的法定顺序，每个乡镇写一项"
        case .creditCodeInvalid(let code):
            return "`credit_code` `\(code)` 不是 18 位的统一社会信用代码（由数字和大写字母组成）"
        case .slugInvalid(let slug, let reserved):
            return "`slug` `\(slug)` 不能用在网址中；请只用小写字母 a-z、数字和短横线（不能全是数字，不能是 \(reserved.joined(separator: "、"))），例如 `slug: huazhuang`"
        case .slugUnderivable(let name):
            return "无法由名称 `\(name)` 生成网址；请加一行 `slug: …`，用小写字母 a-z、数字和短横线"
        case .townshipListedTwice(let name, let firstLine):
            return "乡镇 `\(name)` 列出了两次（第一次在第 \(firstLine) 行）；每个乡镇只列一次"
        case .slugShared(let name, let other, let otherLine, let slug):
            return "`\(name)` 和 `\(other)`（第 \(otherLine) 行）会使用同一个网址 `\(slug)`；请给其中一个单独写一行 `slug: …`"
        case .supervisionInvalid(let text):
            return "`supervision`（监督页）是 `\(text)`；请写 `public`（在网站上公开，默认）、`office`（只为主管部门另行生成，不在公开网站中）或 `none`（不生成）"
        case .abolishedBeforeEstablished(let name, let established, let abolished):
            return "乡镇 `\(name)` 的 `abolished`（撤销年度）\(abolished) 早于 `established`（设立年度）\(established)；请改正其中一个：abolished 是应报送年报的最后一个年度"
        case .mergedIntoWithoutAbolished(let name):
            return "乡镇 `\(name)` 写了 `merged_into`（并入的乡镇），但没有写 `abolished`（撤销年度）；请加一行 `abolished: 年度`，写它应报送年报的最后一个年度，例如 `abolished: 2023`"
        case .mergedIntoUnknown(let name, let target, let suggestion):
            return
                "乡镇 `\(name)` 的 `merged_into` 是 `\(target)`，但 portal.yml 的 `townships` 中没有这个乡镇\(suggestion.map { "；是不是 `\($0)`？" } ?? "；请写列表中另一个乡镇的名称或 slug")"
        case .mergedIntoItself(let name):
            return "乡镇 `\(name)` 的 `merged_into` 指向它自己；请写它并入的另一个乡镇的名称或 slug"
        case .mergedIntoGone(let name, let target, let year):
            return "乡镇 `\(name)` 并入 `\(target)`，但 `\(target)` 在 \(year) 年度并不存在（见它的 established / abolished）；请检查两个乡镇的年度"
        case .formerNameUntilOutside(let name, let former, let until, let first, let last):
            return
                "乡镇 `\(name)` 的曾用名 `\(former)` 写了 `until: \(until)`，但它\(first.map { "从 \($0) 年度起才设立" } ?? "")\(first != nil && last != nil ? "、" : "")\(last.map { "最后一个年度是 \($0)" } ?? "")；曾用名的 until 是使用该名称的最后一个年度，要在设立之后、现名称启用之前"
        case .formerNameTaken(let former, let other, let otherLine):
            return "曾用名 `\(former)` 已被乡镇 `\(other)`（第 \(otherLine) 行）使用；一个名称只能属于一个乡镇，否则无法判断报告属于哪个乡镇"
        case .formerNameUntilRepeated(let former, let other, let until):
            return "曾用名 `\(former)` 和 `\(other)` 都写了 `until: \(until)`；同一年度只能有一个名称，请改正其中一个"
        case .reportOutsideExistence(let township, let year, let established, let abolished):
            return
                "这是\(township) \(year) 年度的报告，但按 portal.yml 的设置，\(township)\(established.map { "从 \($0) 年度起才设立" } ?? "")\(established != nil && abolished != nil ? "，" : "")\(abolished.map { "\($0) 年度后已撤销" } ?? "")；请检查报告的 `year` 和 `township`，或 portal.yml 中的 established / abolished"
        case .reportFormerNameOutOfTime(let written, let year, let until, let present):
            return
                "`township` 写的是曾用名 `\(written)`，它只用到 \(until) 年度；\(year) 年度这个乡镇名为 `\(present)`，报告将显示在 `\(present)` 名下。请把 `township` 改为 `\(present)`，或检查 portal.yml 中曾用名的 until"
        case .officeFolderInsideOutput(let office, let output):
            return "监督页的内部文件夹 `\(office)` 与输出文件夹 `\(output)` 互相包含；它必须在输出文件夹之外（例如输出文件夹旁边的 `监督页` 文件夹），否则会随网站一起发布"
        case .officeFolderUnwritable(let office, let reason):
            return "无法写入监督页的内部文件夹 `\(office)`：\(reason)"
        case .officeNotRequested:
            return "portal.yml 设置了 `supervision: office`：公开网站中没有监督页；要为主管部门生成它，请运行 portal-gen build --office 文件夹（文件夹须在输出文件夹之外）"
        case .officeIgnored:
            return "portal.yml 设置了 `supervision: none`，不生成监督页，--office 被忽略"
        case .unsafeHTMLEnabled:
            return "portal.yml 设置了 `unsafe_html: true`：报告中的原始 HTML 和 javascript: 链接会原样发布；只有在每份报告都可信时才这样设置"

        // MARK: - Statistics tables in the front matter

        case .formatInvalid(let text):
            return
                "`format`（报告格式）是 `\(text)`；请写 `format: 2021`（国办公开办函〔2021〕30号格式）、`format: 2019`（2019 年试行格式），2019 年以前没有统一表格格式的报告写 `format: legacy`（旧格式）"
        case .formatConflict(let declared, let evidence, let shown):
            return "`format: \(declared)` 与统计表不符：\(evidence)，这是 \(shown) 年格式；请改正 `format` 或统计表"
        case .formatUnknown(let evidence):
            return
                "无法判断这份报告用的是 2021 年格式还是 2019 年格式（\(evidence.isEmpty ? "统计表中看不出" : "统计表两种格式都有：" + evidence.joined(separator: "；"))）；请加一行 `format: 2021` 或 `format: 2019`"
        case .legacyHasTables(let table, let caption):
            return
                "这份报告写了 `format: legacy`（旧格式），信息区中就不能有 `\(table)`（\(caption)）：旧格式报告的统计表照原文写在正文中，用 Markdown 表格（每行以 | 分隔各格）；请删去这一项，把表格移到正文"
        case .legacyInOfficialYear(let year):
            return
                "这是 \(year) 年度的报告，却写了 `format: legacy`（旧格式）；2019 年度起的报告都有国办统一格式的统计表，请尽量按 `format: 2021`（或 `format: 2019`）把三张统计表填在信息区，这样才能核对数据并纳入全县汇总"
        case .otherRowsMixed(let row, let rows, let splitRows):
            return
                "表三（六）其他处理同时写了 `\(row)`（印成一行）和 \(rows.map { "`\($0)`" }.joined(separator: "、"))（分成三行）；一份报告只按原表的一种写法填：原表印成一行的只写 `\(row)`，原表分成三行的只写 \(splitRows.map { "`\($0)`" }.joined(separator: "、"))"
        case .rowUnknown(let row, let table, let format, let otherFormat, let suggestion, let rows):
            return
                "`\(row)` 不是 \(format) 年格式 \(table) 中的行\(otherFormat.map { "（它属于 \($0) 年格式）；" } ?? suggestion.map { "；是不是想写 `\($0)`？" } ?? "；")这张表的行是：\(rows.joined(separator: "、"))"
        case .rowMissing(let table, let row, let label, let example):
            return "\(table) 缺少 `\(row)` 行（\(label)）；请加上 `\(row): \(example)`"
        case .rowNotBracketed(let table, let row, let label, let count, let columns, let example):
            return "\(table) `\(row)` 行（\(label)）要在方括号中按栏目顺序列出 \(count) 个数字：\(columns.joined(separator: "、"))；例如 `\(row): \(example)`"
        case .rowFullWidthBrackets(let table, let row, let label, let example):
            return "\(table) `\(row)` 行（\(label)）用了全角的方括号或逗号（“［”“］”“，”）；请用半角（英文输入法）的 `[`、`]` 和 `,`，例如 `\(row): \(example)`"
        case .rowWrongCount(let table, let row, let label, let found, let count, let columns):
            return "\(table) `\(row)` 行（\(label)）有 \(found) 个数字，应当有 \(count) 个：\(columns.joined(separator: "、"))；没有填写的格子写 ~"
        case .cellNotScalar(let table, let row, let label, let column, let columnLabel):
            return "\(table) `\(row)` 行（\(label)）第 \(column) 栏（\(columnLabel)）应当是一个数字"
        case .cellNotNumber(let table, let row, let label, let column, let columnLabel, let text):
            return "\(table) `\(row)` 行（\(label)）第 \(column) 栏（\(columnLabel)）：`\(text)` 不是数字；请用半角数字 0-9 填写（万元可带小数点），没有填写的格子写 ~"
        case .cellFullWidthDigits(let table, let row, let label, let column, let columnLabel, let text, let ascii):
            return "\(table) `\(row)` 行（\(label)）第 \(column) 栏（\(columnLabel)）写的是全角数字 `\(text)`；请用半角数字：`\(ascii)`"

        // MARK: - Statistics rules (findings)

        case .blankCells(let table, let count, let rows, let firstRow, let firstColumn):
            return "\(table)有 \(count) 个单元格未填写（在 \(rows.joined(separator: "、")) 行；第一个是“\(firstRow)”行“\(firstColumn)”栏）；未填写的格子在网页上显示为空，汇总时按 0 计"
        case .figureWrongKind(let table, let row, let column, let value, let kind):
            return "\(table)“\(row)”行“\(column)”栏填写为 \(value)，应为\(kind.chinese)；请核对原表"
        case .figuresTooLarge(let table, let row, let column):
            return "\(table)“\(row)”行“\(column)”栏所涉及的数字过大，无法相加（超出可以记录的范围）；请核对这些数字"
        case .t3BalanceBroken(let column, let received, let carried, let left, let total, let carriedOn, let right):
            return "“\(column)”栏：本年新收 \(received) + 上年结转 \(carried) = \(left)，但办理结果总计 \(total) + 结转下年度继续办理 \(carriedOn) = \(right)，两边不相等；请核对原表"
        case .t3ResultsBroken(let column, let total, let terms, let sum):
            return "“\(column)”栏：办理结果总计为 \(total)，但各项办理结果相加为 \(Term.list(terms, " + ")) = \(sum)；请核对原表"
        case .t3ApplicantsBroken(let row, let total, let terms, let sum):
            return "“\(row)”行：总计为 \(total)，但各类申请人相加为 \(Term.list(terms, " + ")) = \(sum)；请核对原表"
        case .t4ResultsBroken(let group, let row, let total, let terms, let sum):
            return "“\(group.map { $0 + "·" } ?? "")\(row)”：总计为 \(total)，但各项结果相加为 \(Term.list(terms, " + ")) = \(sum)；请核对原表"
        case .carriedOverBroken(let column, let value, let year, let previousYear, let previousFile, let previousValue):
            return "“\(column)”栏：\(year) 年度报告的上年结转为 \(value)，但 \(previousYear) 年度报告（\(previousFile)）的结转下年度继续办理为 \(previousValue)；两者应当相等，请核对"
        case .documentsInForceBroken(let row, let value, let previousYear, let previousValue, let issued, let repealed, let expected):
            return "“\(row)”：现行有效件数为 \(value)，但按 \(previousYear) 年的 \(previousValue) + 本年制发 \(issued) − 本年废止 \(repealed) 推算应为 \(expected)（文件集中清理后出现这种情况属正常）"
        case .narrativeDisagrees(let quote, let row, let total):
            return "正文称“\(quote)”，但统计表中“\(row)”的总计为 \(total)；请核对正文或统计表"
        case .compilationTooLarge(let year, let table, let row, let column, let files):
            return "\(year) 年度全县汇总无法计算：\(table)“\(row)”行“\(column)”栏的合计超出可以记录的范围（参与汇总的报告：\(files.map { "`\($0)`" }.joined(separator: "、"))）；请核对这些报告中该栏的数字"

        // MARK: - Reports against the settings and each other

        case .townshipUnknown(let name, let suggestion, let names):
            return
                "乡镇 `\(name)` 没有列在 portal.yml 中\(suggestion.map { "；是不是 `\($0)`？" } ?? "；请使用其中之一：\(names.joined(separator: "、"))，或把它加到 portal.yml 的 `townships` 中")"
        case .reportDuplicated(let township, let year, let other):
            return "\(township)已经有一份 \(year) 年度的报告（\(other)）；请保留两个文件中的一个，或改正 `year`"
        case .indexNumberDuplicated(let number, let other):
            return "索引号 `\(number)` 已经被 \(other) 使用；每份报告要有自己的索引号"
        case .yearNotEnded(let year, let currentYear):
            return "`year`（年度）是 \(year)，但年度报告针对的是已经结束的整个年度（现在是 \(currentYear) 年）；请检查 `year`"
        case .publishedInFuture(let date):
            return "`published`（发布日期）是 \(date)，是一个还没有到的日期；发布前请核对"
        case .publishedTooEarly(let date, let year):
            return "`published`（发布日期）是 \(date)，但 \(year) 年度的报告只能在该年度结束之后发布；请检查 `published` 和 `year`"
        case .writtenAfterPublished(let written, let published):
            return "`written`（成文日期 \(written)）晚于 `published`（发布日期 \(published)）；报告应当先成文、后发布"

        // MARK: - Attachments

        case .attachmentItemInvalid:
            return "`attachments`（附件）的这一项既不是文件名，也不是 `file:`/`title:` 组；请写成 `- 城关镇2024年报.pdf`，或 `- file: 盖章原件.pdf` 下一行 `  title: 盖章原件`"
        case .attachmentPathRefused(let path, let problem):
            return "附件 `\(path)` \(problem.chinese)"
        case .attachmentTypeUnsupported(let path, let ext, let allowed):
            return "附件 `\(path)` 的类型\(ext.isEmpty ? "（没有扩展名）" : " `.\(ext)`")不能作为附件发布；可以发布的类型：\(allowed.joined(separator: "、"))。请另存为其中一种（例如另存为PDF）"
        case .attachmentListedTwice(let path, let firstLine):
            return "附件 `\(path)` 在第 \(firstLine) 行已经列过；请删去这一行"
        case .attachmentMissing(let path, let missing, let isFolder):
            return "找不到附件 `\(path)`：报告文件所在的文件夹里没有\(isFolder ? "文件夹" : "文件") `\(missing)`；请把文件放到报告文件旁边，或改正文件名（注意扩展名和大小写）"
        case .attachmentThroughLink(let path, let link):
            return "附件 `\(path)` 经过符号链接 `\(link)`，portal-gen 不会跟随它（它可能指向内容文件夹以外）；请把文件本身复制到报告文件旁边"
        case .attachmentNotAFile(let path):
            return "附件 `\(path)` 是一个文件夹，不是文件；请写文件夹里要发布的文件的名字（多个文件可以打成一个 ZIP 包）"
        case .attachmentTooLarge(let path, let megabytes, let limit):
            return "附件 `\(path)` 有 \(megabytes) MB，超过每个附件 \(limit) MB 的上限；请压缩（例如PDF“减小文件大小”、降低扫描分辨率）或分成几个文件"
        case .attachmentEmpty(let path):
            return "附件 `\(path)` 是空文件（0 字节）；请放入真正的文件"
        case .attachmentContentMismatch(let path, let format, let found):
            return "附件 `\(path)` 的内容不是\(format)文件\(found.map { "（看起来是 \($0) 文件）" } ?? "")；可能是改了扩展名。请用原来的程序另存为\(format)，或把扩展名改回它本来的类型"
        case .attachmentUnreadable(let path, let reason):
            return "无法读取附件 `\(path)`（\(reason)）；请检查文件的权限"
        case .attachmentChangedWhileCopied(let path):
            return "附件 `\(path)` 在构建过程中被修改；请等文件保存完成后重新构建"

        // MARK: - Links and Markdown

        case .placeholderLeft:
            return "正文中还留有“（请填写……）”这样的提示文字，发布后读者会看到它；请换成报告的内容，或删除这一行"
        case .linkBackslash(let url):
            return "链接 `\(url)` 含有反斜杠 `\\`，浏览器会把它当作 `/`；请改用 `/`"
        case .linkWithoutScheme(let url, let suggestion):
            return "链接 `\(url)` 以 `//` 开头，没有写明协议；请写完整的地址，例如 `\(suggestion)`"
        case .linkSchemeRefused(let url, let scheme):
            return "链接 `\(url)` 使用了 `\(scheme):`；报告中的链接只能指向本站的页面和文件，或以 https://、http://、mailto:、tel: 开头"
        case .linkEncodedHiding(let url, let decoded):
            return "链接 `\(url)` 解码后是 `\(decoded)`，用编码隐藏了协议或路径；请直接写出链接"
        case .linkBroken(let url, let target):
            return "链接 `\(url)` 指向 `\(target)`，但网站中没有这个页面或文件；请改正链接，或使用以 https:// 开头的完整地址"
        case .themeLinkBroken(let template, let url, let page, let target):
            return "主题模板 `\(template).mustache` 在页面 `\(page)` 中链接到 `\(url)`，但网站中没有文件 `\(target)`；请改正模板"

        // MARK: - Themes

        case .templateUnreadable(let problem):
            return "模板无法读取：\(problem)；请检查每个 {{#名称}} 都有对应的 {{/名称}} 结束"
        case .themeNoTemplatesFolder:
            return "主题中没有 `templates` 文件夹；一个主题是包含 `templates/`（Mustache 模板）和 `assets/`（样式、图片）的文件夹"
        case .themeTemplateMissing(let name):
            return "主题中没有 `\(name).mustache` 模板；请从 Themes/default/templates 复制一份"
        case .themeNotFound(let name, let tried):
            return "找不到主题 `\(name)`（找过 \(tried.map { "`\($0)`" }.joined(separator: "、"))）；请用 --theme 指定主题名称或主题文件夹"
        case .themeFileUnreadable(let reason):
            return "无法读取主题文件：\(reason)"

        // MARK: - Writing the output

        case .outputRefusedFolder(let folder):
            return "拒绝把网站写入 `\(folder)`：请为网站另选一个专用的输出文件夹，例如 --output Output"
        case .outputWouldReplace(let output, let folder):
            return "拒绝把网站写入 `\(output)`：这会替换 `\(folder)`；请另选一个专用的输出文件夹，例如 --output Output"
        case .outputInsideSources(let output, let folder):
            return "拒绝把网站写入 `\(output)`：它在 `\(folder)` 里面；请选择内容和主题文件夹以外的输出文件夹"
        case .outputIsFile(let output):
            return "`\(output)` 是一个文件，不是文件夹；请删除它或用 --output 另选文件夹"
        case .outputNotOurs(let output):
            return "`\(output)` 里已有不是 portal-gen 生成的文件，拒绝替换它们；请用 --output 另选文件夹，或自行清空该文件夹"
        case .outputParentUnusable(let folder, let reason):
            return "无法创建或打开文件夹 `\(folder)`：\(reason)"
        case .outputLocked(let output):
            return "另一个 portal-gen 正在构建 `\(output)`；请等它完成后再构建"
        case .lockUncreatable(let output, let reason):
            return "无法在 `\(output)` 旁边创建锁文件（\(reason)）；请检查该文件夹是否可写"
        case .recoveryFailed(let output, let reason):
            return "无法完成上次中断的构建（\(reason)）；`\(output)` 可能不完整，请解决该问题后再构建"
        case .stagingUncreatable(let output, let reason):
            return "无法在 `\(output)` 旁边创建暂存文件夹：\(reason)"
        case .outputFileUnwritable(let path, let reason):
            return "无法把 `\(path)` 写入输出文件夹：\(reason)；网站保持上次构建的样子"
        case .sitePathInvalid(let path):
            return "内部错误：网站文件路径 `\(path)` 不是输出文件夹内的普通相对路径"
        case .commitFailed(let output, let reason):
            return "无法更新 `\(output)`：\(reason)；下次构建会自动完成或重做这一步"
        case .recordIgnored(let record, let path, let problem):
            return "\(record.chinese) `\(path)` \(problem.chinese)，已忽略：\(record == .parseCache ? "本次重新解析每个报告文件" : "本次从内容完整重建网站")"

        // MARK: - Import

        case .importTooLarge(let megabytes, let limit):
            return "这个文件有 \(megabytes) MB；portal-gen 只导入不超过 \(limit) MB 的文件"
        case .importKindUnsupported(let kind):
            return
                "portal-gen 不能导入 `.\(kind)` 文件；它能读 .docx、.doc、.wps、.rtf、.pdf、.html/.htm 和 .txt/.md（其他文件请用 Word 或 WPS 打开，点“文件 → 另存为”，保存类型选“Word 文档 (*.docx)”，或把文字复制到一个 .txt 文件中）"
        case .importDetailsMissing(let details, let command):
            return "这份文件没有写明\(details.map(\.chinese).joined(separator: "、"))；请一次补上：`\(command)`"
        case .importTownshipNotListed(let name, let closest):
            return "--township `\(name)` 没有列在 portal.yml 中；最接近的名称是：\(closest.joined(separator: "、"))"
        case .importNoTownships:
            return "portal.yml 中没有列出任何乡镇；请先在 `townships` 中按顺序列出全县的乡镇"
        case .importTableMissing(let table):
            return "没有找到\(table)"
        case .importFormatsDiffer(let t2, let t3):
            return "表二是 \(t2) 年格式，表三却是 \(t3) 年格式；请检查统计表"
        case .importT3RowMissing(let row):
            return "没有找到表三的“\(row)”行；应当有一行标为“\(row)”、带 7 个数字"
        case .importT3RunTogether(let row, let digits, let readings):
            return
                "表三“\(row)”行的格子连在了一起，成了 `\(digits)`，\(readings.isEmpty ? "拆成 7 个数字的任何分法都对不上合计" : "有 \(readings.count) 种拆法都能对上合计：\(readings.joined(separator: " 或 "))")；请把这一行的数字用 Tab 键隔开重新输入"
        case .importT2RowMissing(let row):
            return "没有找到表二的“\(row)”行"
        case .importT2RunTogether(let row, let digits, let count):
            return "标签“\(row)”后紧跟数字“\(digits)”，没有分隔，无法确定各栏数值：它可以读成不止一种（表二应有 \(count) 栏，且没有可以用来拆分的合计）；请核对原件，把各栏数字用空格或 Tab 键隔开"
        case .importT4RunTogether(let digits, let splits):
            return "表四的 15 个数字连在了一起，成了 `\(digits)`，\(splits == 0 ? "任何分法都对不上合计" : "有 \(splits) 种分法都能对上合计")；请把它们用 Tab 键隔开重新输入"
        case .importT4Scattered(let figures):
            return "表四的 15 个数字（\(figures.joined(separator: " "))）分散在不止一行，按阅读顺序排列后每组“结果维持、结果纠正、其他结果、尚未审结”之和与“总计”对不上，无法确定各栏的次序；请核对原件"
        case .importT4WrongCount(let found):
            return "表四应当有 15 个数字（行政复议、未经复议直接起诉、复议后起诉各 5 个），但找到了 \(found) 个"
        case .importRowWrongCount(let table, let row, let expected, let found, let cells):
            return "\(table)“\(row)”行应当有 \(expected) 个数字，找到了 \(found) 个（\(cells.map { $0.isEmpty ? "（空）" : $0 }.joined(separator: " "))）"
        case .importCellNotFigure(let table, let row, let text):
            return "\(table)“\(row)”行的 `\(text)` 不是数字"
        case .importNotWritten(let issue):
            return "\(issue.chinese)（这些数字没有写入，所在的行按读不出处理并留空；请对照原报告核对）"
        case .importLeftBlank(let issue, let cells):
            return cells > 0 ? "\(issue.chinese)（已留空 \(cells) 格，写成 ~；请对照原报告填上）" : "\(issue.chinese)（照此写入，请对照原报告核对）"
        case .importNothingWritten:
            return "这份文件没有写入；请改正文件，或加上 --partial 把读不出的格子留空写入"
        case .importThroughLink(let path):
            return "`\(path)` 是一个符号链接；导入不会经由它写到内容文件夹以外。请把它换成真正的文件夹（或文件）后再导入"
        case .importTargetExists(let path):
            return "`\(path)` 已经存在；如果确实要替换它，请加上 --force（现有的报告是已发布的记录，请先对比两者）"
        case .importUnwritable(let path, let reason):
            return "无法写入 `\(path)`：\(reason)"
        case .importAttachKindUnsupported(let kind):
            return "--attach 只对 PDF 和 Word/WPS 文件（.pdf、.docx、.doc、.wps）有用；这个 .\(kind) 文件照常导入，原件没有作为附件保存"
        case .importAttachmentExists(let path):
            return "`\(path)` 已经存在，而且和原件不同；导入不会覆盖它。请确认后加 --force 覆盖，或先把它移走"
        case .importAttachmentTooLarge(let megabytes, let limit):
            return "原件有 \(megabytes) MB，超过附件 \(limit) MB 的上限，没有作为附件保存（报告照常导入）；请压缩后放到报告文件旁边，再在 `attachments:` 中列出"
        case .htmlUnreadable:
            return "无法把这个文件当作网页读取"
        case .htmlEncodingMismatch(let declared, let actual):
            return
                "网页\(declared.map { "声明的编码是 \($0)" } ?? "没有声明编码（按 UTF-8 读取）")，但文件内容是 \(actual) 编码，文字会读成乱码；请在浏览器中重新“另存为”网页（编码选 UTF-8），或把网页开头 <meta charset=…> 中的编码改成文件实际的编码后再导入"
        case .docxNotOpenable:
            return "这个文件不是可以打开的 Word 文档（.docx）；请用 Word 或 WPS 打开后重新另存为 .docx"
        case .docxNoBody:
            return "这个 Word 文档没有正文（缺少 word/document.xml）；请重新另存为 .docx"
        case .docxTooLarge(let limit):
            return "这个 Word 文档的文字部分超过 \(limit) MB，不予导入"
        case .docxUnreadable(let reason):
            return "无法读取这个 Word 文档：\(reason)"
        case .docxDamaged(let reason):
            return "这个 Word 文档的内容已损坏（\(reason)）；请用 Word 打开后重新保存"
        case .importCellInYuan(let table, let row, let text, let column):
            return "\(table)“\(row)”行的“\(text)”以元为单位，而“\(column)”一栏以万元为单位；portal-gen 不换算单位，请核对原件后按万元填写"
        case .importLayoutRowDoesNotAddUp(let figures):
            return "这一行的数字“\(figures)”有空格子或跨行，只能按位置推断各栏，而推断出的各栏之和与“总计”栏对不上，portal-gen 不能确定哪个数字属于哪一栏；请核对原件"
        case .importLayoutReadingOrder(let lines):
            return
                "表三有 \(lines) 行数字的旁边和上下都没有行标签：这份文字里的表格是按栏或按块排列的（例如不带 -layout 的 pdftotext 输出，或从 PDF 直接复制的文字），无法确定每个数字属于哪一行；请直接导入 PDF 文件本身（portal-gen import 报告.pdf），或用 `pdftotext -layout` 重新提取文字"
        case .importLayoutRowUnplaced(let figures):
            return "这一行数字“\(figures)”的旁边和上下都没有能认出的表三行标签，无法确定它属于哪一行；请核对原件，把这一行的标签和数字放在同一行"
        case .importLayoutRowTwice(let row, let otherLine):
            return "表三“\(row)”行有两行数字（另一行在第 \(otherLine) 行），无法确定哪一行属于它；请核对原件"
        case .importLayoutColumnsUnknown:
            return "无法从位置确定表三的七栏：这一页的表格中没有一行七栏都有数字，无法对照各栏的位置；请用 Word 原件（.docx）导入，或把表三各行的数字用 Tab 键隔开"
        case .importLayoutFigureUnplaced(let text):
            return "数字“\(text)”不在表三任何一栏的正下方（或跨了两栏），无法确定它属于哪一栏；请核对原件"
        case .importTextEmpty:
            return "这个文件里没有文字；如果它是从扫描或拍照得到的 PDF 中提取的，里面本来就没有文字：请找到 Word 原件（.docx）导入，或先用 OCR 文字识别，核对数字后再导入"
        case .importPDFNoText:
            return "这个 PDF 文件没有文字层（是扫描或拍照得到的图片），portal-gen 读不出其中的文字；请找到 Word 原件（.docx）导入，或先用 OCR 文字识别软件把它转成带文字的 PDF，核对数字后再导入"
        case .importPDFNoCharacterMap(let share):
            return "这个 PDF 的字体没有字符对照表，提取出的文字有 \(share)% 是方框或乱码；portal-gen 无法确定其中的文字和数字；请找到 Word 原件（.docx）导入，或用 OCR 文字识别后再导入"
        case .importPDFToolMissing:
            return
                "导入 PDF 需要 poppler 的 pdftotext 程序，本机没有安装；请安装后重试（Debian/Ubuntu：`apt-get install poppler-utils`；Windows：安装 poppler 并把它的 bin 文件夹加入 PATH），或改用 Word 原件（.docx）导入"
        case .importPDFToolFailed(let reason):
            return "pdftotext 没能读这个 PDF 文件：\(reason)；文件可能已损坏或加了密码，请重新导出 PDF 或改用 Word 原件（.docx）"
        case .importPDFTimedOut(let seconds):
            return "pdftotext 读这个 PDF 超过了 \(seconds) 秒，已停止；文件可能有问题，请重新导出 PDF 或改用 Word 原件（.docx）"
        case .textUndecodable(let utf8Offset, let gbOffset):
            return "无法识别这个文件的编码：按 UTF-8 读，第 \(utf8Offset) 个字节出错；按 GB18030 读，第 \(gbOffset) 个字节出错；请另存为 UTF-8 文本或 Word 文档（.docx）"
        case .wordConverterMissing(let kind):
            return
                "读 .\(kind) 文件要先用 LibreOffice 把它转换成 .docx，但这台电脑上没有找到 LibreOffice（soffice 命令）。请任选一种办法：一、安装 LibreOffice 后再导入：Debian/Ubuntu 运行 `sudo apt-get install libreoffice-writer-nogui`，Windows 或 macOS 从 https://www.libreoffice.org/download/ 下载安装；二、用 Word 或 WPS 打开这个文件，点“文件 → 另存为”，保存类型选“Word 文档 (*.docx)”，再导入存好的 .docx 文件"
        case .wordConversionTimedOut(let kind, let seconds):
            return
                "LibreOffice 转换这个 .\(kind) 文件超过了 \(seconds) 秒，已停止（文件可能已损坏或太大）；请用 Word 或 WPS 打开它，点“文件 → 另存为”，保存类型选“Word 文档 (*.docx)”，再导入存好的 .docx 文件"
        case .wordConversionFailed(let kind, let failure):
            return
                "无法把这个 .\(kind) 文件转换成 .docx：\(failure.chinese)。文件可能已损坏、设了打开密码，或者其实不是 .\(kind) 文件；请用 Word 或 WPS 打开它，点“文件 → 另存为”，保存类型选“Word 文档 (*.docx)”，再导入存好的 .docx 文件"

        // MARK: - Command line

        case .buildFailed(let errors):
            return "构建失败，共 \(errors) 个错误（见上）；网站保持上次构建的样子。"
        case .buildUnchanged(let reports, let pages, let output, let seconds):
            return "自上次构建以来没有变化：\(reports) 份报告、\(pages) 个页面，`\(output)` 保持原样（\(seconds) 秒）"
        case .buildDone(let reports, let pages, let written, let unchanged, let output, let seconds):
            return "已构建 \(reports) 份报告：\(pages) 个页面，写入 \(written) 个文件（\(unchanged) 个未变）到 `\(output)`，用时 \(seconds) 秒"
        case .progress(let step, let done, let total):
            return "\(step.chinese) \(done.formatted(.number.grouping(.automatic)))/\(total.formatted(.number.grouping(.automatic))) 份报告…"
        case .checkSummary(let reports, let errors, let warnings):
            return "已检查 \(reports) 份报告：\(errors) 个错误，\(warnings) 个警告。\(errors > 0 ? "请按上面每一行的提示改正对应文件的对应行。" : "")"
        case .importNeedsSettings(let file):
            return "导入需要网站设置：请创建 \(file)（或用 portal-gen init 新建网站），或用 --content 指定内容文件夹。"
        case .inputMissing(let path):
            return "`\(path)` 不存在；请检查文件名和路径"
        case .importWrote(let path):
            return "已写入 \(path)"
        case .importAttached(let path):
            return "已把原件保存为附件 \(path)（列在报告的 attachments: 中，网站上提供下载）"
        case .importAttachHint:
            return "提示：加 --attach 可以把原件（PDF 或 Word 文件）一起保存在报告旁边，网站上提供原件下载"
        case .importWroteWithErrors(let path, let errors):
            return "已写入 `\(path)`，但它有 \(errors) 个错误（见上）；请按提示修改该文件，再运行 portal-gen check 确认"
        case .importNoInputs:
            return "没有找到 .docx、.doc、.wps、.rtf、.pdf、.html、.htm、.txt 或 .md 文件。"
        case .importSummaryImported(let file, let path):
            return "已导入：\(file) → \(path)"
        case .importSummaryImportedWithErrors(let file, let path, let errors):
            return "已导入，但有错误：\(file) → \(path)（\(errors) 个错误，见上面的提示，请修改该文件）"
        case .importSummaryPartial(let file, let path, let cells):
            return "部分导入：\(file) → \(path)（留空 \(cells) 格，见上面的警告；请对照原报告填上）"
        case .importSummaryPrinted(let file, let path, let cells):
            return "试运行：\(file)\(path.map { " → \($0)" } ?? "")（没有写入\(cells > 0 ? "；将留空 \(cells) 格" : "")）"
        case .importSummaryRefused(let file, let line, let reason):
            return "未导入：\(file)：\(line.map { "第 \($0) 行：" } ?? "")\(reason.chinese)"
        case .importSummaryTotal(let files, let imported, let partial, let cells, let refused, let withErrors, let dryRun):
            let blanks = partial > 0 ? "（留空 \(cells) 格）" : ""
            let errors = withErrors > 0 ? "；其中 \(withErrors) 个写入的文件有错误，请按上面的提示修改" : ""
            if dryRun {
                return "试运行，共 \(files) 个文件，没有写入任何文件：可以导入 \(imported) 个，可以部分导入 \(partial) 个\(blanks)，不能导入 \(refused) 个"
            }
            return "共 \(files) 个文件：导入 \(imported) 个，部分导入 \(partial) 个\(blanks)，未导入 \(refused) 个\(errors)"
        case .jobsTooFew:
            return "--jobs 至少为 1"
        case .faultInvalid:
            return "--fault 的写法是 stage|commit:N:kill|enospc|eio"
        case .optionDateInvalid(let option, let text, let suggestion):
            return "\(option) 是 `\(text)`，\(suggestion.map { "日期要写成“年-月-日”：\(option) \($0)" } ?? "这不是一个真实的日期；请写成“年-月-日”，例如 \(option) 2025-01-20")"
        case .optionYearInvalid:
            return "--year 应当是报告年度，例如 --year 2024"
        case .languageInvalid(let text):
            return "--lang 只能是 zh（中文）或 en（英文），不能是 `\(text)`"
        case .commandUnknown(let given, let suggestion, let commands):
            return
                "没有 `\(given)` 这个命令。\(suggestion.map { "是不是想输入 `portal-gen \($0)`？" } ?? "")可以用的命令：\(commands.joined(separator: "、"))；`portal-gen --help` 列出全部用法"

        // MARK: - Command-line help

        case .valueCount: return "数量"
        case .valueDate: return "日期"
        case .valueFile: return "文件"
        case .valueFolder: return "文件夹"
        case .valueIndexNumber: return "索引号"
        case .valueName: return "名称"
        case .valueOrgan: return "单位"
        case .valuePort: return "端口"
        case .valueText: return "文字"
        case .valueTheme: return "名称|文件夹"
        case .valueYear: return "年度"
        case .helpRootAbstract: return "生成政府信息公开工作年度报告的静态网站。"
        case .helpRootDiscussion: return "一个网站由内容文件夹（portal.yml 加上每份报告一个 Markdown 文件）和主题文件夹组成。portal-gen build 把它们生成为静态网站，可以复制到任何网站服务器上。用户手册：docs/用户手册.md。"
        case .helpBuildAbstract: return "把内容文件夹生成为网站，写入输出文件夹。"
        case .helpBuildDiscussion:
            return "读取 portal.yml 和内容文件夹中的每一份 .md 报告，逐项检查，用主题生成每个页面；只有全部成功时才替换输出文件夹，出现任何错误时网站保持上次构建的样子。问题按“路径:行:列: 错误: 说明”的格式列出。退出状态：成功为 0，有错误为 1。"
        case .helpClean: return "不用上次构建的结果：重新解析每份报告、重新写入每个文件（手工改动过输出文件夹之后使用）。"
        case .helpAtomic: return "每次构建都整体替换输出文件夹（未改动的文件以硬链接共享），使直接读取该文件夹的网站服务器在构建过程中绝不会看到新旧两次构建混在一起。"
        case .helpFault: return "仅供测试：在写网站的某一步故意失败或中止（stage|commit:N:kill|enospc|eio）。"
        case .helpTimings: return "把构建各步骤所用的时间以 JSON 写入这个文件（用于性能测试）。"
        case .helpOffice: return "把监督页（公开年报情况总览，含规则编号）另外写到这个文件夹，供主管部门内部使用；文件夹必须在输出文件夹之外。portal.yml 设置 supervision: office 时用它生成监督页。"
        case .helpToday: return "仅供测试：按这一天（YYYY-MM-DD）判断报告是否到期，代替今天。"
        case .helpCheckAbstract: return "检查内容和每一条统计规则，不写任何文件。"
        case .helpCheckDiscussion:
            return
                "每个问题一行：“路径:行:列: 错误|警告: [规则编号 规则名称] 说明”，带上涉及的数字，定位到出问题的那一行。规则：T3-1 T3-2 T3-3 T3-4 T4-1 T2-1 X-1（错误），X-2 N-1 BLANK（警告）；详见用户手册。退出状态：没有错误为 0，有错误为 1，用法错误或内容无法读取为 2。"
        case .helpFormat: return "输出格式：text（每个问题一行）或 json（供其他程序读取的数组）。"
        case .helpImportAbstract: return "把乡镇报送的报告（Word .docx/.doc、WPS .wps、.rtf、.pdf、网站上另存的 .html 网页、复制出来的 .txt 文字）转换成内容文件。"
        case .helpImportDiscussion:
            return
                "逐个读取文件（或文件夹中的每个 .docx/.doc/.wps/.rtf/.pdf/.html/.htm/.txt/.md 文件；.doc、.wps、.rtf 先由 LibreOffice 转换成 .docx），从标题中找出乡镇和年度，从标题下方的“索引号：”“发布日期：”“文号：”等行读出这些信息，按行名读出三张统计表，写成 <内容文件夹>/reports/<年度>/<网址名>.md，再按 portal-gen check 的规则检查。绝不为了让合计对上而改动数字；没有把握读准的地方逐条列出（带行号），除非加上 --partial，否则这个文件不写入。导入几个文件或一个文件夹时，最后每个文件一行列出结果（导入、部分导入、未导入及原因）和总数。文件中没有写明的信息（乡镇、年度、发布日期、索引号）一次列出，用选项补上。文本文件可以是 UTF-8、UTF-16（带字节顺序标记）或 GB18030/GBK 编码。"
        case .helpImportFiles: return "要导入的报告文件或文件夹。"
        case .helpImportTownship: return "乡镇（portal.yml 中的名称），代替标题中的乡镇。"
        case .helpImportYear: return "报告年度，代替标题中的年度。"
        case .helpImportPublished: return "发布日期，写成 年-月-日（例如 2025-01-20），文件中没有写明时使用。"
        case .helpImportIndexNumber: return "索引号，文件中没有写明时使用。"
        case .helpForce: return "替换内容文件夹中已有的同一份报告。"
        case .helpDryRun: return "只显示转换结果，不写入文件（试运行）。"
        case .helpPartial: return "有些格子读不出时也写入文件：这些格子留空，并逐条列出。"
        case .helpLegacy: return "按 2019 年以前的旧格式导入（format: legacy）：不识别统计表，表格照原文写进正文；2019 年以前、又没有找到统一格式表三的报告会自动这样导入。"
        case .helpImportAttach: return "把原件（.pdf、.docx、.doc、.wps）复制到报告文件旁边，并写进报告的 attachments:（附件），网站上提供原件下载。"

        // MARK: - Preview (serve)
        case .previewAddress(let url): return "预览地址：\(url)（按 Ctrl-C 停止）"
        case .previewNetworkAddresses(let urls):
            return "同一网络中的手机或电脑可打开：" + urls.joined(separator: "  ")
        case .previewNoNetworkAddress: return "没有找到本机的局域网地址（未连接网络？）：只能在本机打开预览"
        case .previewWatching(let folders): return "正在监视 " + folders.joined(separator: "、") + " 的改动：保存文件后自动重新构建，浏览器自动刷新"
        case .previewCannotWatch(let reason): return "无法监视文件改动（\(reason)）：预览仍可打开，但修改文件后需要重新运行 portal-gen serve"
        case .previewBuilt(let reports, let pages, let written, let unchanged, let output, let seconds):
            return "已构建 \(reports) 份报告：\(pages) 个页面，写入 \(written) 个文件（\(unchanged) 个未改动）到 \(output)，用时 \(seconds.twoDecimals) 秒"
        case .previewUpToDate(let reports, let pages, let output, let seconds):
            return "自上次构建以来没有改动：\(output) 中的 \(reports) 份报告、\(pages) 个页面保持原样（\(seconds.twoDecimals) 秒）"
        case .previewRebuilt(let changed, let written, let seconds):
            return "已重新构建：\(changed.isEmpty ? "文件有改动" : changed.joined(separator: "、"))，写入 \(written) 个文件，用时 \(seconds.twoDecimals) 秒"
        case .previewBuildFailed(let errors):
            return "构建失败，共 \(errors) 个错误（见上，浏览器中也会显示）：改正后保存文件即可自动重新构建；在此之前预览显示上次成功构建的网站"
        case .previewPortInUse(let host, let port):
            return "端口 \(port) 已被其他程序占用（\(host)）：请换一个端口，例如 portal-gen serve --port \(port == 65535 ? 8001 : port + 1)"
        case .previewCannotListen(let host, let port, let reason): return "无法在 \(host):\(port) 上启动预览（\(reason)）"
        case .previewStopped: return "预览已停止。"
        case .previewOverlayTitle(let errors): return "构建失败：\(errors) 个错误"
        case .previewOverlayHint: return "改正上面列出的问题并保存文件后，本页会自动刷新。下面是上次成功构建的页面。"
        case .previewNoSiteTitle: return "网站还没有构建成功"
        case .serveAbstract: return "构建网站并在本机预览：修改文件后自动重新构建，浏览器自动刷新。"
        case .serveDiscussion:
            return """
                先像 portal-gen build 一样把网站构建到输出文件夹（选项相同，预览的就是要发布的网站），然后在 \
                http://127.0.0.1:8000/ 提供预览。保存内容文件夹、portal.yml 或主题中的文件后，只重新构建有改动的部分，\
                打开的页面会自动刷新（只改样式表时只替换样式）。构建出错时，终端和浏览器都会列出出错的文件、行、列和说明，\
                改正后自动消失。加 --lan 可在同一网络的手机上查看。按 Ctrl-C 停止。
                """
        case .helpTheme: return "主题名称（Themes/ 下的文件夹）或主题文件夹。默认：portal.yml 中的 theme 设置，没有则为 default。"
        case .helpOutput: return "网站写入的文件夹；只替换有变化的文件（serve 预览的也是这个文件夹）。"
        case .helpStrict: return "统计表中的计算问题按错误处理（通常为警告）。"
        case .serveHelpPort: return "预览使用的端口；0 表示任选一个空闲端口（实际端口会显示出来）。"
        case .serveHelpLAN: return "允许同一网络中的手机或电脑访问预览（监听 0.0.0.0），并显示它们可打开的地址。"
        case .helpJobs: return "同时渲染的页面数（默认：处理器核数）。"
        case .servePortOutOfRange(let port): return "--port 必须是 0 到 65535 之间的数，而不是 \(port)；例如 --port 8000"
        case .serveJobsTooFew: return "--jobs 至少为 1"

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
        case .helpContent: return "内容文件夹（其中有 portal.yml 和各份报告）。"
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

    /// `表三` for `T3`: the public page names the tables as the official format does, never by code.
    private static func tableName(_ label: String) -> String {
        TableID(rawValue: label.lowercased())?.chineseLabel ?? label
    }

    /// A finding in the words of the public site's supervision page (no fix, no file); nil for
    /// messages only the people building the site see.
    var publicChinese: String? {
        switch self {
        case .blankCells(let table, let count, _, let firstRow, let firstColumn):
            return "\(Self.tableName(table))有\(count)个单元格未填写（首个为“\(firstRow)”行“\(firstColumn)”栏），汇总时按0计"
        case .figureWrongKind(let table, let row, let column, let value, let kind):
            return "\(Self.tableName(table))“\(row)”行“\(column)”栏填写为\(value)，应为\(kind.chinese)"
        case .figuresTooLarge(let table, let row, let column):
            return "\(Self.tableName(table))“\(row)”行“\(column)”栏所涉及的数字过大，无法核对"
        case .t3BalanceBroken(let column, let received, let carried, let left, let total, let carriedOn, let right):
            return "表三“\(column)”栏：本年新收\(received)＋上年结转\(carried)＝\(left)，与办理结果总计\(total)＋结转下年度\(carriedOn)＝\(right)不一致"
        case .t3ResultsBroken(let column, let total, _, let sum):
            return "表三“\(column)”栏：办理结果总计为\(total)，但各项办理结果之和为\(sum)"
        case .t3ApplicantsBroken(let row, let total, _, let sum):
            return "表三“\(row)”行：总计为\(total)，但各类申请人之和为\(sum)"
        case .t4ResultsBroken(let group, let row, let total, _, let sum):
            return "表四“\(group.map { $0 + "·" } ?? "")\(row)”：总计为\(total)，但各项结果之和为\(sum)"
        case .carriedOverBroken(let column, let value, _, let previousYear, _, let previousValue):
            return "表三“\(column)”栏：上年结转为\(value)，但\(previousYear)年度报告的结转下年度继续办理为\(previousValue)"
        case .documentsInForceBroken(let row, let value, _, _, _, _, let expected):
            return "表二“\(row)”：现行有效件数为\(value)，按上年数据推算应为\(expected)（文件集中清理后可能属正常）"
        case .narrativeDisagrees(let quote, let row, let total):
            return "正文称“\(quote)”，但统计表中\(row)总计为\(total)"
        default:
            return nil
        }
    }
}
