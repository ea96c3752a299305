"""Generic presentation any app may use: charts drawn as SVG geometry, what a page tells
browsers and crawlers about itself (seo), and the answers every public view gives alike
(responses). It imports none of the apps: they build on it."""
