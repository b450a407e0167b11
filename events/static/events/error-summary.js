/*
 * After a wrong submission, focus moves to the error summary above the form (GOV.UK's pattern):
 * on a phone the first screen then shows what went wrong, and a screen reader reads it out.
 * A link in the summary brings its field into view with the field's label above it, not hidden
 * behind the top of the screen, and focuses the field.
 * Loaded as a file: the site's Content-Security-Policy allows no inline scripts.
 */
(function () {
    "use strict";
    var summary = document.querySelector("[data-error-summary]");
    if (!summary) {
        return;
    }
    summary.focus();
    summary.addEventListener("click", function (event) {
        var link = event.target.closest("a[href^='#']");
        var input = link && document.getElementById(link.hash.slice(1));
        if (!input) {
            return;
        }
        event.preventDefault();
        // A group of radio buttons or checkboxes is shown from its legend, in its fieldset.
        var group = input.closest("fieldset");
        var label = document.querySelector("label[for='" + input.id + "']");
        (group || label || input).scrollIntoView();
        input.focus({ preventScroll: true });
    });
})();
