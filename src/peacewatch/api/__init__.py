"""The web API and UI server: ``create_app(Settings(db=...))``, run by ``peacewatch serve``."""

from peacewatch.api.app import Settings, create_app

__all__ = ["Settings", "create_app"]
