"""Search ("Tìm kiếm tin tức"): matching, ranking, snippets, filters, bad input.

The same tests run on SQLite and on PostgreSQL (DATABASE_URL=postgres://…).
"""

import datetime
import unicodedata

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from core.text import exact_form
from news.models import Article, Category
from news.search import parse_query

URL = "/tim-kiem/"

# key: (title, summary, body, days ago, extra fields)
ARTICLES = {
    "a": (
        "Phường Thủy Xuân ra quân làm sạch kênh thoát nước",
        "Đoàn viên thanh niên cùng người dân dọn rác dọc tuyến kênh.",
        "<p>Sáng chủ nhật, hơn hai trăm người đã tham gia dọn dẹp.</p>",
        5,
        {},
    ),
    "b": (
        "Họp mặt các hộ kinh doanh cuối năm",
        "Trao đổi về thuế khoán và giấy phép.",
        "<p>Buổi họp diễn ra tại <strong>nhà văn hoá</strong> khu phố Thuỷ Xuân.</p>",
        2,
        {},
    ),
    "c": (
        "Lịch tiêm chủng mở rộng tháng 12",
        "Trạm y tế phường Thủy Xuân thông báo lịch tiêm cho trẻ em.",
        "<p>Phụ huynh mang theo sổ tiêm chủng.</p>",
        3,
        {},
    ),
    "d": (
        "Lễ hội truyền thống làng Thụy Xuân",
        "Nhiều hoạt động văn hóa dân gian được phục dựng.",
        "<p>Lễ hội kéo dài ba ngày.</p>",
        1,
        {},
    ),
    "e": (
        "Khánh thành nhà văn hoá khu phố Hoà Bình",
        "Công trình do nhân dân đóng góp xây dựng.",
        "<p>Nhà văn hoá có sức chứa 300 người.</p>",
        4,
        {},
    ),
    "f": (
        "Tổ hòa giải khu phố 3 tập huấn nghiệp vụ",
        "Hòa giải viên được bồi dưỡng kỹ năng.",
        "<p>Lớp học có 40 học viên.</p>",
        6,
        {},
    ),
    "g": (
        "Nâng cấp đường Đào Duy Từ",
        "Tuyến đường sẽ hoàn thành trước Tết.",
        "<p>Người dân đồng tình ủng hộ.</p>",
        7,
        {},
    ),
    "h": (
        "Tuyên dương học sinh giỏi cấp thành phố",
        "Mười hai em được khen thưởng.",
        "<p>Phần thưởng gồm sách vở và học bổng.</p>",
        8,
        {},
    ),
    "i": (
        "Văn hóa đọc ở nhà của thiếu nhi",
        "Thư viện phường phát động phong trào đọc sách.",
        "<p>Mỗi nhà một tủ sách nhỏ.</p>",
        9,
        {},
    ),
    "j": (
        "Hướng dẫn cấp đổi căn cước",
        "Thủ tục mới áp dụng từ tháng sau.",
        "<p>Mang theo giấy tờ cũ.</p>",
        10,
        {"source_name": "Công an quận", "author": "Lê Thị Bình"},
    ),
    "k": (
        "Ngày hội hiến máu tình nguyện",
        "",
        "<p>Ngày hội<strong>hiến máu</strong> thu về 150 đơn vị.</p>"
        "<p>Phòng chống COVID-19 vẫn được chú ý.</p>",
        11,
        {},
    ),
    "draft": (
        "Kế hoạch nội bộ chưa công bố về Thủy Xuân",
        "",
        "",
        1,
        {"status": Article.Status.DRAFT},
    ),
    "future": (
        "Thông báo sắp đăng về Thủy Xuân",
        "",
        "",
        -2,
        {},
    ),
}

NFD = unicodedata.normalize("NFD", "Thủy Xuân")

