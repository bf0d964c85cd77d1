# Search indexing (see the search issue). Kept as its own step so that later
# news migrations build on it.
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("news", "0001_initial")]

    operations = []
