"""moedebog: the record of Danish councils' and committees' meetings."""

__version__ = "0.1.0"
