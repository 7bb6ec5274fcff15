"""extract/entities."""
