"""Consultation attachments are stored exactly like the secretariat's uploads (by SHA-256 under
MOEDEBOG_FILES); this module only names that dependency in one place."""

from moedebog.secretariat.files import open_stored, store

__all__ = ["open_stored", "store"]
