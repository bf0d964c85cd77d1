"""Search benchmark: latency of a results page at 100,000 articles.

    python -m bench search

Generates a corpus of varied Vietnamese news (word lists combined into
sentences) into a PostgreSQL database of its own, then times a fixed set of
queries and prints p50 and p95 in milliseconds, twice: "core" is the results
page's work without the template (parse the query, find, count and rank the
matches, load the first page, build its snippets); "page" is the whole view
through Django's test client. A word found in nearly every article is timed
apart: such queries are listed newest first, not ranked (news.search).

Settings (environment):
    BENCH_SEARCH_DATABASE_URL  default postgres://postgres@127.0.0.1:5432/portal_bench
    BENCH_SEARCH_ARTICLES      default 100000
    BENCH_SEARCH_REPEAT        runs per query, default 50
    BENCH_SEARCH_DROP=1        drop the database afterwards

The database is created when missing and kept, so a second run with the same
corpus and size skips the generation (about two minutes); a different one
starts it again.
"""

import datetime
import os
import random
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlparse

DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/portal_bench"
CORPUS_VERSION = 3  # bump when the generator or the search columns change
BATCH = 2000

# The fixed set (kind, query); the last one is a word in nearly every article,
# measured apart: it is listed newest first, not ranked (RANK_LIMIT).
QUERIES = [
    ("một từ", "ngập"),
    ("một từ", "vắc xin"),
    ("hai từ", "tiêm chủng"),
    ("hai từ", "học bổng"),
    ("cụm từ", '"cấp giấy phép xây dựng"'),
    ("cụm từ", '"lừa đảo qua mạng"'),
    ("không dấu", "sot xuat huyet"),
    ("không dấu", "hoc bong"),
    ("nhiều từ", "Hòa Khánh phân loại rác"),
    ("không có kết quả", "tàu ngầm hạt nhân"),
]
BROAD = ("rất phổ biến", "phường")


def main():
    """Run the benchmark in a child process that points Django at its own
    database, so it never touches the portal's."""
    env = dict(os.environ)
    env["DATABASE_URL"] = os.environ.get("BENCH_SEARCH_DATABASE_URL", DEFAULT_URL)
    env["DJANGO_SETTINGS_MODULE"] = "portal.settings"
    root = Path(__file__).resolve().parent.parent
    sys.stdout.flush()
    done = subprocess.run([sys.executable, "-m", "bench.search"], env=env, cwd=root)
    if done.returncode:
        print(f"The search benchmark stopped (PostgreSQL at {env['DATABASE_URL']}?).")


# -- the corpus ------------------------------------------------------------------
#
# Each article has a topic and a few subjects from it; its sentences mix those
# subjects with the everyday words of ward news (units, places, people, dates,
# figures). A subject phrase ends up in one or two articles in a hundred, the
# ward's own words ("phường", "nhân dân") in nearly all of them.

