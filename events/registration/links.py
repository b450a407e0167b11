"""The signed links in registrants' e-mails, to confirm their address or cancel their registration.

A link carries only the registration's id, signed with a purpose of its own, so a cancel link
cannot confirm and a guessed id opens nothing.
"""

from django.core import signing
from django.urls import reverse

from .models import Registration

CANCEL_SALT = "registration-cancel"
CONFIRM_SALT = "registration-confirm"


class InvalidLink(Exception):
    """A link whose signature, purpose or registration does not check out."""


def make_token(registration, salt):
    return signing.dumps(registration.pk, salt=salt)


def registration_from_token(token, salt):
    try:
        pk = signing.loads(token, salt=salt)
    except signing.BadSignature:
        raise InvalidLink from None
    registration = Registration.objects.filter(pk=pk).select_related("page").first()
    if registration is None:
        raise InvalidLink
    return registration


def cancel_url(site_root, registration):
    return site_root + reverse(
        "registration_cancel", kwargs={"token": make_token(registration, CANCEL_SALT)}
    )


def confirm_url(site_root, registration):
    return site_root + reverse(
        "registration_confirm", kwargs={"token": make_token(registration, CONFIRM_SALT)}
    )