# query -> the published articles it finds, best first.
CASES = [
    # Diacritics, case, decomposed input and tone placement: the same set.
    ("thủy xuân", "adcb"),
    ("THỦY XUÂN", "adcb"),
    ("THUỶ XUÂN", "adcb"),
    (NFD, "adcb"),
    ("xuân thủy", "adcb"),
    # Without diacritics nothing is exact: title matches, newer first.
    ("thuy xuan", "dacb"),
    ("Thuy Xuan", "dacb"),
    # Typing "thủy" puts "Thủy" before "Thụy"; typing "thụy" the reverse.
    ("thủy", "adcb"),
    ("thụy", "dacb"),
    ("thuỵ", "dacb"),
    # Old and new tone placement are equal, for matching and for ranking.
    ("hoà", "efidb"),
    ("hòa", "efidb"),
    ("hoa", "efidb"),
    ("hoá", "eifdb"),
    ("hóa", "eifdb"),
    ("Hòa Bình", "e"),
    ("hoa binh", "e"),
    # đ folds to d, and exact matches of đ come first ("bồi dưỡng" is in
    # a summary).
    ("đường", "ghf"),
    ("ĐƯỜNG", "ghf"),
    ("duong", "ghf"),
    ("DUONG", "ghf"),
    ("dương", "hgf"),
    ("Tuyên Dương", "hg"),  # "Tuyến đường" in g's summary
    ("dao duy tu", "g"),
    ("ĐÀO DUY TỪ", "g"),
    # Phrases must be consecutive words; plain words may be anywhere.
    ('"nhà văn hóa"', "eb"),
    ("“nhà văn hóa”", "eb"),
    ("nhà văn hóa", "eib"),
    ("NHÀ VĂN HOÁ", "eib"),
    ('"van hoa doc"', "i"),
    ('"xuân thủy"', ""),
    ("covid-19", "k"),
    ("COVID 19", "k"),
    # Several words must all occur, in any field.
    ("tiêm chủng thủy xuân", "c"),
    ("thủy xuân tiêm", "c"),
    ("tiêm chủng", "c"),
    ("khu phố", "efb"),
    # Title above summary above body.
    ("giấy", "bj"),
    ("thuế khoán", "b"),
    ("tham gia", "a"),
    ("đơn vị", "k"),
    # Source and author are searched; HTML tags are not text.
    ("le thi binh", "j"),
    ("Công an quận", "j"),
    ("strong", ""),
    # Drafts and scheduled articles stay hidden.
    ("kế hoạch nội bộ", ""),
    ("sắp đăng", ""),
]


def make(key, category, title, summary, body, days, **fields):
    fields.setdefault("status", Article.Status.PUBLISHED)
    return Article.objects.create(
        slug=key,
        title=title,
        summary=summary,
        body=body,
        category=category,
        published_at=timezone.now() - datetime.timedelta(days=days),
        **fields,
    )


@pytest.fixture
def news(db):
    category = Category.objects.create(name="Tin phường")
    return {
        key: make(key, category, *values[:4], **values[4])
        for key, values in ARTICLES.items()
    }


def found(client, query, **params):
    response = client.get(URL, {"q": query, **params})
    assert response.status_code == 200
    return "".join(a.slug for a in response.context["page_obj"]), response


@pytest.mark.parametrize("query, expected", CASES)
def test_a_query_finds_the_expected_articles_in_rank_order(
    client, news, query, expected
):
    assert found(client, query)[0] == expected


def test_the_table_has_at_least_thirty_cases():
    assert len(CASES) >= 30


def test_old_and_new_tone_placement_have_one_exact_form():
    assert exact_form("Hòa thủy khỏe THỦY") == exact_form("hoà thuỷ khoẻ thuỷ")
    assert exact_form("hoàng quý") == "hoàng quý"  # not an open oa/uy syllable


def test_the_index_follows_edits_on_save(client, news):
    article = news["j"]
    article.title = "Hướng dẫn làm hộ chiếu"
    article.save()
    assert found(client, "ho chieu")[0] == "j"
    assert found(client, "căn cước")[0] == ""


# -- the results page ---------------------------------------------------------


def test_the_results_page_keeps_the_query_and_counts_the_results(client, news):
    _, response = found(client, "Thủy Xuân")
    html = response.content.decode()
    assert 'value="Thủy Xuân"' in html  # the sidebar box and the page's own
    assert "Tìm thấy 4 kết quả cho “Thủy Xuân”" in html
    assert 'href="/chuyen-muc/tin-phuong/"' in html
    assert (timezone.localdate() - datetime.timedelta(days=5)).strftime(
        "%d/%m/%Y"
    ) in html


def test_matched_words_are_marked_in_the_title_and_the_snippet(client, news):
    _, response = found(client, "thuy xuan")
    html = response.content.decode()
    assert "<mark>Thủy</mark> <mark>Xuân</mark> ra quân" in html
    assert "khu phố <mark>Thuỷ</mark> <mark>Xuân</mark>." in html


def test_the_snippet_is_a_window_around_the_first_match(client, news):
    category = Category.objects.get()
    long_body = "<p>" + " ".join(["Nội dung dài"] * 60) + " rác thải nhựa.</p>"
    make("long", category, "Tin dài", "", long_body, 1)
    _, response = found(client, "nhựa")
    snippet = response.context["page_obj"][0].snippet
    assert snippet.startswith("…") and snippet.endswith("<mark>nhựa</mark>.")
    assert len(snippet) < 400


