"""One reader per format; see moedebog.documents.READERS for the registry."""
