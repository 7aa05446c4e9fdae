"""DOCX internals for the DOCX reader: safe archive access, styles, numbering, body lines."""
