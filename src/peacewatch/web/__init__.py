"""The web UI: static files (HTML, JS, CSS, the world-atlas basemap) the API server serves."""
