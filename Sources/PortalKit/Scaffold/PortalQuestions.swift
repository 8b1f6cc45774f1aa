/// The questions `portal-gen init` asks on a terminal for whatever the options left out: county,
/// 主办单位, contact, site name (with its default) and the townships one per line, in order.
///
/// Input and output are passed in, so the dialogue is tested without a terminal.
public struct PortalQuestions {
    let language: Language
    /// The next line typed, without its line break; nil at end of input (Ctrl-D).
    let readLine: () -> String?
    /// Writes text as it is (prompts end without a line break).
    let write: (String) -> Void

    public init(language: Language, readLine: @escaping () -> String?, write: @escaping (String) -> Void) {
        self.language = language
        self.readLine = readLine
        self.write = write
    }

    /// `scaffold` with every missing value asked for; nil when input ended (the user cancelled).
    public func complete(_ scaffold: PortalScaffold) -> PortalScaffold? {
        var result = scaffold
        guard !result.missing.isEmpty else { return result }
        say(.askIntro)
        if result.county == nil {
            guard let county = required(.askCounty) else { return nil }
            result.county = county
        }
        let county = result.county!
        if result.hostOrgan == nil {
            guard let hostOrgan = required(.askHostOrgan(county: county)) else { return nil }
            result.hostOrgan = hostOrgan
        }
        if result.contact == nil {
            guard let contact = required(.askContact) else { return nil }
            result.contact = contact
        }
        if result.siteName == nil {
            guard let line = readLine(prompt: .askSiteName(suggested: PortalScaffold.defaultSiteName(county: county))) else { return nil }
            result.siteName = PortalScaffold.cleaned(line)
        }
        if result.townships.isEmpty {
            guard let townships = townships() else { return nil }
            result.townships = townships
        }
        return result
    }

    private func townships() -> [PortalScaffold.Township]? {
        say(.askTownshipsIntro)
        var townships: [PortalScaffold.Township] = []
        while true {
            guard let line = readLine(prompt: .askTownship(number: townships.count + 1)) else { return nil }
            let township = PortalScaffold.Township(argument: line)
            if township.name.isEmpty {
                if !townships.isEmpty { return townships }
                say(.askTownshipRequired)
            } else if townships.contains(where: { $0.name == township.name }) {
                say(.askTownshipRepeated(township.name))
            } else {
                townships.append(township)
            }
        }
    }

    /// Asks until something is typed.
    private func required(_ prompt: Message) -> String? {
        while true {
            guard let line = readLine(prompt: prompt) else { return nil }
            if let value = PortalScaffold.cleaned(line) { return value }
            say(.askRequired)
        }
    }

    private func readLine(prompt: Message) -> String? {
        write(TextSafety.printable(prompt.text(language)))
        return readLine()
    }

    private func say(_ message: Message) {
        write(TextSafety.printable(message.text(language)) + "\n")
    }
}
