"""Registration for events: the form page, its registrations and everything that acts on them.

One event has one registration, whatever the language: the German (source-language) form page
owns the schedule, the places, the double opt-in, the retention period, the organisers and the
list of registrations; its translations carry only texts (labels, choices, introduction,
thank-you and consent texts). Everything that reads that state asks `RegistrationFormPage.owning_form`.

Modules, from the bottom up (each imports only those above it):
- `models`: a registration and the queries over an event's registrations;
- `form`: the form registrants fill in;
- `links`: the signed links in registrants' e-mails;
- `emails`: the messages to registrants and organisers;
- `queue`: places taken, the waiting list and moving up, under a lock on the owner;
- `service`: submit, confirm, cancel and delete, shared by the HTML form and the JSON endpoint;
- `pages`: the form page editors build;
- `registrants`: who registered, read from the editors' fields (names, institution, function,
  the kind of institution where the form asks it);
- `publishing`: what follows when a form or an event is published;
- `overview`: where each event's registration stands (counts, places, deadline, actions), for
  the admin;
- `api`, `views`, `admin`, `dashboard`, `organisers`, `urls`: the ways in, for front-ends,
  registrants, editors and organisers;
- `signin_list`, `attendance`, `figures`: the event day, for organisers: the sign-in list PDF,
  the check-in at the door (and walk-ins) and the figures for the funder's report.
"""