def test_the_query_and_the_text_are_escaped(client, news):
    category = Category.objects.get()
    make(
        "escape",
        category,
        "Cảnh báo <script> giả mạo",
        "Thư có chữ <b>đậm</b> & dấu <i>",
        "",
        1,
    )
    slugs, response = found(client, '<script>"giả mạo"')
    html = response.content.decode()
    assert slugs == "escape"
    assert "<script>" not in html and "<b>đậm" not in html
    assert "“&lt;script&gt;&quot;giả mạo&quot;”" in html
    assert (
        "Cảnh báo &lt;<mark>script</mark>&gt; <mark>giả</mark> <mark>mạo</mark>" in html
    )
    assert "&lt;b&gt;đậm&lt;/b&gt; &amp; dấu &lt;i&gt;" in html


def test_results_are_paginated_and_links_keep_the_query_and_filters(client, db):
    category = Category.objects.create(name="Tin phường")
    for n in range(14):
        make(f"tin-{n}", category, f"Tin ngập úng số {n}", "", "", n + 1)
    _, response = found(client, "ngập úng", chuyen_muc="tin-phuong")
    html = response.content.decode()
    assert len(response.context["page_obj"]) == 12
    assert "?q=ng%E1%BA%ADp+%C3%BAng&amp;chuyen_muc=tin-phuong&amp;page=2" in html
    slugs, _ = found(client, "ngập úng", chuyen_muc="tin-phuong", page="2")
    assert slugs == "tin-12tin-13"


def test_the_results_page_makes_a_fixed_number_of_queries(
    client, news, django_assert_num_queries
):
    client.get(URL, {"q": "thủy"})  # fills the layout's caches
    category = Category.objects.get()
    for n in range(20):
        make(f"more-{n}", category, f"Thủy Xuân tin thêm {n}", "", "", 20 + n)
    # 1. the categories (filter list), 2. the matches (their count on
    # PostgreSQL, their ranked ids on SQLite), 3. the page's articles with
    # their categories.
    with django_assert_num_queries(3):
        response = client.get(URL, {"q": "thủy xuân", "page": "2"})
    assert len(response.context["page_obj"]) == 12
    # Without a query: only the categories.
    with django_assert_num_queries(1):
        client.get(URL, {"q": "a"})


def test_a_query_matching_too_many_articles_lists_the_newest_by_date(
    client, news, monkeypatch
):
    monkeypatch.setattr("news.search.backends.RANK_LIMIT", 3)
    slugs, response = found(client, "thủy xuân")
    html = response.content.decode()
    assert slugs == "dbc"  # newest first, not ranked; only the newest 3
    assert "Tìm thấy hơn 3 kết quả cho “thủy xuân”" in html
    assert "3 tin mới nhất được xếp theo thời gian" in html
    assert found(client, "tiêm chủng")[0] == "c"  # a narrower query is ranked


# -- filters -------------------------------------------------------------------


def test_results_can_be_filtered_by_category_including_its_children(client, news):
    parent = Category.objects.create(name="Y tế")
    child = Category.objects.create(name="Tiêm chủng", parent=parent)
    Article.objects.filter(slug="c").update(category=child)
    Article.objects.filter(slug="a").update(category=parent)
    assert found(client, "thủy xuân", chuyen_muc="y-te")[0] == "ac"
    assert found(client, "thủy xuân", chuyen_muc="tiem-chung")[0] == "c"


def test_results_can_be_filtered_by_a_date_range(client, news):
    today = timezone.localdate()
    start = (today - datetime.timedelta(days=3)).isoformat()
    end = (today - datetime.timedelta(days=2)).isoformat()
    assert found(client, "thủy xuân", tu=start, den=end)[0] == "cb"
    assert found(client, "thủy xuân", tu=end, den=start)[0] == "cb"  # swapped
    assert found(client, "thủy xuân", tu=start)[0] == "dcb"


