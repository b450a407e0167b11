"""Events, their venues and their registration forms."""

from ..registration.models import Registration, WalkIn
from ..registration.pages import RegistrationFormField, RegistrationFormPage
from .pages import EventIndexPage, EventPage, EventPracticeExample, EventSpeaker
from .venues import Venue

__all__ = [
    "EventIndexPage",
    "EventPage",
    "EventPracticeExample",
    "EventSpeaker",
    "Registration",
    "RegistrationFormField",
    "RegistrationFormPage",
    "Venue",
    "WalkIn",
]
