"""Render the site's icon (reallabor_site/static/favicons/icon.svg) into the PNG and ICO files
that browsers and phones without SVG icons ask for, next to it.

Run it again after changing the SVG, and commit the files it writes: they are small images, kept
as source assets so that neither the build nor the container needs a browser.

    .venv/bin/python bench/favicons.py

Chromium (Debian's, at /usr/bin/chromium, its command line's screenshot) renders the SVG exactly
as browsers show it; Pillow packs the ICO.
"""

import io
import subprocess
import tempfile
from pathlib import Path

from PIL import Image

FOLDER = Path(__file__).resolve().parent.parent / "reallabor_site" / "static" / "favicons"
CHROMIUM = "/usr/bin/chromium"

# name: (size in pixels, rounded corners). iOS rounds the apple-touch-icon itself and fills
# transparent corners with black, so that one is square.
PNGS = {
    "icon-32.png": (32, True),
    "icon-192.png": (192, True),
    "icon-512.png": (512, True),
    "apple-touch-icon.png": (180, False),
}
ICO_SIZES = [(16, 16), (32, 32), (48, 48)]


def render(svg, size):
    """The SVG drawn on a transparent square of `size` pixels, as PNG bytes."""
    with tempfile.TemporaryDirectory() as folder:
        page = Path(folder) / "icon.html"
        png = Path(folder) / "icon.png"
        sized = svg.replace("<svg ", f'<svg width="{size}" height="{size}" ', 1)
        page.write_text(f'<html><body style="margin:0">{sized}</body></html>')
        subprocess.run(
            [
                CHROMIUM,
                "--headless=new",
                "--no-sandbox",
                "--hide-scrollbars",
                "--force-device-scale-factor=1",
                "--default-background-color=00000000",
                f"--window-size={size},{size}",
                f"--screenshot={png}",
                page.as_uri(),
            ],
            check=True,
            capture_output=True,
            timeout=60,
        )
        return png.read_bytes()


def main():
    rounded = (FOLDER / "icon.svg").read_text()
    square = rounded.replace(' clip-path="url(#rounded)"', "")
    for name, (size, corners) in PNGS.items():
        image = Image.open(io.BytesIO(render(rounded if corners else square, size)))
        if not corners:
            image = image.convert("RGB")
        image.save(FOLDER / name, optimize=True)
        print(f"{name}: {size}×{size}")
    large = Image.open(io.BytesIO(render(rounded, 256)))
    large.save(FOLDER / "favicon.ico", sizes=ICO_SIZES)
    print("favicon.ico:", ", ".join(f"{w}×{h}" for w, h in ICO_SIZES))


if __name__ == "__main__":
    main()
