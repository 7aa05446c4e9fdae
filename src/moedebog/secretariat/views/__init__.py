"""The secretariat's screens (Danish). Each view reads the request, calls one service function or
read helper and renders a template; a refused operation comes back as a message on the page."""
