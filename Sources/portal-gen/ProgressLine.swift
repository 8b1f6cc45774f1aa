import Foundation
import PortalKit

/// A progress line (`构建 3,200/10,000 份报告…`) redrawn on standard error while long work runs,
/// only when standard error is a terminal: logs and pipes get the final summary alone.
struct ProgressLine {
    let counter = ProgressCounter()
    private let drawing: Task<Void, Never>?

    init(_ step: Message.ProgressStep, language: Language, enabled: Bool = Console.errorIsTerminal) {
        guard enabled else {
            drawing = nil
            return
        }
        let counter = counter
        drawing = Task.detached {
            var shown = ""
            while !Task.isCancelled {
                try? await Task.sleep(nanoseconds: 200_000_000)
                let (done, total) = counter.snapshot
                // Small work finishes before a line is worth drawing.
                guard total >= 200, !Task.isCancelled else { continue }
                let line = Message.progress(step: step, done: done, total: total).text(language)
                if line != shown {
                    try? FileHandle.standardError.write(contentsOf: Data(("\r\u{1B}[K" + line).utf8))
                    shown = line
                }
            }
            if !shown.isEmpty { try? FileHandle.standardError.write(contentsOf: Data("\r\u{1B}[K".utf8)) }
        }
    }

    /// Stops drawing and clears the line, before the summary is printed.
    func finish() async {
        drawing?.cancel()
        await drawing?.value
    }
}
