"""The production settings, with what a test run needs on top.

Everything else stays as deployed (Argon2, CSP, secure cookies, HSTS), so the tests see what
users get. Only the redirect to HTTPS is off, since the test servers speak plain HTTP, and the own
statistics are computed before an import answers instead of in a thread after it.
"""

from __future__ import annotations

import os

os.environ.setdefault("SECRET_KEY", "bare-for-testene-" + "x" * 40)
os.environ.setdefault("NAERVAER_HTTPS_OMDIRIGER", "0")
os.environ.setdefault("NAERVAER_ALLOWED_HOSTS", "testserver,localhost,127.0.0.1")
# The own statistics are computed before the answer, so a test sees them at once.
os.environ.setdefault("NAERVAER_EGNE_TALL_I_BAKGRUNNEN", "0")

from naervaer.web.settings import *  # noqa: F403

# Static files straight from their sources: nothing is collected for a test run.
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