# fmt: off
PLACES = [
    "Thủy Xuân", "Thuỷ Tú", "Hòa Khánh", "Hoà Cường", "Hòa Thuận Đông", "An Hải",
    "Phước Mỹ", "Mỹ An", "Khuê Trung", "Thạc Gián", "Vĩnh Trung", "Tân Chính",
    "Bình Hiên", "Nam Dương", "Phước Ninh", "Thanh Bình", "Đa Phước", "Thọ Quang",
    "Xuân Hà", "Chính Gián", "Hải Châu", "Thuận Phước", "Mân Thái", "Nại Hiên Đông",
    "Hòa Minh", "Hoà Hiệp", "Thanh Khê", "An Khê", "Tam Thuận", "Xuân Thiều",
    "Bàu Tràm", "Đò Xu", "Cẩm Lệ", "Khuê Mỹ", "Hòa Quý", "Phú Lộc", "Kim Liên",
]
STREETS = [
    "Hùng Vương", "Lê Lợi", "Trần Phú", "Bạch Đằng", "Nguyễn Huệ", "Phan Châu Trinh",
    "Ông Ích Khiêm", "Điện Biên Phủ", "Hàm Nghi", "Lê Duẩn", "Nguyễn Văn Linh",
    "Tôn Đức Thắng", "Ngô Quyền", "Đống Đa", "Hoàng Diệu", "Trưng Nữ Vương",
    "Núi Thành", "Hải Phòng", "Lý Thái Tổ", "Quang Trung", "Yên Bái", "Thái Phiên",
]
UNITS = [
    "Ủy ban nhân dân phường", "Hội Liên hiệp Phụ nữ phường", "Đoàn Thanh niên phường",
    "Trạm y tế phường", "Công an phường", "Ủy ban Mặt trận Tổ quốc phường",
    "Hội Cựu chiến binh phường", "Ban quản lý chợ", "Hội Người cao tuổi",
    "Ban chỉ huy quân sự phường", "Hội Chữ thập đỏ phường", "Hội Nông dân phường",
    "Ban công tác mặt trận khu dân cư", "Chi đoàn khu phố", "Tổ dân phố",
    "Đảng ủy phường", "Hội đồng nhân dân phường", "Bộ phận một cửa",
    "Trường Tiểu học", "Trường Mầm non", "Trường Trung học cơ sở", "Hội Khuyến học",
]
VERBS = [
    "tổ chức", "triển khai", "phát động", "kiểm tra", "hướng dẫn", "ra quân",
    "tuyên truyền về", "sơ kết", "tổng kết", "khánh thành", "hỗ trợ", "vận động",
    "phối hợp thực hiện", "thông báo về", "đẩy mạnh", "rà soát", "đôn đốc",
    "giám sát", "khảo sát", "bàn giao", "ký kết chương trình", "tập huấn về",
]
TOPICS = {
    "Y tế": [
        "tiêm chủng mở rộng", "phòng chống sốt xuất huyết", "khám sức khỏe miễn phí",
        "diệt lăng quăng", "bảo hiểm y tế hộ gia đình", "an toàn thực phẩm",
        "hiến máu tình nguyện", "chăm sóc người cao tuổi", "dinh dưỡng cho trẻ em",
        "tiêm vắc xin sởi", "phòng chống dịch tay chân miệng", "khám mắt cho học sinh",
        "sàng lọc tăng huyết áp", "uống vitamin A", "phòng chống tác hại thuốc lá",
    ],
    "Giáo dục": [
        "khai giảng năm học mới", "trao học bổng", "phổ cập bơi cho thiếu nhi",
        "thư viện thân thiện", "tuyên dương học sinh giỏi", "ôn thi tốt nghiệp",
        "trường chuẩn quốc gia", "khuyến học khuyến tài", "sinh hoạt hè",
        "trang bị máy tính cho trường học", "bữa ăn bán trú", "đồng phục học sinh",
        "kỹ năng sống", "tuyển sinh lớp một", "dạy thêm học thêm",
    ],
    "Đô thị": [
        "nâng cấp tuyến đường", "sửa chữa cống thoát nước", "chống ngập úng",
        "lắp đặt đèn chiếu sáng", "giải tỏa lấn chiếm vỉa hè", "chỉnh trang đô thị",
        "cấp giấy phép xây dựng", "trật tự xây dựng", "bê tông hóa kiệt hẻm",
        "đặt tên đường mới", "bồi thường giải phóng mặt bằng", "điểm ngập cục bộ",
        "cắt tỉa cây xanh", "biển số nhà", "cải tạo vỉa hè",
    ],
    "Môi trường": [
        "thu gom rác thải", "phân loại rác tại nguồn", "trồng cây xanh",
        "nạo vét kênh mương", "làm sạch bãi biển", "giảm rác thải nhựa",
        "xử lý nước thải", "ngày chủ nhật xanh", "bảo vệ nguồn nước",
        "điểm tập kết rác", "túi ni lông", "ô nhiễm tiếng ồn", "xe chở rác",
    ],
    "An ninh": [
        "phòng cháy chữa cháy", "tuần tra ban đêm", "phòng chống tội phạm",
        "cấp căn cước công dân", "đăng ký tạm trú", "phòng chống lừa đảo qua mạng",
        "tuyển quân nghĩa vụ", "quản lý vũ khí vật liệu nổ", "tổ bảo vệ dân phố",
        "camera an ninh", "trộm cắp tài sản", "ma túy học đường", "định danh điện tử",
    ],
    "Giao thông": [
        "an toàn giao thông", "đội mũ bảo hiểm", "xe quá tải", "đỗ xe sai quy định",
        "vạch kẻ đường", "đèn tín hiệu giao thông", "xe buýt công cộng",
        "đưa đón học sinh", "nồng độ cồn", "phân luồng giao thông",
    ],
    "Văn hóa": [
        "lễ hội truyền thống", "hội thi văn nghệ quần chúng", "giải bóng đá thiếu niên",
        "ngày hội đại đoàn kết", "gia đình văn hóa", "câu lạc bộ dưỡng sinh",
        "nhà văn hóa khu phố", "thể dục thể thao quần chúng", "đêm nhạc",
        "giữ gìn di tích lịch sử", "hội thi nấu ăn", "giải cầu lông", "hội chợ xuân",
        "lễ thượng cờ", "chương trình trung thu cho thiếu nhi",
    ],
    "Kinh tế": [
        "hỗ trợ hộ nghèo", "vay vốn giải quyết việc làm", "đào tạo nghề cho lao động",
        "chi trả trợ cấp xã hội", "bình ổn giá chợ Tết", "hộ kinh doanh cá thể",
        "kê khai thuế", "kinh tế tập thể", "sửa chữa nhà cho hộ nghèo",
        "giới thiệu việc làm", "thanh toán không dùng tiền mặt", "chợ truyền thống",
        "hợp tác xã", "quỹ tín dụng nhân dân",
    ],
    "Hành chính": [
        "cải cách thủ tục hành chính", "dịch vụ công trực tuyến", "tiếp công dân định kỳ",
        "lấy ý kiến nhân dân", "bầu cử tổ trưởng dân phố", "chuyển đổi số",
        "chứng thực bản sao điện tử", "đăng ký khai sinh", "giải quyết đơn thư",
        "đăng ký kết hôn", "chữ ký số", "sáp nhập tổ dân phố", "niêm yết công khai",
    ],
    "Chính sách": [
        "chăm lo gia đình chính sách", "thương binh liệt sĩ", "người có công",
        "nhà tình nghĩa", "quà Tết cho hộ khó khăn", "trẻ em mồ côi",
        "người khuyết tật", "mẹ Việt Nam anh hùng", "trợ giúp xã hội",
    ],
    "Thiên tai": [
        "phòng chống thiên tai", "sơ tán dân", "mùa mưa bão", "chằng chống nhà cửa",
        "diễn tập cứu nạn", "cây đổ sau bão", "sạt lở bờ kè", "áo phao",
        "nước dâng", "dự trữ lương thực",
    ],
}
WHEN = [
    "trong tháng {m}", "vào sáng thứ bảy", "từ ngày {d}/{m}", "trong quý {q}",
    "cuối tuần qua", "đầu năm {y}", "trong dịp hè", "trước mùa mưa bão",
    "vào chiều chủ nhật", "từ nay đến cuối năm", "trong năm {y}", "sáng {d}/{m}",
]
RESULTS = [
    "với sự tham gia của đông đảo người dân", "nhằm nâng cao đời sống nhân dân",
    "theo kế hoạch của Ủy ban nhân dân quận", "góp phần giữ gìn trật tự trên địa bàn",
    "thu hút hơn {n} lượt người tham gia", "đạt nhiều kết quả tích cực",
    "được nhân dân đồng tình hưởng ứng", "bảo đảm đúng tiến độ đề ra",
    "với tổng kinh phí hơn {n} triệu đồng", "do các nhà hảo tâm đóng góp",
]
GENERIC = [
    "Buổi làm việc có sự tham dự của đại diện các ban ngành, đoàn thể phường.",
    "Mọi thắc mắc xin liên hệ Bộ phận một cửa phường trong giờ hành chính.",
    "Phường sẽ tiếp tục theo dõi, đánh giá và báo cáo kết quả lên cấp trên.",
    "Các tổ dân phố có trách nhiệm thông báo rộng rãi đến từng hộ gia đình.",
    "Kinh phí thực hiện được trích từ ngân sách phường và nguồn xã hội hóa.",
    "Lãnh đạo phường ghi nhận, biểu dương những tập thể, cá nhân tiêu biểu.",
    "Thời gian tới, phường tập trung khắc phục những hạn chế còn tồn tại.",
    "Người dân phản ánh qua đường dây nóng hoặc ứng dụng góp ý của thành phố.",
]
FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ",
          "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Trương", "Đoàn", "Lương"]
