// Upstream gap (wagtail-localize 1.14.5): the translation editor's heading "Deutsch to Українська
// translation" and its buttons' hidden label "More actions" are written in English into its
// JavaScript bundle, untranslatable. This rewrites them with the translations given on this
// script's data-pattern and data-more-actions attributes.
// Remove when reallabor_site/tests/test_german_admin.py::UpstreamGapTests fails.
(() => {
  const script = document.currentScript;
  const pattern = script.dataset.pattern;
  const moreActions = script.dataset.moreActions;
  const english = /^(.+) to (.+) translation$/;
  const rewrite = (root) => {
    root.querySelectorAll(".js-translation-editor h3").forEach((heading) => {
      const match = heading.textContent.match(english);
      if (match) {
        heading.textContent = pattern.replace("%(source)s", match[1]).replace("%(target)s", match[2]);
      }
    });
    root.querySelectorAll(".js-translation-editor .w-sr-only").forEach((label) => {
      if (label.textContent === "More actions") label.textContent = moreActions;
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
