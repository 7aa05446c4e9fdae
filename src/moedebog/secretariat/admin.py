"""Roles in the Danish admin; the audit trail is shown there read-only (it is written by services)."""

from __future__ import annotations

from typing import Any

from django.contrib import admin

from moedebog.secretariat.models import Assignment, AuditEntry


@admin.register(Assignment)
class AssignmentAdmin(admin.ModelAdmin):
    list_display = ["user", "body", "role"]
    list_filter = ["role", "body"]
    raw_id_fields = ["user"]


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    list_display = ["at", "user_name", "summary", "meeting_label"]
    list_filter = ["action"]
    search_fields = ["summary", "user_name", "meeting_label"]

    def has_add_permission(self, request: Any) -> bool:
        return False

    def has_change_permission(self, request: Any, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: Any, obj: Any = None) -> bool:
        return False
