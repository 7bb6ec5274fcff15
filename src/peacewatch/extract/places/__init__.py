"""extract/places."""