MIDDLE = ["Văn", "Thị", "Hữu", "Đức", "Minh", "Ngọc", "Thanh", "Quốc", "Thu", "Công"]
GIVEN = ["An", "Bình", "Cường", "Dũng", "Đạt", "Giang", "Hà", "Hải", "Hạnh", "Hòa",
         "Hùng", "Hương", "Khánh", "Lan", "Linh", "Long", "Mai", "Nam", "Nga", "Phúc",
         "Quang", "Quỳnh", "Sơn", "Tâm", "Thảo", "Thủy", "Trang", "Tuấn", "Vân", "Yến",
         "Thuỵ", "Toàn", "Khoa", "Duyên", "Hiếu", "Lộc", "Nhung", "Oanh", "Phượng"]
ROLES = ["Chủ tịch UBND phường", "Bí thư Đoàn phường", "Trưởng trạm y tế",
         "tổ trưởng tổ dân phố", "Trưởng Công an phường", "cán bộ địa chính",
         "Chủ tịch Hội Phụ nữ", "người dân khu phố {place}", "hiệu trưởng nhà trường",
         "Phó Chủ tịch UBND phường", "cán bộ văn hóa xã hội"]
SOURCES = ["", "", "", "Cổng TTĐT quận", "Báo Công an", "Đài phát thanh phường"]
# fmt: on


