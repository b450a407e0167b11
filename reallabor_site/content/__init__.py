"""The project's own content, written in German with our English and Ukrainian translations.

`load_reallabor_content` builds the German pages from these texts and hands the translations to
wagtail-localize, so editors keep translating in the admin as if a translator had done it there.
"""
