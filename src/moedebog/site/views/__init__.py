"""Views of the public archive: parse the request, call a query, render a template."""
