"""The public web archive (layer 4): server-rendered pages, feeds and downloads over the archive.

Views are thin: they parse the request, call a read query in ``site.queries`` and render a
template. What an anonymous visitor may see is decided in one place, ``site.visibility``, and every
query starts from its querysets, so that a closed item or a draft cannot leak through a page, a
feed, the sitemap or a download that forgot to check.
"""
