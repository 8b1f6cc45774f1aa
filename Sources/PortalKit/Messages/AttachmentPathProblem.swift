extension Message {
    /// Why the path of an attachment (`attachments:` in a report's front matter) is refused before
    /// the file is even looked for.
    public enum AttachmentPathProblem: String, Sendable, Hashable, Codable {
        /// `/home/…/a.pdf`, `C:\…`, `~/a.pdf`: a path must be relative to the report file.
        case absolute
        /// A `..` component: the file must be in the report's folder or below it.
        case parent
        /// `附件\a.pdf`: Windows separators.
        case backslash
        /// A component starting with `.` (hidden files and folders are never published).
        case hidden
        /// `https://…`: an attachment is a file kept beside the report, not a link.
        case address
        /// Characters no file name of the site can have (control characters, a name too long).
        case unusable

        var chinese: String {
            switch self {
            case .absolute: "是绝对路径；请写相对于报告文件所在文件夹的路径，例如 `城关镇2024年报.pdf` 或 `附件/盖章原件.pdf`"
            case .parent: "含有 `..`；附件必须放在报告文件所在的文件夹或它的子文件夹里，请把文件移过去后写它的文件名"
            case .backslash: "用了反斜杠 `\\`；请用斜杠 `/` 分隔文件夹，例如 `附件/盖章原件.pdf`"
            case .hidden: "含有以 `.` 开头的（隐藏的）文件或文件夹名；隐藏文件不会发布，请给它改一个不以 `.` 开头的名字"
            case .address: "是一个网址；附件是放在报告文件旁边的文件，请把文件下载下来放到报告所在的文件夹，再写它的文件名（网址请写在正文里）"
            case .unusable: "含有文件名中不能有的字符或过长；请把文件改一个简短的名字"
            }
        }

        var english: String {
            switch self {
            case .absolute: "is an absolute path; write the path relative to the report file's folder, e.g. `report.pdf` or `attachments/signed.pdf`"
            case .parent: "contains `..`; an attachment must be in the report file's folder or below it: move the file there and write its name"
            case .backslash: "uses backslashes `\\`; separate folders with `/`, e.g. `attachments/signed.pdf`"
            case .hidden: "names a hidden file or folder (starting with `.`); hidden files are never published: rename it"
            case .address:
                "is a web address; an attachment is a file kept beside the report: download it into the report's folder and write its name (put links in the text)"
            case .unusable: "has characters a file name of the site cannot have, or is too long; give the file a short name"
            }
        }
    }
}
