"""Settings shared by the command line and the web application, read from the environment."""

from __future__ import annotations

import os
from pathlib import Path


def datamappe() -> Path:
    """``NAERVAER_DATA``, else ``data/`` beside the code in a source checkout.

    An installed package has no repository, so it falls back to ``data/`` in the working folder.
    """
    if os.environ.get("NAERVAER_DATA"):
        return Path(os.environ["NAERVAER_DATA"])
    rot = Path(__file__).resolve().parents[2]
    return rot / "data" if (rot / "pyproject.toml").is_file() else Path.cwd() / "data"