@pytest.mark.parametrize(
    "params, notice",
    [
        ({"chuyen_muc": "khong-co"}, "bộ lọc chuyên mục được bỏ qua"),
        ({"chuyen_muc": "x\x00y"}, "bộ lọc chuyên mục được bỏ qua"),
        ({"chuyen_muc": "' OR 1=1 --"}, "bộ lọc chuyên mục được bỏ qua"),
        ({"tu": "31/12/2024"}, "Ngày bắt đầu “31/12/2024” không hợp lệ"),
        ({"tu": "2024-02-30"}, "Ngày bắt đầu “2024-02-30” không hợp lệ"),
        ({"den": "0001-01-01"}, "Ngày kết thúc “0001-01-01” không hợp lệ"),
        ({"den": "9999-12-31"}, "Ngày kết thúc “9999-12-31” không hợp lệ"),
        ({"den": "2024\x00-01-01"}, "Ngày kết thúc"),
    ],
)
def test_bad_filter_values_are_ignored_with_a_message(client, news, params, notice):
    slugs, response = found(client, "thủy xuân", **params)
    assert slugs == "adcb"
    assert notice in response.content.decode()


# -- bad input -----------------------------------------------------------------

HOSTILE = [
    ("", "Hãy nhập từ khóa để tìm kiếm."),
    ("   ", "Hãy nhập từ khóa để tìm kiếm."),
    ("a", "Từ khóa quá ngắn"),
    ("đ", "Từ khóa quá ngắn"),
    ("!!! ... ???", "Từ khóa không có chữ hay số nào để tìm."),
    ("& | ! : * ( ) ' \" \\ %", "Từ khóa không có chữ hay số nào để tìm."),
    ("\x00", "Hãy nhập từ khóa để tìm kiếm."),
    ("thủy\x00xuân", "Không tìm thấy kết quả nào"),
    ("thủy & xuân | !hoa", "Tìm thấy"),
    ("thuy:* & xuan:*", "Tìm thấy 4 kết quả"),
    ("'; DROP TABLE news_article; --", "Không tìm thấy kết quả nào"),
    ("100%", "Không tìm thấy kết quả nào"),
    ("_", "Từ khóa không có chữ hay số nào để tìm."),
    ('"""', "Từ khóa không có chữ hay số nào để tìm."),
    ('"thủy xuân', "Tìm thấy 4 kết quả"),
    ("x" * 1000, "Từ khóa dài quá 200 ký tự"),
    ("thủy " * 300, "Từ khóa dài quá 200 ký tự"),
    (" ".join(f"tu{n}" for n in range(30)), "Chỉ 8 từ hoặc cụm từ đầu tiên"),
    ("\ufffd\ufffd", "Từ khóa không có chữ hay số nào để tìm."),
]


@pytest.mark.parametrize("query, message", HOSTILE)
def test_hostile_queries_get_a_friendly_page(client, news, query, message):
    _, response = found(client, query)
    assert message in response.content.decode()


def test_the_long_query_message_is_visible_and_the_query_is_cut(client, news):
    _, response = found(client, "thủy xuân " + "z" * 1000)
    html = response.content.decode()
    assert '<p class="notice" role="status">Từ khóa dài quá 200 ký tự' in html
    assert len(response.context["query"]) == 200


@pytest.mark.parametrize(
    "raw",
    [
        "q=%E0%A4%A",
        "q=%FF%FE%00",
        "q=th%E1%BB%A7y%20xu%C3%A2n&page=99999999999999999999",
        "q=th%E1%BB%A7y&page=-1",
        "q=th%E1%BB%A7y&page=abc",
        "q=th%E1%BB%A7y&q=x&chuyen_muc=%00",
        "q[]=thuy",
        "page=2",
    ],
)
def test_broken_query_strings_never_fail(client, news, raw):
    response = client.get(f"{URL}?{raw}")
    assert response.status_code == 200


def test_a_huge_page_number_shows_the_last_page(client, news):
    slugs, response = found(client, "thủy xuân", page="99999999999999999999")
    assert slugs == "adcb" and response.context["page_obj"].number == 1


def test_a_long_hostile_query_is_answered_quickly(client, news):
    import time

    query = " ".join(f'"{n}a {n}b" & | ! :* ( ) \\ %' for n in range(200))
    started = time.perf_counter()
    found(client, query)
    assert time.perf_counter() - started < 1


# -- PostgreSQL ----------------------------------------------------------------


@pytest.mark.postgres
def test_the_postgres_test_database_lowercases_vietnamese(db):
    with connection.cursor() as cursor:
        cursor.execute("SELECT lower('ĐƯỜNG THỦY')")
        assert cursor.fetchone()[0] == "đường thủy"


