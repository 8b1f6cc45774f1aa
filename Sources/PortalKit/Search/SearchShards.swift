import Foundation
import ZIPFoundation

/// The text of the index's files. Each is a script that hands its data to the search page's
/// registration functions (`portalSearch.m`, `.t`, `.d`), so that a `<script>` tag loads it, from
/// `file://` as well as from a server:
///
/// - `search/manifest.js`: `portalSearch.m({…})`, the layout and the years;
/// - `search/townships.js`: `portalSearch.n([…])`, the township names, for the township filter;
/// - `search/t/N.js`: `portalSearch.t(N,{"term":"posting",…})`, the postings of the terms whose
///   FNV-1a hash modulo the number of term shards is N (see `SearchPosting` for the encodings);
/// - `search/d/N.js`: `portalSearch.d(N,"…")`, the records of a block of reports (see
///   `SearchDocument.json`) as a JSON array, compressed (zlib, RFC 1950) and base64-encoded:
///   the browser inflates it with `DecompressionStream("deflate")` (Chrome 80, Safari 16.4, Firefox 113).
enum SearchShards {
    static func termShard(_ shard: Int, postings: [(term: String, encoded: String)]) -> String {
        var text = "portalSearch.t(\(shard),{"
        for (index, entry) in postings.sorted(by: { $0.term < $1.term }).enumerated() {
            if index > 0 { text += "," }
            text += String(decoding: JSONWriter.quoted(entry.term), as: UTF8.self) + ":\"" + entry.encoded + "\""
        }
        return text + "});\n"
    }

    /// The postings of a term shard written by `termShard`; nil when the text is not one.
    static func readTermShard(_ text: String) -> (shard: Int, postings: [String: String])? {
        guard text.hasPrefix("portalSearch.t("), text.hasSuffix(");\n"), let comma = text.firstIndex(of: ","),
            let shard = Int(text[text.index(text.startIndex, offsetBy: 15)..<comma])
        else { return nil }
        let object = text[text.index(after: comma)..<text.index(text.endIndex, offsetBy: -3)]
        guard let parsed = try? JSONSerialization.jsonObject(with: Data(object.utf8)) as? [String: String] else { return nil }
        return (shard, parsed)
    }

    static func documentShard(_ shard: Int, documents: [SearchDocument]) -> String {
        var json: [UInt8] = [UInt8(ascii: "[")]
        for (index, document) in documents.sorted(by: { $0.number < $1.number }).enumerated() {
            if index > 0 { json.append(UInt8(ascii: ",")) }
            json += document.json()
        }
        json.append(UInt8(ascii: "]"))
        return "portalSearch.d(\(shard),\"" + zlib(json).base64EncodedString() + "\");\n"
    }

    /// The records of a document shard written by `documentShard`; nil when the text is not one.
    static func readDocumentShard(_ text: String) -> (shard: Int, documents: [SearchDocument])? {
        guard text.hasPrefix("portalSearch.d("), text.hasSuffix("\");\n"), let comma = text.firstIndex(of: ","),
            let shard = Int(text[text.index(text.startIndex, offsetBy: 15)..<comma]),
            let data = Data(base64Encoded: String(text[text.index(comma, offsetBy: 2)..<text.index(text.endIndex, offsetBy: -4)])),
            data.count > 6
        else { return nil }
        let deflated = data.subdata(in: 2..<(data.count - 4))
        var inflated = Data()
        guard
            (try? Data.decompress(
                size: Int64(deflated.count), bufferSize: 1 << 16, skipCRC32: true,
                provider: { position, size in deflated.subdata(in: Int(position)..<min(deflated.count, Int(position) + size)) },
                consumer: { inflated.append($0) })) != nil,
            let records = try? JSONSerialization.jsonObject(with: inflated) as? [Any]
        else { return nil }
        let documents = records.compactMap(SearchDocument.init(record:))
        return documents.count == records.count ? (shard, documents) : nil
    }

    /// The zlib format (what `DecompressionStream("deflate")` reads): a header, raw DEFLATE, the Adler-32 of the bytes.
    static func zlib(_ bytes: [UInt8]) -> Data {
        let input = Data(bytes)
        var output = Data([0x78, 0x9C])
        _ = try? Data.compress(
            size: Int64(input.count), bufferSize: 1 << 16,
            provider: { position, size in input.subdata(in: Int(position)..<Int(position) + size) },
            consumer: { output.append($0) })
        var a: UInt32 = 1
        var b: UInt32 = 0
        for byte in bytes {
            a = (a + UInt32(byte)) % 65521
            b = (b + a) % 65521
        }
        let adler = b << 16 | a
        output.append(contentsOf: [UInt8(adler >> 24), UInt8(adler >> 16 & 0xFF), UInt8(adler >> 8 & 0xFF), UInt8(adler & 0xFF)])
        return output
    }

    /// The manifest: format, layout, hash, the posting of every report (`all`, for the `C`
    /// encoding and the filters) and the years for the year filter.
    static func manifest(_ layout: SearchLayout, allEncoded: String, years: [Int]) -> String {
        var text =
            "portalSearch.m({\"format\":\(SearchLayout.format),\"hash\":\"fnv1a32\",\"longest\":\(SearchTokenizer.longestTerm),\"termShards\":\(layout.termShards)"
        text +=
            ",\"newestYear\":\(layout.newestYear),\"yearSpan\":\(layout.yearSpan),\"townships\":\(layout.townships.count),\"blockYears\":\(layout.blockYears)"
        text += ",\"blockTownships\":\(layout.blockTownships),\"universe\":\(layout.universe)"
        return text + ",\"all\":\"\(allEncoded)\",\"years\":[" + years.map(String.init).joined(separator: ",") + "]});\n"
    }

    /// `search/townships.js`: the township names in portal.yml's order (null for a township without
    /// reports), for the township filter; loaded only when the reader uses it.
    static func townships(_ layout: SearchLayout, withReports: Set<String>) -> String {
        "portalSearch.n(["
            + layout.townships.map { withReports.contains($0.slug) ? String(decoding: JSONWriter.quoted($0.name), as: UTF8.self) : "null" }
            .joined(separator: ",") + "]);\n"
    }
}
