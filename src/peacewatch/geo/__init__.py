"""Offline gazetteer and toponym resolution (see gazetteer.py for the data and its sources)."""
