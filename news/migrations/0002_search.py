# Search indexing (issue 4), written by hand. Kept as its own step so that
# later news migrations build on it.
#
# Both databases get the exact-form text column and the tsvector column (it
# stays NULL on SQLite). On PostgreSQL the tsvector gets a GIN index and lz4
# compression (ranking reads it for every match; lz4 unpacks it faster than
# the default pglz). Existing articles are indexed again.
import django.contrib.postgres.search
from django.db import migrations, models

BATCH = 500


def index_existing(apps, schema_editor):
    from news.search import index_article

    Article = apps.get_model("news", "Article")
    articles = Article.objects.using(schema_editor.connection.alias).order_by("pk")
    batch = []
    for article in articles.iterator(chunk_size=BATCH):
        index_article(article)
        batch.append(article)
        if len(batch) == BATCH:
            Article.objects.bulk_update(
                batch, ["search_text", "search_exact", "search_vector"]
            )
            batch = []
    Article.objects.bulk_update(batch, ["search_text", "search_exact", "search_vector"])


def postgres_only(sql):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("news", "0001_initial")]

    operations = [
        migrations.AddField(
            model_name="article",
            name="search_exact",
            field=models.TextField(blank=True, default="", editable=False),
        ),
        migrations.AddField(
            model_name="article",
            name="search_vector",
            field=django.contrib.postgres.search.SearchVectorField(
                editable=False, null=True
            ),
        ),
        migrations.RunPython(
            postgres_only(
                "ALTER TABLE news_article ALTER COLUMN search_vector SET COMPRESSION lz4"
            ),
            migrations.RunPython.noop,
        ),
        migrations.RunPython(
            postgres_only(
                "CREATE INDEX article_search ON news_article USING gin (search_vector)"
            ),
            postgres_only("DROP INDEX IF EXISTS article_search"),
        ),
        migrations.RunPython(index_existing, migrations.RunPython.noop),
    ]
