"""Workaround: refuse broken and oversized images in the admin upload with a message, not a 500.

Wagtail 8.0 (with Willow 1.12) checks an upload's pixel count by decoding the whole image. A file
that is cut off or corrupt then raises OSError, which becomes a server error (wagtail/wagtail#1354,
wagtail/Willow#48), and a small file whose header claims up to twice Pillow's own limit (about
180 million pixels) is decoded into memory before it is refused. This form reads the size from the
header first and turns decoding errors into the usual "not a valid image" message.

Remove it, and WAGTAILIMAGES_IMAGE_FORM_BASE, when
reallabor_site/tests/test_upload_limits.py::test_wagtail_alone_still_fails_on_a_corrupt_image fails.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext
from PIL import Image as PILImage
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm


class HeaderCheckedImageField(WagtailImageField):
    def to_python(self, data):
        if data is not None and hasattr(data, "seek"):
            self.check_header_pixel_count(data)
        try:
            return super().to_python(data)
        except OSError as exc:
            raise ValidationError(
                self.error_messages["invalid_image"], code="invalid_image"
            ) from exc

    def check_header_pixel_count(self, data):
        try:
            with PILImage.open(data) as image:
                pixels = image.width * image.height
        except PILImage.DecompressionBombError:
            pixels = None
        except Exception:  # noqa: BLE001 - not readable by Pillow: Wagtail's own checks decide
            return
        finally:
            data.seek(0)
        if self.max_image_pixels is not None and (pixels is None or pixels > self.max_image_pixels):
            raise ValidationError(
                self.error_messages["file_too_many_pixels"]
                % {
                    "num_pixels": pixels or gettext("unknown number"),
                    "max_pixels_count": self.max_image_pixels,
                },
                code="file_too_many_pixels",
            )


class ImageForm(BaseImageForm):
    """Wagtail's image form with the file field above (WAGTAILIMAGES_IMAGE_FORM_BASE)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Swapped here rather than declared: a declared field would survive the `exclude` of
        # Wagtail's multiple-upload edit form, which must not ask for the file again.
        if "file" in self.fields:
            wagtail_field = self.fields["file"]
            self.fields["file"] = HeaderCheckedImageField(
                label=wagtail_field.label,
                required=wagtail_field.required,
                widget=wagtail_field.widget,
            )
