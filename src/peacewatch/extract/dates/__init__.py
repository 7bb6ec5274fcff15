"""extract/dates."""
