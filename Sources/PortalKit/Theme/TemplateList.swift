import Mustache

/// A list in a template context whose items are made only when a template walks it.
///
/// Some data is offered to themes that build their own markup but is not shown by the default
/// theme (the supervision grid's 10,000 `cells`); made eagerly it cost every rebuild. Sections,
/// inverted sections and transforms (`empty(…)`, `count(…)`, …) see the same items an array would.
struct TemplateList<Base: Collection>: MustacheSequence, MustacheTransformable {
    let base: Base
    let item: (Base.Element) -> [String: Any]

    func makeIterator() -> LazyMapSequence<Base, [String: Any]>.Iterator {
        base.lazy.map(item).makeIterator()
    }

    func transform(_ name: String) -> Any? {
        base.map(item).transform(name)
    }
}
