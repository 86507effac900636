"""``python -m naervaer.web migrate`` and every other Django management command (manage.py)."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence


def main(argumenter: Sequence[str] | None = None) -> None:
    """Run a Django management command; a CLI can pass its own arguments on to this."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "naervaer.web.settings")
    from django.core.management import execute_from_command_line

    from naervaer.web import lag_datamappe

    lag_datamappe()
    execute_from_command_line(["naervaer", *(sys.argv[1:] if argumenter is None else argumenter)])


if __name__ == "__main__":
    main()
