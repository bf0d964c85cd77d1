import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Create a demo staff account if there is no staff user yet."

    def handle(self, *args, **options):
        User = get_user_model()
        if User.objects.filter(is_staff=True).exists():
            return
        password = secrets.token_urlsafe(9)
        User.objects.create_superuser("quantri", "quantri@example.vn", password)
        self.stdout.write(
            "Demo staff account created (shown once):\n"
            f"  login: quantri   password: {password}\n"
            "  admin: http://127.0.0.1:8000/quan-tri/"
        )
