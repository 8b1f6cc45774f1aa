/// `feeds:` in portal.yml: the RSS 2.0 and Atom feeds of the portal, of each year and of each township.
struct FeedSettings: Sendable, Hashable {
    static let defaultItems = 50
    static let itemRange = 1...1000

    /// How many reports each feed lists, newest first.
    var items = FeedSettings.defaultItems
}

/// `sitemap:` in portal.yml: how the site map page (网站地图) and `sitemap.xml` are split.
struct SiteMapSettings: Sendable, Hashable {
    /// The sitemap protocol's limit of URLs in one sitemap file.
    static let protocolLimit = 50_000
    static let defaultLinksPerPage = 2_000

    /// At most this many URLs per sitemap file; more make `sitemap.xml` a sitemap index.
    var urlsPerFile = SiteMapSettings.protocolLimit
    /// At most this many reports (or townships) listed on one site map page; a larger portal has a
    /// site map page per year (and part of a year) and per part of the township list.
    var linksPerPage = SiteMapSettings.defaultLinksPerPage
}

/// The 党政机关网站标识 shown in the footer: an image file of the content folder, copied into the
/// output, linked to the site's registration (`https://bszs.conac.cn/sitename?method=show&id=…`).
struct IdentityBadge: Sendable, Hashable {
    /// Where the output keeps the image: `assets/identity/` plus the file's name.
    static let folder = "assets/identity/"

    /// The image's path inside the content folder, as written in portal.yml.
    var file: String
    /// The registration link the badge leads to.
    var link: String
    /// Where `file:` is written in portal.yml, for the messages about the image.
    var location: SourceLocation
    /// The image's size in pixels, read from the file when the content folder is read.
    var width = 0
    var height = 0

    /// The image's path inside the output folder.
    var outputPath: String { Self.folder + (file.split(separator: "/").last.map(String.init) ?? file) }
}

/// The link back to the county's own portal (e.g. 示例县人民政府门户网站) in the footer.
struct CountyPortal: Sendable, Hashable {
    var name: String
    var url: String
}
