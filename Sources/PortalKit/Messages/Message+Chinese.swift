extension Message {
    /// The message in Simplified Chinese: what is wrong and how to fix it, in plain words.
    var chinese: String {
        switch self {
        case .unconverted(let words): return words
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
        case .serveHelpContent: return "内容文件夹（portal.yml 和各份报告）。"
        case .serveHelpTheme: return "主题名称（Themes/ 下的文件夹）或主题文件夹。默认：portal.yml 中的 theme 设置，没有则为 default。"
        case .serveHelpOutput: return "网站写入的文件夹（与 portal-gen build 相同）。"
        case .serveHelpStrict: return "统计表中的计算问题按错误处理（通常为警告）。"
        case .serveHelpPort: return "预览使用的端口；0 表示任选一个空闲端口（实际端口会显示出来）。"
        case .serveHelpLAN: return "允许同一网络中的手机或电脑访问预览（监听 0.0.0.0），并显示它们可打开的地址。"
        case .serveHelpLanguage: return "提示信息的语言：zh（中文，默认）或 en（英文）。"
        case .serveHelpJobs: return "同时渲染的页面数（默认：处理器核数）。"
        case .serveUnknownLanguage(let name): return "--lang 只能是 zh 或 en，而不是 `\(name)`"
        case .servePortOutOfRange(let port): return "--port 必须是 0 到 65535 之间的数，而不是 \(port)；例如 --port 8000"
        case .serveJobsTooFew: return "--jobs 至少为 1"

        // MARK: - Scaffold (init, new)
        }
    }
}