class Writer:
    """Sentences of ward news from the lists above, seeded for repeatability."""

    def __init__(self, seed=2026):
        self.r = random.Random(seed)

    def fill(self, template):
        r = self.r
        return template.format(
            m=r.randint(1, 12),
            d=r.randint(1, 28),
            q=r.randint(1, 4),
            y=r.randint(2018, 2026),
            n=r.randint(2, 900),
            place=r.choice(PLACES),
        )

    def name(self):
        r = self.r
        return f"{r.choice(FAMILY)} {r.choice(MIDDLE)} {r.choice(GIVEN)}"

    def sentence(self, subjects):
        r = self.r
        subject = r.choice(subjects)
        kind = r.randrange(7)
        if kind == 0:
            text = (
                f"{r.choice(UNITS)} {r.choice(VERBS)} {subject} "
                f"{self.fill(r.choice(WHEN))}, {self.fill(r.choice(RESULTS))}"
            )
        elif kind == 1:
            text = (
                f"Theo {r.choice(['ông', 'bà'])} {self.name()}, "
                f"{self.fill(r.choice(ROLES))}, {subject} là nhiệm vụ trọng tâm "
                f"{self.fill(r.choice(WHEN))}"
            )
        elif kind == 2:
            text = (
                f"Người dân có nhu cầu về {subject} liên hệ trụ sở phường tại số "
                f"{r.randint(1, 300)} đường {r.choice(STREETS)}"
            )
        elif kind == 3:
            text = (
                f"Đến nay, khu phố {r.choice(PLACES)} đã hoàn thành {subject} "
                f"cho {r.randint(5, 400)} hộ gia đình"
            )
        elif kind == 4:
            text = (
                f"Tại tuyến đường {r.choice(STREETS)}, lực lượng chức năng "
                f"{r.choice(VERBS)} {subject} {self.fill(r.choice(WHEN))}"
            )
        elif kind == 5:
            return r.choice(GENERIC)
        else:
            text = (
                f"Dịp này, {r.choice(UNITS).lower()} cũng {r.choice(VERBS)} "
                f"{subject} tại khu phố {r.choice(PLACES)}"
            )
        return text[0].upper() + text[1:] + "."

    def article(self, topic):
        r = self.r
        subjects = r.sample(TOPICS[topic], 2) + [r.choice(TOPICS[r.choice(ALL)])]
        main = subjects[0]
        title = r.choice(
            [
                f"{r.choice(UNITS)} {r.choice(VERBS)} {main}",
                f"{r.choice(PLACES)}: {main} {self.fill(r.choice(WHEN))}",
                f"Khu phố {r.choice(PLACES)} {r.choice(VERBS)} {main}",
                f"Đẩy mạnh {main} trên địa bàn phường",
            ]
        )
        summary = self.sentence([main])
        paragraphs = [
            " ".join(self.sentence(subjects) for _ in range(r.randint(2, 4)))
            for _ in range(r.randint(3, 5))
        ]
        body = "".join(f"<p>{p}</p>" for p in paragraphs)
        return title[0].upper() + title[1:], summary, body


