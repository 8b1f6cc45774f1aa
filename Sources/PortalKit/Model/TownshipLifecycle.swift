/// When a township existed and what it was called: townships are set up, renamed, merged and
/// abolished, and the supervision grid must not ask a report of a year in which it did not exist.
///
/// Years are report years throughout: `established` is the first year a report is expected,
/// `abolished` the last one, and a former name's `until` the last year it was called so.
struct TownshipLifecycle: Sendable, Hashable, Codable {
    /// A name the township had before its present one.
    struct FormerName: Sendable, Hashable, Codable {
        var name: String
        /// The organ's full name under that name (`示例县旧名乡人民政府`).
        var organ: String
        /// The last report year under that name.
        var until: Int
    }

    /// Why a township is expected to publish no report for a year.
    enum Absence: Sendable, Hashable {
        /// The year is before `established`.
        case notEstablished
        /// The year is after `abolished`; `mergedInto` is the township's name when it was merged.
        case abolished(mergedInto: String?)
    }

    /// The first report year; nil when it has always existed.
    var established: Int?
    /// The last report year; nil while it exists.
    var abolished: Int?
    /// The slug of the township it was merged into, when it was.
    var mergedInto: String?
    /// Former names, oldest first (increasing `until`).
    var formerNames: [FormerName]

    init(established: Int? = nil, abolished: Int? = nil, mergedInto: String? = nil, formerNames: [FormerName] = []) {
        self.established = established
        self.abolished = abolished
        self.mergedInto = mergedInto
        self.formerNames = formerNames.sorted { $0.until < $1.until }
    }

    /// Whether the township existed in `year` (a report of the year is expected).
    func exists(in year: Int) -> Bool {
        absence(in: year, mergedIntoName: nil) == nil
    }

    /// Why no report is expected for `year`, or nil when one is; `mergedIntoName` names the
    /// township it was merged into.
    func absence(in year: Int, mergedIntoName: String?) -> Absence? {
        if let established, year < established { return .notEstablished }
        if let abolished, year > abolished { return .abolished(mergedInto: mergedIntoName) }
        return nil
    }

    /// The former name in use in `year`, or nil when the present name was.
    func formerName(in year: Int) -> FormerName? {
        formerNames.first { year <= $0.until }
    }
}

extension Township {
    /// The township as it was called in `year`: its former name and organ when it had one then.
    /// Its identity (slug, order) is the same, so the report stays in its history.
    func named(in year: Int) -> Township {
        guard let former = lifecycle.formerName(in: year) else { return self }
        var township = self
        township.name = former.name
        township.organ = former.organ
        return township
    }
}
