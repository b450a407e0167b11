// Check-in at the door, made quicker: filter as one types, send each tap without reloading the
// page, and show the other organisers' taps. Without this script the page works as it is, with
// a search by GET and one form per person.
(function () {
    "use strict";
    var root = document.querySelector("[data-check-in]");
    if (!root) return;
    var search = root.querySelector("[data-check-in-search]");
    var none = root.querySelector("[data-check-in-none]");
    var error = root.querySelector("[data-check-in-error]");
    var presentCount = root.querySelector("[data-present-count]");
    var walkInCount = root.querySelector("[data-walk-in-count]");
    var rows = Array.prototype.slice.call(root.querySelectorAll("[data-registration]"));
    var pollSeconds = 5;

    // The server's JSON answer to a GET, or to a POST of `body`; fails on any status but 2xx.
    function fetchJson(url, body) {
        var options = { headers: { "Accept": "application/json" }, credentials: "same-origin" };
        if (body) {
            options.method = "POST";
            options.body = body;
        }
        return fetch(url, options).then(function (response) {
            if (!response.ok) throw new Error(response.status);
            return response.json();
        });
    }

    function folded(text) {
        return text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
    }

    function filter() {
        var words = folded(search.value).split(/\s+/).filter(Boolean);
        var shown = 0;
        rows.forEach(function (row) {
            var text = row.getAttribute("data-search");
            var match = words.every(function (word) { return text.indexOf(word) !== -1; });
            row.hidden = !match;
            if (match) shown += 1;
        });
        none.hidden = shown > 0;
    }

    function showPresent(row, present, time) {
        row.classList.toggle("is-present", present);
        row.querySelector("[data-time]").textContent = present ? time : "";
    }

    function addToCount(change) {
        presentCount.textContent = Number(presentCount.textContent) + change;
    }

    if (search) {
        search.addEventListener("input", filter);
        search.form.addEventListener("submit", function (event) {
            event.preventDefault();
            filter();
        });
    }

    root.addEventListener("submit", function (event) {
        var form = event.target;
        if (!form.hasAttribute("data-check-in-tap")) return;
        event.preventDefault();
        var button = event.submitter;
        var row = form.closest("[data-registration]");
        var wasPresent = row.classList.contains("is-present");
        var data = new FormData(form);
        data.set("action", button.value);
        button.disabled = true;
        // Not form.action: the buttons named "action" shadow that property.
        fetchJson(form.getAttribute("action"), data).then(function (result) {
            error.hidden = true;
            showPresent(row, result.present, result.time);
            if (result.present !== wasPresent) addToCount(result.present ? 1 : -1);
            var next = row.querySelector(result.present ? ".check-in__undo" : ".check-in__present");
            next.focus();
        }).catch(function () {
            error.hidden = false;
        }).finally(function () {
            button.disabled = false;
        });
    });

    function renderWalkIns(walkIns) {
        var list = root.querySelector("[data-walk-in-list]");
        var known = {};
        Array.prototype.forEach.call(list.querySelectorAll("[data-walk-in]"), function (item) {
            known[item.getAttribute("data-walk-in")] = item;
        });
        var ids = walkIns.map(function (walkIn) { return String(walkIn.id); });
        Object.keys(known).forEach(function (id) {
            if (ids.indexOf(id) === -1) known[id].remove();
        });
        walkIns.forEach(function (walkIn) {
            if (known[String(walkIn.id)]) return;
            // Added by someone else: shown with name and institution; removing it needs a reload.
            var item = document.createElement("li");
            item.className = "check-in__person is-present";
            item.setAttribute("data-walk-in", walkIn.id);
            var who = document.createElement("div");
            who.className = "check-in__who";
            var name = document.createElement("strong");
            name.textContent = walkIn.name;
            who.appendChild(name);
            if (walkIn.institution) {
                var institution = document.createElement("span");
                institution.textContent = walkIn.institution;
                who.appendChild(institution);
            }
            item.appendChild(who);
            list.appendChild(item);
        });
        walkInCount.textContent = walkIns.length;
    }

    function poll() {
        if (document.hidden) return;
        fetchJson(root.getAttribute("data-state-url")).then(function (state) {
            rows.forEach(function (row) {
                var time = state.present[row.getAttribute("data-registration")];
                var busy = row.querySelector("button:disabled");
                if (!busy) showPresent(row, time !== undefined, time || "");
            });
            presentCount.textContent = Object.keys(state.present).length;
            renderWalkIns(state.walk_ins);
        }).catch(function () { /* the next poll tries again */ });
    }

    window.setInterval(poll, pollSeconds * 1000);
    document.addEventListener("visibilitychange", poll);
})();
