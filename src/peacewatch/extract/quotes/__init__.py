"""extract/quotes."""
