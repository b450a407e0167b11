"""Render the site's icon (reallabor_site/static/favicons/icon.svg) into the PNG and ICO files
that browsers and phones without SVG icons ask for, next to it.

Run it again after changing the SVG, and commit the files it writes: they are small images, kept
as source assets so that neither the build nor the container needs a browser.

    .venv/bin/python bench/favicons.py

Chromium (Debian's, at /usr/bin/chromium, through Playwright) renders the SVG exactly as browsers
show it; Pillow packs the ICO.
"""

import io
from pathlib import Path

from PIL import Image
from playwright.sync_api import sync_playwright

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


def render(page, svg, size):
    page.set_viewport_size({"width": size, "height": size})
    page.set_content(
        '<html><body style="margin:0">'
        f'<div style="width:{size}px;height:{size}px">{svg}</div></body></html>'
    )
    page.eval_on_selector("svg", "svg => { svg.style.width = '100%'; svg.style.height = '100%'; }")
    return page.screenshot(
        omit_background=True, clip={"x": 0, "y": 0, "width": size, "height": size}
    )


def main():
    rounded = (FOLDER / "icon.svg").read_text()
    square = rounded.replace(' clip-path="url(#rounded)"', "")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=["--no-sandbox", "--headless=new"]
        )
        page = browser.new_page(device_scale_factor=1)
        for name, (size, corners) in PNGS.items():
            png = render(page, rounded if corners else square, size)
            image = Image.open(io.BytesIO(png))
            if not corners:
                image = image.convert("RGB")
            image.save(FOLDER / name, optimize=True)
            print(f"{name}: {size}×{size}")
        large = Image.open(io.BytesIO(render(page, rounded, 256)))
        large.save(FOLDER / "favicon.ico", sizes=ICO_SIZES)
        print("favicon.ico:", ", ".join(f"{w}×{h}" for w, h in ICO_SIZES))
        browser.close()


if __name__ == "__main__":
    main()
