"""Connectors: bring whole archives in from the systems municipalities publish with (layer 3).

A connector lists what a remote site publishes, fetches what is new or changed, and hands each
document to the archive's import service, one transaction per document. Its own Django app keeps the
sync state (which remote meeting became which archive meeting, from which listing summary), so that
a second run fetches only changes and an interrupted run continues where it stopped. Imports only
``moedebog.archive`` and ``moedebog.documents``.
"""
