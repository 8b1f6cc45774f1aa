/// Matches a row label damaged by extraction (`2.其他法律行政止公开`, characters lost or garbled)
/// to the official row it can only be.
///
/// The measure: the longest common subsequence of the label and an official label, after both
/// are normalised and their numbering (`2.`, `（三）`) removed, as a share of each. A label is
/// taken for a row when both shares are at least 0.7 and no other candidate row comes within
/// 0.15 of it; otherwise it names no row (and its figures, if any, are reported, not guessed).
enum LabelSimilarity {
    static let threshold = 0.7
    static let margin = 0.15

    /// The official labels of T2 and T3 rows by key, in both formats.
    static let labels: [String: [String]] = {
        var labels: [String: Set<String>] = [:]
        for format in ReportFormat.allCases {
            for table in StatisticsSchema.tables(for: format) where table.id != .t4 {
                for row in table.rows { labels[row.key, default: []].insert(stripped(row.label)) }
            }
        }
        return labels.mapValues { $0.sorted() }
    }()

    static func closestRow(to label: String, among keys: [String]) -> String? {
        let text = stripped(label)
        guard text.count >= 3 else { return nil }
        var scores: [(key: String, score: Double)] = []
        for key in keys {
            let best =
                (labels[key] ?? []).map { official -> Double in
                    let common = Double(commonSubsequence(Array(text), Array(official)))
                    return min(common / Double(official.count), common / Double(text.count))
                }.max() ?? 0
            scores.append((key, best))
        }
        scores.sort { $0.score > $1.score }
        guard let first = scores.first, first.score >= threshold else { return nil }
        if scores.count > 1, scores[1].score > first.score - margin { return nil }
        return first.key
    }

    /// The label without white space, numbering or punctuation.
    static func stripped(_ label: String) -> String {
        var text = CellText.normalize(label)
        if let range = text.range(of: #"^(\([一二三四五六七八九十]+\)|[一二三四五六七八九十]+、|\d+[.、])"#, options: .regularExpression) {
            text.removeSubrange(range)
        }
        return text.filter { !"“”\"'()、，,.。".contains($0) }
    }

    static func commonSubsequence(_ a: [Character], _ b: [Character]) -> Int {
        guard !a.isEmpty, !b.isEmpty else { return 0 }
        var previous = [Int](repeating: 0, count: b.count + 1)
        var current = previous
        for i in 1...a.count {
            for j in 1...b.count {
                current[j] = a[i - 1] == b[j - 1] ? previous[j - 1] + 1 : max(previous[j], current[j - 1])
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
