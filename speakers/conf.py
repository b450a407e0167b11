"""The settings the speakers app reads: none, so a host site sets nothing for it.

What its pages share with the other apps (languages, headless preview) is read by pagebase; see
pagebase/conf.py.
"""

DEFAULTS = {}
