"""Registrants' links from their e-mails (under a language prefix) and the JSON registration
endpoint (without one, so a 404 stays a 404)."""

from django.urls import path

from . import api, views

link_urlpatterns = [
    path("registration/cancel/<str:token>/", views.cancel, name="registration_cancel"),
    path("registration/confirm/<str:token>/", views.confirm, name="registration_confirm"),
]

api_urlpatterns = [
    path("api/registrations/<int:page_id>/", api.register, name="registration_api"),
]
