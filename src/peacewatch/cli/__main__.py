"""``python -m peacewatch.cli``."""

from peacewatch.cli import app

app()
