"""Request bodies are capped in Django too, for deployments without nginx."""

from pathlib import Path

from tests.resilience.servers import fetch, gunicorn, stream

MB = 1024 * 1024


def test_a_200_mb_post_gets_413_and_writes_no_temporary_file(deployment, tmp_path):
    temp = tmp_path / "tmp"
    temp.mkdir()
    env = {**deployment.env, "TMPDIR": str(temp)}
    with gunicorn(env, tmp_path / "gunicorn.log") as server:
        by_length = stream(server.base, "/tim-kiem/", chunked=False)
        chunked = stream(server.base, "/tim-kiem/", chunked=True)
        admin = stream(server.base, "/quan-tri/login/", False, total=200 * MB)
        small = fetch(
            server.base,
            "/tim-kiem/",
            method="POST",
            body=b"q=" + b"a" * 1000,
            headers={"Content-Type": "application/x-www-form-urlencoded"},
        )
    files = {p.name: p.stat().st_size for p in Path(temp).rglob("*") if p.is_file()}
    print(
        f"\n200 MB POST to gunicorn: {by_length[0]!r} after {by_length[1] / MB:.1f} MB;"
        f" chunked: {chunked[0]!r} after {chunked[1] / MB:.1f} MB; admin:"
        f" {admin[0]!r}; files in TMPDIR: {files}"
    )
    assert " 413 " in by_length[0] and " 413 " in admin[0]
    assert " 411 " in chunked[0]
    assert by_length[1] < 20 * MB
    assert not any(size > MB for size in files.values()), files
    # A small anonymous POST still gets as far as the CSRF check.
    assert small[0] == 403
    assert "Không được phép truy cập" in small[2].decode()


def test_the_413_page_is_in_vietnamese(client, settings):
    response = client.post(
        "/tim-kiem/",
        data=b"x",
        content_type="text/plain",
        CONTENT_LENGTH=str(settings.PORTAL_MAX_BODY_BYTES + 1),
    )
    assert response.status_code == 413
    assert "Dữ liệu gửi lên quá lớn" in response.content.decode()


def test_the_admin_may_send_a_photo_and_more(client, settings, db):
    length = settings.PORTAL_MAX_UPLOAD_BYTES + 1024 * 1024
    response = client.post(
        "/quan-tri/login/",
        data=b"",
        content_type="text/plain",
        CONTENT_LENGTH=str(length),
    )
    assert response.status_code != 413
