"""The one error a reader raises for a file it cannot read.

Its message is a short Danish reason meant for the user ("PDF-filen er krypteret"); the CLI
prefixes the file name. Anything else escaping a reader is a bug, and the registry turns it
into a DocumentError too so that one bad file never stops a batch.
"""


class DocumentError(Exception):
    """A file could not be read; ``str(error)`` is the one-line reason."""


def unreadable(exc: OSError) -> str:
    """The one-line reason for a file the operating system would not give us."""
    return f"kan ikke læse filen ({exc.strerror or exc})"
