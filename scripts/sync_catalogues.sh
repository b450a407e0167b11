#!/usr/bin/env bash
# Brings every translation catalogue up to date with the code, after a merge or a change of texts:
# each app's own (<app>/locale/, for every folder with an apps.py but reallabor_site) and the
# project's (locale/: reallabor_site's texts and our German wording of Wagtail's admin).
#
#   1. A compendium of every translation the catalogues hold now, so that a text which moved from
#      one app to another (or to a new app) keeps its translation.
#   2. makemessages per app, run in the app's folder so its texts land in its own catalogue, and
#      for the project, leaving the apps out. Texts no longer in the code are dropped.
#   3. Empty translations are filled from the compendium (exact matches only, never fuzzy).
#   4. compilemessages, for every catalogue (the .mo files are committed).
#
# Texts that are new everywhere stay untranslated: tests/test_translations.py names them, and
# .ci/run refuses an incomplete catalogue. Needs GNU gettext (apt-get install gettext).
# Usage: scripts/sync_catalogues.sh (or `make messages`); PYTHON names another interpreter.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-.venv/bin/python}
# Absolute, for the apps' folders; not resolved, so a virtual environment stays itself.
[[ $PYTHON = /* ]] || PYTHON=$PWD/$PYTHON
SETTINGS=reallabor_site.settings.test
IGNORE=(-i "tests/*" -i "*/tests/*" -i ".venv/*" -i "bench/*" -i "scripts/*")

mapfile -t languages < <(DJANGO_SETTINGS_MODULE=$SETTINGS "$PYTHON" -c '
import django
django.setup()
from django.conf import settings
print("\n".join(code for code, _name in settings.LANGUAGES))')
[ ${#languages[@]} -gt 0 ] || { echo "No languages in $SETTINGS's LANGUAGES." >&2; exit 1; }
language_options=()
for language in "${languages[@]}"; do language_options+=(-l "$language"); done

apps=()
for config in */apps.py; do
    app=${config%/apps.py}
    [ "$app" = reallabor_site ] || apps+=("$app")
done

catalogues() {
    for po in locale/"$1"/LC_MESSAGES/django.po */locale/"$1"/LC_MESSAGES/django.po; do
        [ -f "$po" ] && echo "$po"
    done
}

# Each catalogue's translations as they are, before makemessages drops what moved away.
saved=$(mktemp -d)
trap 'rm -rf "$saved"' EXIT
for language in "${languages[@]}"; do
    for po in $(catalogues "$language"); do
        mkdir -p "$saved/$(dirname "$po")"
        msgattrib --translated --no-fuzzy --no-obsolete -o "$saved/$po" "$po"
    done
done

for app in "${apps[@]}"; do
    mkdir -p "$app/locale"
    # Without settings, makemessages writes to the app's locale/ only, not to LOCALE_PATHS; -P
    # keeps the app's own modules (events/calendar.py) from hiding the standard library's.
    (cd "$app" && env -u DJANGO_SETTINGS_MODULE "$PYTHON" -P -m django makemessages \
        "${language_options[@]}" --no-obsolete "${IGNORE[@]}" >/dev/null)
done
app_ignores=()
for app in "${apps[@]}"; do app_ignores+=(-i "$app/*"); done
"$PYTHON" manage.py makemessages "${language_options[@]}" --no-obsolete "${IGNORE[@]}" \
    "${app_ignores[@]}" --settings=$SETTINGS >/dev/null

# Every catalogue anew from its texts, each translation taken from the catalogue's own earlier
# version first, else from any other (msgmerge would not fill a plural from a compendium into an
# existing entry, hence the empty definitions file). A new catalogue takes its header from there.
for language in "${languages[@]}"; do
    mapfile -t others < <(find "$saved" -path "*/$language/LC_MESSAGES/django.po" | sort)
    [ ${#others[@]} -gt 0 ] || continue
    for po in $(catalogues "$language"); do
        own=()
        [ -f "$saved/$po" ] && own=("$saved/$po")
        msgcat --use-first -o "$saved/compendium.po" "${own[@]}" "${others[@]}"
        msgmerge --quiet --no-fuzzy-matching --compendium="$saved/compendium.po" \
            -o "$po" /dev/null "$po"
    done
done

"$PYTHON" manage.py compilemessages --ignore=.venv --settings=$SETTINGS >/dev/null
for language in "${languages[@]}"; do
    for po in $(catalogues "$language"); do
        echo "$po: $(msgfmt --check --statistics -o /dev/null "$po" 2>&1)"
    done
done
