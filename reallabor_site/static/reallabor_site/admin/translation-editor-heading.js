// Upstream gap (wagtail-localize 1.14.5): the translation editor's heading "Deutsch to Українська
// translation" is written in English into its JavaScript bundle, untranslatable. This rewrites the
// heading with our translated pattern, given on this script's data-pattern attribute.
// Remove when reallabor_site/tests/test_german_admin.py::UpstreamGapTests fails.
(() => {
  const script = document.currentScript;
  const pattern = script.dataset.pattern;
  const english = /^(.+) to (.+) translation$/;
  const rewrite = (root) => {
    root.querySelectorAll(".js-translation-editor h3").forEach((heading) => {
      const match = heading.textContent.match(english);
      if (match) {
        heading.textContent = pattern.replace("%(source)s", match[1]).replace("%(target)s", match[2]);
      }
    });
  };
  const start = () => {
    const editor = document.querySelector(".js-translation-editor");
    if (!editor) return;
    rewrite(document);
    new MutationObserver(() => rewrite(document)).observe(editor, { childList: true, subtree: true });
  };
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
