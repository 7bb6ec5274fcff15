"""Scorers for each task; ``peacewatch eval ...`` and ``make eval`` call them."""
