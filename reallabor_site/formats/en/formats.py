# British order, as on the event pages ("22 November 2023"), instead of Django's US default.
DATE_FORMAT = "j F Y"
