"""Events, their venues and their registration forms."""

from .pages import EventIndexPage, EventPage, EventPracticeExample, EventSpeaker
from .registration import Registration, RegistrationFormField, RegistrationFormPage
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
]
