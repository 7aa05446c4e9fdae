"""Static files: hashed, compressed names in production, plain names before collectstatic.

``moedebog serve`` collects the stylesheet into STATIC_ROOT with WhiteNoise's manifest storage:
hashed names (cached by browsers for a year) and gzip/brotli copies. Tests and development run
without collecting; then the manifest is missing and the plain name is used, which WhiteNoise
serves from the app folder (WHITENOISE_USE_FINDERS).
"""

from __future__ import annotations

from whitenoise.storage import CompressedManifestStaticFilesStorage


class StaticStorage(CompressedManifestStaticFilesStorage):
    manifest_strict = False

    def stored_name(self, name: str) -> str:
        if not self.hashed_files:
            return name
        return super().stored_name(name)
