"""Sources: where inputs come from (files, JSON Lines, feeds, web archives, the watch loop)."""
