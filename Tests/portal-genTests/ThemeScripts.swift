import Foundation

/// A page's markup without the theme's own scripts (`<script src="…assets/toolbar.js"></script>`:
/// files of the theme's assets folder and the search index's `search/manifest.js`, loaded by
/// `src`), so that a test can assert that no script came from the content.
func removingThemeScripts(from html: String) -> String {
    html.replacing(#/<script src="[^"<>]*(assets|search)/[A-Za-z0-9._-]+\.js"></script>/#, with: "")
}
