"""The negotiation stage; the rules live in the ``peacewatch.negotiation`` package."""

from peacewatch.negotiation import extract_negotiation

__all__ = ["extract_negotiation"]
