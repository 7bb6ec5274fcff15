"""extract/events."""
