# Search indexing (issue 4), written by hand. Kept as its own step so that
# later news migrations build on it. See news/search.py.
#
# Two tsvector columns, filled by news.search.index_article() on PostgreSQL
# and left NULL on SQLite: search_vector (all the folded words, GIN-indexed,
# for matching) and search_rank (title and summary only, for ranking), stored
# MAIN so that it stays in the row: ranking reads it for every match and must
# not fetch it from the TOAST table each time. Both are compressed with lz4.
# Rows are toasted down to 1 kB (not 2 kB): a search visits one row per match,
# and narrow rows (title, summary, search_rank; the rest in TOAST) keep the
# table small enough to stay in memory.
# Existing articles are indexed again.
import django.contrib.postgres.search
from django.db import DatabaseError, migrations, transaction

BATCH = 500
FIELDS = ["search_text", "search_vector", "search_rank"]


def index_existing(apps, schema_editor):
    from news.search import index_article

    Article = apps.get_model("news", "Article")
    articles = Article.objects.using(schema_editor.connection.alias)
    batch = []
    for article in articles.order_by("pk").iterator(chunk_size=BATCH):
        index_article(article)
        batch.append(article)
        if len(batch) == BATCH:
            articles.bulk_update(batch, FIELDS)
            batch = []
    articles.bulk_update(batch, FIELDS)


def compress_with_lz4(apps, schema_editor):
    """lz4 unpacks faster than the default pglz; PostgreSQL built without it
    keeps pglz."""
    if schema_editor.connection.vendor != "postgresql":
        return
    try:
        with transaction.atomic(using=schema_editor.connection.alias):
            schema_editor.execute(
                "ALTER TABLE news_article"
                " ALTER COLUMN search_vector SET COMPRESSION lz4,"
                " ALTER COLUMN search_rank SET COMPRESSION lz4"
            )
    except DatabaseError:
        pass


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
            name="search_vector",
            field=django.contrib.postgres.search.SearchVectorField(
                editable=False, null=True
            ),
        ),
        migrations.AddField(
            model_name="article",
            name="search_rank",
            field=django.contrib.postgres.search.SearchVectorField(
                editable=False, null=True
            ),
        ),
        migrations.RunPython(compress_with_lz4, migrations.RunPython.noop),
        migrations.RunPython(
            postgres_only(
                "ALTER TABLE news_article ALTER COLUMN search_rank SET STORAGE MAIN,"
                " SET (toast_tuple_target = 1024)"
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
