"""The names of the two staff roles, shared by every app that gives them
permissions: writers write and send for approval, approvers publish."""

WRITERS = "Biên tập viên"
APPROVERS = "Người duyệt tin"


def grant(app_label, roles):
    """Give each named group these permissions of app_label (made if missing).
    Run after every migrate by each app, so a new app's permissions join the
    same two groups."""
    from django.contrib.auth.models import Group, Permission

    for name, codenames in roles.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(
            *Permission.objects.filter(
                content_type__app_label=app_label, codename__in=codenames
            )
        )
