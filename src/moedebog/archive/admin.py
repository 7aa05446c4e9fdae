"""The Danish admin in which the secretariat corrects imported records."""

from __future__ import annotations

from django.contrib import admin

from moedebog.archive import models


class SectionInline(admin.StackedInline):
    model = models.Section
    extra = 0
    fields = ["order", "kind", "title", "text"]


class AttachmentInline(admin.TabularInline):
    model = models.Attachment
    extra = 0
    fields = ["order", "title", "ref"]


class ItemInline(admin.TabularInline):
    model = models.AgendaItem
    extra = 0
    fields = ["number", "title", "case", "public"]
    raw_id_fields = ["case"]
    show_change_link = True


class AttendanceInline(admin.TabularInline):
    model = models.Attendance
    extra = 0
    fields = ["person", "group", "role"]
    raw_id_fields = ["person"]


@admin.register(models.Meeting)
class MeetingAdmin(admin.ModelAdmin):
    list_display = ["body", "start", "location", "state", "public"]
    list_filter = ["body", "state", "public"]
    search_fields = ["body__name", "location", "items__title"]
    date_hierarchy = "start"
    inlines = [ItemInline, AttendanceInline]


@admin.register(models.AgendaItem)
class AgendaItemAdmin(admin.ModelAdmin):
    list_display = ["number", "title", "meeting", "case", "public"]
    list_filter = ["public", "meeting__body"]
    search_fields = ["title", "case__number"]
    raw_id_fields = ["meeting", "case", "heading"]
    inlines = [SectionInline, AttachmentInline]


@admin.register(models.Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ["name", "municipality"]
    list_filter = ["municipality"]
    search_fields = ["name"]


@admin.register(models.Body)
class BodyAdmin(admin.ModelAdmin):
    list_display = ["name", "path", "kind", "parent", "historic"]
    list_filter = ["kind", "historic"]
    search_fields = ["name", "path"]


@admin.register(models.Case)
class CaseAdmin(admin.ModelAdmin):
    list_display = ["number", "title", "body"]
    search_fields = ["number", "title"]


@admin.register(models.SourceDocument)
class SourceDocumentAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "format", "status", "imported_at", "meeting"]
    list_filter = ["status", "kind", "format"]
    search_fields = ["name", "sha256"]
    readonly_fields = ["sha256", "size", "parser_version", "imported_at", "warnings", "error"]


for model in (
    models.Municipality,
    models.Term,
    models.Membership,
    models.Letter,
    models.ForwardPlanEntry,
    models.Topic,
    models.Heading,
):
    admin.site.register(model)
