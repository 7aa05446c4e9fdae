"""The archive: meetings and everything in them, in a database (Django app)."""
