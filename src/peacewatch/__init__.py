"""peacewatch: news articles in, an evidence-linked record of peace negotiations out."""

__version__ = "0.1.0"
