/// Reads a township's `established`, `abolished`, `merged_into` and `former_names` from portal.yml
/// and checks them against each other and against the other townships of the list.
///
/// ```yaml
/// - name: 城关镇
///   organ: 示例县城关镇人民政府
///   established: 2021          # first report year
///   former_names:
///     - {name: 城关乡, until: 2022}   # last report year under that name
/// - name: 柳林乡
///   organ: 示例县柳林乡人民政府
///   abolished: 2023            # last report year
///   merged_into: 城关镇         # name or slug of another township
/// ```
struct TownshipLifecycleReader {
    static let keys = ["established", "abolished", "merged_into", "former_names"]
    static let formerNameKeys = ["name", "organ", "until"]
    static let years = 1949...9999

    /// What one township item said, kept until the whole list is read.
    private struct Pending {
        var name: String
        var nameLine: Int
        var mergedInto: (text: String, location: SourceLocation)?
        var formerNames: [(name: String, location: SourceLocation)]
    }

    private var pending: [Pending] = []

    /// The lifecycle written in `item` (its `merged_into` is resolved by `resolve`).
    mutating func read(_ item: inout YAMLFields, name: String?, organ: String?) -> TownshipLifecycle {
        let established = item.int("established", "设立年度", range: Self.years)
        let abolished = item.int("abolished", "撤销年度", range: Self.years)
        let mergedInto = item.string("merged_into", "并入的乡镇")
        if let established, let abolished, abolished < established, let name {
            item.error(.abolishedBeforeEstablished(name: name, established: established, abolished: abolished), at: item.location(ofKey: "abolished"))
        }
        if mergedInto != nil, abolished == nil, let name {
            item.error(.mergedIntoWithoutAbolished(name: name), at: item.location(ofKey: "merged_into"))
        }
        var formerNames: [TownshipLifecycle.FormerName] = []
        var written: [(name: String, location: SourceLocation)] = []
        for var entry in item.list("former_names", "曾用名") {
            entry.rejectUnknownKeys(Self.formerNameKeys, in: .formerName)
            let former = entry.string("name", "曾用名", required: true)
            let until = entry.int("until", "曾用名使用到的年度", required: true, range: Self.years)
            let formerOrgan = entry.string("organ", "曾用名时的机关全称")
            if let former, let until, let name {
                if (established.map { until < $0 } ?? false) || (abolished.map { until >= $0 } ?? false) {
                    entry.error(
                        .formerNameUntilOutside(name: name, former: former, until: until, first: established, last: abolished),
                        at: entry.location(ofKey: "until"))
                }
                if let other = formerNames.first(where: { $0.until == until }) {
                    entry.error(.formerNameUntilRepeated(former: former, other: other.name, until: until), at: entry.location(ofKey: "until"))
                }
                // The organ under the former name: as written, or the present one with the name replaced.
                let organ = formerOrgan ?? organ.map { $0.replacingOccurrences(of: name, with: former) } ?? former
                formerNames.append(TownshipLifecycle.FormerName(name: former, organ: organ, until: until))
                written.append((former, entry.location(ofKey: "name")))
            }
            item.absorb(entry)
        }
        if let name {
            pending.append(
                Pending(
                    name: name, nameLine: item.location(ofKey: "name").line,
                    mergedInto: mergedInto.map { ($0, item.location(ofKey: "merged_into")) }, formerNames: written))
        }
        return TownshipLifecycle(established: established, abolished: abolished, formerNames: formerNames)
    }

    /// Resolves every `merged_into` to a township's slug and checks what involves two townships:
    /// the merged-into township exists, and exists the year after; no name is used twice.
    func resolve(_ townships: inout [Township], in fields: inout YAMLFields) {
        var byName: [String: Int] = [:]
        var bySlug: [String: Int] = [:]
        for (index, township) in townships.enumerated() {
            byName[township.name] = byName[township.name] ?? index
            bySlug[township.slug] = bySlug[township.slug] ?? index
        }
        let lines = Dictionary(pending.map { ($0.name, $0.nameLine) }, uniquingKeysWith: { first, _ in first })
        // Every name (present or former) and the township it belongs to.
        var owners: [String: String] = Dictionary(townships.map { ($0.name, $0.name) }, uniquingKeysWith: { first, _ in first })
        for item in pending {
            guard let index = byName[item.name] else { continue }
            for former in item.formerNames {
                if let owner = owners[former.name] {
                    fields.error(.formerNameTaken(former: former.name, other: owner, otherLine: lines[owner] ?? 1), at: former.location)
                } else {
                    owners[former.name] = item.name
                }
            }
            guard let merged = item.mergedInto else { continue }
            guard let target = byName[merged.text] ?? bySlug[merged.text] else {
                let suggestion = Suggestion.closest(to: merged.text, in: townships.map(\.name))
                fields.error(.mergedIntoUnknown(name: item.name, target: merged.text, suggestion: suggestion), at: merged.location)
                continue
            }
            if target == index {
                fields.error(.mergedIntoItself(name: item.name), at: merged.location)
                continue
            }
            if let abolished = townships[index].lifecycle.abolished, !townships[target].lifecycle.exists(in: abolished + 1) {
                fields.error(.mergedIntoGone(name: item.name, target: townships[target].name, year: abolished + 1), at: merged.location)
                continue
            }
            townships[index].lifecycle.mergedInto = townships[target].slug
        }
    }
}
