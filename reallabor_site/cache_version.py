"""The version tokens of the page cache and the API cache, under one rule.

Every key of a cache contains its version token; replacing the token makes every stored entry
unreachable at once (the entries are not deleted, they expire). A change replaces the token when
it happens and again once its transaction commits: a response rendered in between from the old
rows would otherwise be stored under the new token. Workers that find no token agree on one
(`cache.add`), so none stores under a token the others never read.
"""

import uuid

from django.core.cache import cache
from django.db import transaction


class CacheVersion:
    """The version token stored in Django's cache under `key`."""

    def __init__(self, key):
        self.key = key

    def current(self):
        version = cache.get(self.key)
        if version is None:
            version = uuid.uuid4().hex
            if not cache.add(self.key, version, None):
                version = cache.get(self.key, version)
        return version

    def replace(self, **signal_arguments):
        """Empty the cache: now, and again when the current transaction commits. Connectable to
        a signal as it is."""
        self._new_token()
        transaction.on_commit(self._new_token)

    def _new_token(self):
        cache.set(self.key, uuid.uuid4().hex, None)
