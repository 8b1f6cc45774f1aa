import Mustache

/// Text in a template context made only when a template shows it, and not kept after: the
/// supervision grid's rows (a national grid's cells are tens of megabytes of markup) are made one
/// at a time as the page is rendered instead of all before it.
struct TemplateText: MustacheCustomRenderable {
    let make: () -> String

    var renderText: String { make() }
    var isNull: Bool { false }
}
