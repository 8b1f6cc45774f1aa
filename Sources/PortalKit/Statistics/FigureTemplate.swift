/// Fixed bytes with holes for figures, made once per layout and filled for each report: the
/// statistics tables' markup, the tables of `reports.json` and the figure columns of `reports.csv`.
///
/// Ten thousand reports of some 230 figures each: filling copies the fixed bytes and writes the
/// digits straight into one buffer, instead of appending piece by piece.
struct FigureTemplate: Sendable {
    /// Where a figure goes: after `text[..<end]`, the figure at `cell` of table `table`.
    struct Hole: Sendable {
        let end: Int
        let table: Int
        let cell: Int
    }

    /// Assembles a template: fixed text and holes in order.
    struct Builder {
        fileprivate var text: [UInt8] = []
        fileprivate var holes: [Hole] = []

        mutating func append(_ string: String) { text += string.utf8 }
        mutating func append(_ bytes: [UInt8]) { text += bytes }
        mutating func figure(table: Int, cell: Int) { holes.append(Hole(end: text.count, table: table, cell: cell)) }
    }

    private let text: [UInt8]
    private let holes: [Hole]
    /// Written around a figure, or instead of it for a blank cell.
    private let before: [UInt8], after: [UInt8], blank: [UInt8]
    /// The most bytes a filled template can take.
    private let capacity: Int

    init(_ builder: Builder, before: String = "", after: String = "", blank: String) {
        text = builder.text
        holes = builder.holes
        self.before = Array(before.utf8)
        self.after = Array(after.utf8)
        self.blank = Array(blank.utf8)
        capacity = text.count + holes.count * max(self.before.count + Amount.longestText + self.after.count, self.blank.count)
    }

    /// The template filled with the figures of `tables`, as text.
    func string(_ tables: [StatTable]) -> String {
        String(unsafeUninitializedCapacity: capacity) { fill(tables, into: $0) }
    }

    /// Appends the template filled with the figures of `tables`.
    func append(_ tables: [StatTable], to bytes: inout [UInt8]) {
        bytes += [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in count = fill(tables, into: buffer) }
    }

    private func fill(_ tables: [StatTable], into out: UnsafeMutableBufferPointer<UInt8>) -> Int {
        guard let base = out.baseAddress else { return 0 }
        var at = 0
        func copy(_ bytes: UnsafeBufferPointer<UInt8>) {
            guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
            (base + at).update(from: source, count: bytes.count)
            at += bytes.count
        }
        text.withUnsafeBufferPointer { text in
            before.withUnsafeBufferPointer { before in
                after.withUnsafeBufferPointer { after in
                    blank.withUnsafeBufferPointer { blank in
                        var from = 0
                        for hole in holes {
                            copy(UnsafeBufferPointer(rebasing: text[from..<hole.end]))
                            from = hole.end
                            if let amount = tables[hole.table][cell: hole.cell] {
                                copy(before)
                                at += amount.write(to: base + at)
                                copy(after)
                            } else {
                                copy(blank)
                            }
                        }
                        copy(UnsafeBufferPointer(rebasing: text[from...]))
                    }
                }
            }
        }
        return at
    }
}
