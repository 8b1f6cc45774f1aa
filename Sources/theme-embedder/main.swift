import Foundation

// Writes a Swift source holding the given theme files as byte arrays (used by the
// EmbedDefaultTheme build-tool plugin): `theme-embedder OUTPUT THEME-FOLDER RELATIVE-PATH...`.
let arguments = CommandLine.arguments.dropFirst()
guard arguments.count >= 2 else {
    FileHandle.standardError.write(Data("usage: theme-embedder OUTPUT THEME-FOLDER RELATIVE-PATH...\n".utf8))
    exit(2)
}
let output = URL(fileURLWithPath: arguments[arguments.startIndex])
let theme = URL(fileURLWithPath: arguments[arguments.startIndex + 1])
let paths = arguments.dropFirst(2).sorted()

/// A Swift string literal for a path (paths are plain ASCII names, but escape anyway).
func literal(_ text: String) -> String {
    var result = "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\\": result += "\\\\"
        case "\"": result += "\\\""
        case " "..."~": result.unicodeScalars.append(scalar)
        default: result += "\\u{\(String(scalar.value, radix: 16))}"
        }
    }
    return result + "\""
}

var source = """
    // Generated at build time by the EmbedDefaultTheme plugin from Themes/default. Do not edit:
    // edit Themes/default and rebuild.

    extension DefaultTheme {
        static let embeddedFiles: [File] = [

    """
for (index, path) in paths.enumerated() {
    source += "        File(path: \(literal(path)), bytes: file\(index)),\n"
}
source += "    ]\n"
for (index, path) in paths.enumerated() {
    let bytes: [UInt8]
    do {
        bytes = Array(try Data(contentsOf: theme.appendingPathComponent(path)))
    } catch {
        FileHandle.standardError.write(Data("theme-embedder: cannot read \(theme.appendingPathComponent(path).path): \(error)\n".utf8))
        exit(1)
    }
    source += "\n    /// \(path)\n    private static let file\(index): [UInt8] = ["
    for (offset, byte) in bytes.enumerated() {
        source += (offset % 24 == 0 ? "\n        " : " ") + "0x" + String(byte, radix: 16).leftPadded + ","
    }
    source += "\n    ]\n"
}
source += "}\n"

extension String {
    var leftPadded: String { count == 1 ? "0" + self : self }
}

do {
    try Data(source.utf8).write(to: output, options: .atomic)
} catch {
    FileHandle.standardError.write(Data("theme-embedder: cannot write \(output.path): \(error)\n".utf8))
    exit(1)
}
