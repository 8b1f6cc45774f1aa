/// One report as the search index holds it: what a result shows and the text it is searched in.
///
/// The searchable text is the title, township, year, 索引号, 发布机构, 文号 and the narrative as
/// plain text (the statistics tables are not in it), each on its own line, so no term spans two
/// of them. A report matches a query part when its normalised searchable text contains it.
struct SearchDocument: Sendable, Equatable {
    let number: UInt32
    let title: String
    let township: String
    let year: Int
    /// 发布日期, `2025-02-15`.
    let published: String
    /// The report page, relative to the site root.
    let url: String
    let indexNumber: String
    let issuer: String
    let documentNumber: String
    /// The narrative as plain text (see `MarkdownDocument.plainText`).
    let body: String

    init(report: Report, layout: SearchLayout, markdown: String) {
        number = layout.document(report)
        title = report.title
        township = report.township.name
        year = report.year
        published = report.published.iso
        url = SitePlan.reportPath(report)
        indexNumber = report.indexNumber
        issuer = report.issuer
        documentNumber = report.documentNumber ?? ""
        body = MarkdownDocument(markdown).plainText()
    }

    /// A record as `json()` writes it; nil when it is not one.
    init?(record: Any) {
        guard let fields = record as? [Any], fields.count == 10, let number = fields[0] as? Int, let year = fields[3] as? Int else { return nil }
        let texts = [1, 2, 4, 5, 6, 7, 8, 9].compactMap { fields[$0] as? String }
        guard texts.count == 8, number >= 0 else { return nil }
        self.number = UInt32(number)
        self.year = year
        (title, township, published, url) = (texts[0], texts[1], texts[2], texts[3])
        (indexNumber, issuer, documentNumber, body) = (texts[4], texts[5], texts[6], texts[7])
    }

    /// The fields searched, in the order the browser joins them.
    var searchableFields: [String] { [title, township, String(year), indexNumber, issuer, documentNumber, body] }

    var searchableText: String { searchableFields.joined(separator: "\n") }

    /// Every term of the searchable text.
    var terms: [SearchTerm] {
        var collector = SearchTerm.Collector()
        SearchTokenizer.terms(of: searchableText, into: &collector)
        return collector.terms()
    }

    /// The record in a document shard: `[number, title, township, year, published, url, 索引号, 发布机构, 文号, body]`.
    func json() -> [UInt8] {
        var bytes: [UInt8] = Array("[\(number),".utf8)
        for field in [title, township] {
            bytes += JSONWriter.quoted(field)
            bytes.append(UInt8(ascii: ","))
        }
        bytes += Array("\(year),".utf8)
        for field in [published, url, indexNumber, issuer, documentNumber] {
            bytes += JSONWriter.quoted(field)
            bytes.append(UInt8(ascii: ","))
        }
        bytes += JSONWriter.quoted(body)
        bytes.append(UInt8(ascii: "]"))
        return bytes
    }
}