ALL = list(TOPICS)


# -- the run -----------------------------------------------------------------------


def progress(done, total, started):
    width = 40
    filled = width * done // total
    sys.stderr.write(
        f"\r  [{'#' * filled}{'.' * (width - filled)}] {done:,}/{total:,} "
        f"{time.perf_counter() - started:5.0f} s"
    )
    if done == total:
        sys.stderr.write("\n")
    sys.stderr.flush()


def admin_connection(url):
    import psycopg2

    conn = psycopg2.connect(urlparse(url)._replace(path="/postgres").geturl())
    conn.autocommit = True  # CREATE/DROP DATABASE cannot run in a transaction
    return conn


def ensure_database(url, corpus):
    """Create the database; start again when it holds another corpus (its
    COMMENT names the corpus, set once generation has finished)."""
    name = urlparse(url).path.lstrip("/")
    conn = admin_connection(url)
    with conn.cursor() as cursor:
        cursor.execute(
            "SELECT shobj_description(oid, 'pg_database') FROM pg_database"
            " WHERE datname = %s",
            [name],
        )
        row = cursor.fetchone()
        if row and row[0] == corpus:
            conn.close()
            return name, True
        if row:
            cursor.execute(f'DROP DATABASE "{name}"')
        cursor.execute(
            f"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8' "
            "LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'"
        )
    conn.close()
    return name, False


def generate(total):
    from django.db import connection, transaction
    from django.utils import timezone

    from news.models import Article, Category
    from news.search import index_article

    print(f"Generating {total:,} articles (once; later runs reuse them)…")
    with transaction.atomic():
        Article.objects.all().delete()
        Category.objects.all().delete()
        categories = {t: Category.objects.create(name=t) for t in TOPICS}
    with connection.cursor() as cursor:
        # Building the GIN index once at the end is much faster than
        # updating it row by row.
        cursor.execute("DROP INDEX IF EXISTS article_search")
    writer, now, started = Writer(), timezone.now(), time.perf_counter()
    for first in range(0, total, BATCH):
        batch = []
        for n in range(first, min(first + BATCH, total)):
            topic = writer.r.choice(ALL)
            title, summary, body = writer.article(topic)
            article = Article(
                title=title,
                slug=f"tin-{n}",
                summary=summary,
                body=body,
                category=categories[topic],
                status=Article.Status.PUBLISHED,
                published_at=now - datetime.timedelta(minutes=37 * n),
                source_name=writer.r.choice(SOURCES),
                author=writer.name(),
            )
            index_article(article)
            batch.append(article)
        Article.objects.bulk_create(batch)
        progress(first + len(batch), total, started)
    print("Building the GIN index…")
    with connection.cursor() as cursor:
        cursor.execute("SET maintenance_work_mem = '256MB'")
        cursor.execute(
            "CREATE INDEX article_search ON news_article USING gin (search_vector)"
        )
        cursor.execute("VACUUM ANALYZE news_article")
    print(f"Generated in {time.perf_counter() - started:.0f} s.")