@pytest.mark.postgres
def test_the_search_vectors_are_stored_on_save(news):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT search_vector::text, search_rank::text FROM news_article"
            " WHERE slug = 'a'"
        )
        matching, ranking = cursor.fetchone()
    # Matching: every folded word with its position (the title's 2nd word).
    assert "'thuy':2 " in matching and "'tham':" in matching
    assert "thuỷ" not in matching
    # Ranking: title (A) and summary (B) words, folded and exact; no body.
    assert "'thuy':2A" in ranking and "'thuỷ'" in ranking
    assert "'doan':12B" in ranking and "'tham'" not in ranking


@pytest.mark.postgres
def test_a_search_at_scale_uses_the_gin_index(db):
    from news.search import index_article, parse_query, search

    category = Category.objects.create(name="Tin phường")
    streets = ["Hùng Vương", "Lê Lợi", "Trần Phú", "Bạch Đằng", "Nguyễn Huệ"]
    now = timezone.now()
    articles = []
    for n in range(8000):
        article = Article(
            slug=f"tin-{n}",
            title=f"Tin số {n} về tuyến đường {streets[n % 5]}",
            summary="Ủy ban nhân dân phường thông báo đến toàn thể nhân dân.",
            body="<p>" + " ".join(["Người dân đến trụ sở liên hệ."] * 20) + "</p>",
            category=category,
            status=Article.Status.PUBLISHED,
            published_at=now - datetime.timedelta(hours=n),
        )
        if n % 1000 == 0:
            article.body += "<p>Cấm đường để sửa cống thoát nước.</p>"
        index_article(article)
        articles.append(article)
    Article.objects.bulk_create(articles, batch_size=1000)
    with connection.cursor() as cursor:
        # What autovacuum does on a live site: move the rows just inserted from
        # the GIN index's pending list into the index, then gather statistics.
        # Left pending, they make the index look costly to the planner.
        cursor.execute("SELECT gin_clean_pending_list('article_search')")
        cursor.execute("ANALYZE news_article")

    _, terms, _ = parse_query('"sửa cống"')
    with CaptureQueriesContext(connection) as queries:
        results = search(Article.objects.published(), terms)
    assert results.count() == 8 and not results.broad
    assert [a.slug for a in results[:2]] == ["tin-0", "tin-1000"]
    # The query that finds and ranks the matches, as it was sent:
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN " + queries.captured_queries[0]["sql"])
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "Bitmap Index Scan on article_search" in plan, plan
    assert "Seq Scan on news_article" not in plan, plan


@pytest.mark.postgres
@pytest.mark.parametrize("query", [q for q, expected in CASES if len(expected) > 1])
def test_the_sql_and_python_rankings_give_the_same_order(news, query):
    from news.search.backends import _all_terms, _raw, rank_in_python, ranking_rows

    _, terms, _ = parse_query(query)
    matches = Article.objects.published().filter(search_vector=_raw(_all_terms(terms)))
    in_sql = sorted(ranking_rows(matches, terms), reverse=True)
    rows = matches.values_list("published_at", "pk", "title", "summary")
    in_python = sorted(rank_in_python(rows, terms), reverse=True)
    assert in_sql == in_python
    assert len(in_sql) > 1


def test_a_body_of_a_megabyte_of_distinct_words_saves_and_is_found(client, db):
    import itertools
    import string

    letters = string.ascii_lowercase
    distinct = ("".join(p) for p in itertools.product(letters, repeat=4))
    words = [f"tu{w}" for w in itertools.islice(distinct, 140_000)]
    body = "<p>Thông báo cắt nước khu phố Thủy Xuân. " + " ".join(words) + "</p>"
    assert len(body) > 900_000
    category = Category.objects.create(name="Thông báo")
    make("dai", category, "Tin rất dài", "", body, 1)
    assert found(client, "cắt nước thủy xuân")[0] == "dai"
    assert found(client, words[1000])[0] == "dai"  # within the indexed part
    assert len(Article.objects.get(slug="dai").body) == len(body)


@pytest.mark.parametrize(
    "query, marked, unmarked",
    [
        ("phường", ["Phường"], ["phương"]),
        ("phuong", ["Phường", "phương"], []),
        ("hoà", ["Hòa"], ["Hoa"]),
        ("hoa", ["Hòa", "Hoa"], []),
        ("đường", ["đường"], ["duong"]),
    ],
)
def test_highlighting_respects_the_diacritics_typed(query, marked, unmarked):
    from news.search.highlight import Wanted, highlight
    from news.search.query import parse_request

    terms = parse_request({"q": query}, []).terms
    html = str(highlight("Phường Hòa có địa phương Hoa, đường duong", Wanted(terms)))
    for word in marked:
        assert f"<mark>{word}</mark>" in html
    for word in unmarked:
        assert f"<mark>{word}</mark>" not in html and word in html
