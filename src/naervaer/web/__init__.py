"""The web application and the application's statistics store (Django).

Nothing here imports Django at import time: the CLI starts fast and calls ``django_setup()`` only
in the commands that use the database.
"""

from __future__ import annotations

import os
from pathlib import Path

SETTINGS_MODULE = "naervaer.web.settings"


def django_setup() -> None:
    """Configure Django once (a no-op when it already is, as under pytest-django)."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", SETTINGS_MODULE)
    import django
    from django.apps import apps

    if not apps.ready:
        django.setup()
    lag_datamappe()


def lag_datamappe() -> None:
    """Create the folder of the embedded database, which SQLite will not do by itself."""
    from django.conf import settings

    database = settings.DATABASES["default"]
    navn = str(database.get("NAME") or "")
    if database["ENGINE"].endswith("sqlite3") and navn and not navn.startswith(("file:", ":")):
        Path(navn).parent.mkdir(parents=True, exist_ok=True)
