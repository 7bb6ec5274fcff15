"""extract/negotiation."""
