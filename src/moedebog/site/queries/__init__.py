"""Read queries behind the pages: one module per kind of page, each returning plain dataclasses.

Templates only display what these return; they never query. Every query starts from
``site.visibility``, and each page costs a small, fixed number of queries (select_related and
prefetch instead of lookups per row), which is what keeps the pages fast on a large archive.
"""
