from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("news", "0002_search")]

    operations = [
        migrations.AddIndex(
            model_name="article",
            index=models.Index(
                fields=["is_featured", "status", "-published_at"],
                name="article_featured",
            ),
        ),
    ]
