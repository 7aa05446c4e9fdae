"""The sync state in the Danish admin: read-only, for seeing what a site sent and what failed."""

from __future__ import annotations

from django.contrib import admin

from moedebog.connectors import models


class ReadOnly(admin.ModelAdmin):
    """The sync writes these rows; people only look (and may delete a source to start over)."""

    def has_add_permission(self, request, obj=None) -> bool:  # type: ignore[no-untyped-def]
        return False

    def has_change_permission(self, request, obj=None) -> bool:  # type: ignore[no-untyped-def]
        return False


@admin.register(models.SyncSource)
class SyncSourceAdmin(ReadOnly):
    list_display = ["base_url", "organization", "last_synced_at"]


@admin.register(models.RemoteMeeting)
class RemoteMeetingAdmin(ReadOnly):
    list_display = ["committee", "start", "name", "status", "fetched_at"]
    list_filter = ["source", "status", "origin"]
    search_fields = ["guid", "committee", "error"]
    raw_id_fields = ["meeting"]


@admin.register(models.RemoteAttachment)
class RemoteAttachmentAdmin(ReadOnly):
    list_display = ["guid", "status", "size", "chars", "fetched_at"]
    list_filter = ["source", "status"]
    search_fields = ["guid", "error"]


@admin.register(models.CaseHistoryEntry)
class CaseHistoryEntryAdmin(ReadOnly):
    list_display = ["item", "date", "body_name", "earlier"]
    raw_id_fields = ["item", "earlier"]
