"""The Hỏi đáp pages run a fixed number of queries, at 10 Q&As as at 1,000.
The menu and sidebar come from the cache, warmed by a first request; the
visitor counter (stats) is left out."""

import pytest
from django.utils import timezone

from questions.models import Question
from tests.questions.factories import make_question, topic

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def without_visit_counting(settings):
    settings.MIDDLEWARE = [m for m in settings.MIDDLEWARE if not m.startswith("stats.")]


@pytest.fixture(params=[10, 1000], ids=["10-questions", "1000-questions"])
def published(request):
    topics = [topic("ho-tich-cu-tru"), topic("dat-dai-xay-dung")]
    first = make_question(answered=True, public=True)
    rows = []
    now = timezone.now()
    for n in range(request.param - 1):
        row = Question(
            topic=topics[n % 2],
            code=f"{n:010d}".translate(str.maketrans("0123456789", "23456789AB")),
            title=f"Câu hỏi số {n}",
            body="Nội dung",
            answer="<p>Trả lời</p>",
            answer_status="published",
            status="answered",
            answered_at=now,
            answered_on=timezone.localdate(),
            received_at=now,
            due_on=timezone.localdate(),
            is_public=True,
        )
        rows.append(row)
    Question.objects.bulk_create(rows, batch_size=500)
    return first


def count(client, django_assert_num_queries, url, queries):
    client.get(url)  # warms the menu and sidebar caches
    with django_assert_num_queries(queries):
        assert client.get(url).status_code == 200


def test_the_list_queries(client, django_assert_num_queries, published):
    # 1 the topics for the filter, 2 the on-time figure for the month,
    # 3 the count, 4 the page with its topics
    count(client, django_assert_num_queries, "/hoi-dap/", 4)


def test_the_list_of_one_topic_queries(client, django_assert_num_queries, published):
    # the same four: the topic comes from the list already read
    count(
        client, django_assert_num_queries, "/hoi-dap/?chu_de=dat-dai-xay-dung&page=2", 4
    )


def test_the_detail_queries(client, django_assert_num_queries, published):
    # 1 the Q&A with its topic
    count(client, django_assert_num_queries, published.get_absolute_url(), 1)


def test_the_status_page_queries(client, django_assert_num_queries, published):
    # 1 the question with its topic, by code
    count(client, django_assert_num_queries, published.get_status_url(), 1)


def test_the_form_queries(client, django_assert_num_queries, published):
    # 1 the topics for the select
    count(client, django_assert_num_queries, "/hoi-dap/gui-cau-hoi/", 1)
