"""A bare Wagtail site that installs our apps, as another organisation would: its own settings,
URLconf and one-line base template, nothing of reallabor_site. tests/test_host_site.py copies it
into a temporary directory and runs check.py in it."""
