"""The three roles as Django groups with their permissions: Sekretariat, Medlem, Administrator."""

from django.db import migrations

GROUPS = {
    "Sekretariat": ("prepare_meetings", "read_drafts"),
    "Medlem": ("read_drafts",),
    "Administrator": ("administer", "prepare_meetings", "read_drafts"),
}

PERMISSIONS = {
    "prepare_meetings": "Kan forberede og offentliggøre møder i sine organer",
    "read_drafts": "Kan læse udkast og lukkede punkter i sine organer",
    "administer": "Kan tildele roller og arbejde i alle organer",
}


def create_groups(apps, schema_editor):
    # Permissions are normally created after all migrations; the groups need them now.
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label="secretariat", model="assignment")
    for codename, name in PERMISSIONS.items():
        Permission.objects.get_or_create(content_type=content_type, codename=codename, defaults={"name": name})
    for name, codenames in GROUPS.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(*Permission.objects.filter(content_type__app_label="secretariat",
                                                         codename__in=codenames))


class Migration(migrations.Migration):
    dependencies = [
        ("secretariat", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_groups, migrations.RunPython.noop)]
