"""The application's statistics store: quarterly rows, loaded from the engine's ``kvartal`` file."""