def results_page(query):
    """The results page's database and Python work, without the template."""
    from django.core.paginator import Paginator

    from news.models import Article
    from news.search import PER_PAGE, add_highlights, parse_query, search

    _, terms, _ = parse_query(query)
    results = search(Article.objects.published(), terms)
    page = Paginator(results, PER_PAGE).get_page(1)
    add_highlights(page.object_list, terms)
    return f"{'>' if results.broad else ''}{page.paginator.count:,}"


def whole_page(query):
    """The whole view, template included, through Django's test client."""
    from django.test import Client

    response = Client().get("/tim-kiem/", {"q": query})
    assert response.status_code == 200


def percentile(samples, p):
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def timed(function, query, repeat):
    for _ in range(3):
        function(query)  # warm the caches
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        function(query)
        samples.append((time.perf_counter() - started) * 1000)
    return samples


def line(label, kind, matches, core, page):
    figures = [percentile(s, p) for s in (core, page) for p in (50, 95)]
    print(
        f"{label:<28} {kind:<16} {matches:>8} " + "".join(f"{f:>9.1f}" for f in figures)
    )


def run():
    url = os.environ["DATABASE_URL"]
    total = int(os.environ.get("BENCH_SEARCH_ARTICLES", "100000"))
    repeat = int(os.environ.get("BENCH_SEARCH_REPEAT", "50"))
    corpus = f"search bench, corpus v{CORPUS_VERSION}, {total} articles"
    name, ready = ensure_database(url, corpus)

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test.utils import setup_test_environment

    setup_test_environment()  # the test client's ALLOWED_HOSTS
    call_command("migrate", verbosity=0)
    if not ready:
        generate(total)
        with connection.cursor() as cursor:
            cursor.execute(f'COMMENT ON DATABASE "{name}" IS %s', [corpus])
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_size_pretty(pg_total_relation_size('news_article'))")
        size = cursor.fetchone()[0]
    print(f"{total:,} articles in database {name} ({size}); {repeat} runs per query.")
    print("core: parse, count, rank, first page, snippets; page: the whole view.")
    print(
        f"{'query':<28} {'kind':<16} {'matches':>8} {'core p50':>9} {'core p95':>9}"
        f" {'page p50':>9} {'page p95':>9}   (ms)"
    )
    core_all, page_all = [], []
    for kind, query in QUERIES:
        core, page = (
            timed(results_page, query, repeat),
            timed(whole_page, query, repeat),
        )
        core_all += core
        page_all += page
        line(query, kind, results_page(query), core, page)
    line("the fixed set", "", "", core_all, page_all)
    kind, query = BROAD
    line(
        query,
        kind,
        results_page(query),
        *(timed(f, query, repeat) for f in (results_page, whole_page)),
    )
    print("(>N: more than RANK_LIMIT matches, listed newest first, not ranked)")
    if os.environ.get("BENCH_SEARCH_DROP") == "1":
        connection.close()
        conn = admin_connection(url)
        conn.cursor().execute(f'DROP DATABASE "{name}"')
        conn.close()
        print(f"Dropped database {name}.")


if __name__ == "__main__":
    run()
