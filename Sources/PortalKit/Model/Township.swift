/// A township (乡镇) or other organ whose reports the portal publishes.
struct Township: Sendable, Hashable, Codable {
    /// The short display name used in front matter and navigation, e.g. `花庄镇`.
    var name: String
    /// The full official organ name (发布机构 by default), e.g. `花庄镇人民政府`.
    var organ: String
    /// ASCII URL segment; from portal.yml or derived from the name's pinyin.
    var slug: String
    /// 统一社会信用代码, when the county records it.
    var creditCode: String?
    /// Position in the county's official order (0-based); lists follow it, never pinyin order.
    var order: Int
    /// When it existed and its former names (see `TownshipLifecycle`).
    var lifecycle: TownshipLifecycle

    init(name: String, organ: String, slug: String, creditCode: String? = nil, order: Int, lifecycle: TownshipLifecycle = TownshipLifecycle()) {
        self.name = name
        self.organ = organ
        self.slug = slug
        self.creditCode = creditCode
        self.order = order
        self.lifecycle = lifecycle
    }
}
