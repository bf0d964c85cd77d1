"""The demo ward's documents, with real PDF and DOCX files made here; the
text is ours. Also the file makers the tests use."""

import datetime
import io
from pathlib import Path

from core.text import fold
from documents.defaults import ensure_types


def pdf_bytes(title, paragraphs, font_path=None):
    """A PDF in PORTAL_PDF_FONT (Debian's DejaVu Sans by default); without
    that file, in a core PDF font with the text folded to ASCII (still
    searchable: search folds too), so no machine needs the font."""
    from django.conf import settings
    from fpdf import FPDF

    font_path = Path(font_path or settings.PORTAL_PDF_FONT)
    pdf = FPDF(format="A4")
    pdf.set_title(title if font_path.exists() else fold(title))
    pdf.add_page()
    if font_path.exists():
        pdf.add_font("DejaVu", fname=str(font_path))
        pdf.set_font("DejaVu", size=12)
        text = lambda s: s  # noqa: E731
    else:
        pdf.set_font("Helvetica", size=12)
        text = lambda s: fold(s).encode("latin-1", "replace").decode("latin-1")  # noqa: E731
    pdf.multi_cell(0, 8, text(title.upper()), align="C")
    pdf.ln(4)
    for paragraph in paragraphs:
        pdf.multi_cell(0, 7, text(paragraph))
        pdf.ln(2)
    return bytes(pdf.output())


def docx_bytes(title, paragraphs):
    from docx import Document as Docx

    document = Docx()
    document.add_heading(title, level=1)
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


BODIES = [
    "Đảng ủy phường Hòa Thuận Đông",
    "Hội đồng nhân dân phường",
    "Ủy ban nhân dân phường",
    "Ủy ban MTTQ Việt Nam phường",
]
FIELDS = [
    "Xây dựng Đảng",
    "Quản lý đô thị",
    "Văn hóa – Xã hội",
    "Y tế",
    "An ninh – Trật tự",
]
SIGNERS = ["Nguyễn Văn An", "Trần Thị Bích", "Lê Quang Minh", "Phạm Thu Hà"]

# (type slug, number and symbol, body index, field index, days before today
#  it was issued, file kind, summary, a sentence of the file's text)
DOCUMENTS = [
    ("nghi-quyet", "12/NQ-ĐU", 0, 0, 20, "pdf",
     "Nghị quyết về công tác xây dựng Đảng năm 2026",
     "Đảng bộ phường phấn đấu kết nạp ít nhất mười hai đảng viên mới trong năm."),
    ("quyet-dinh", "45/QĐ-UBND", 2, 1, 35, "pdf",
     "Quyết định thành lập Tổ chỉnh trang vỉa hè các tuyến đường chính",
     "Tổ chỉnh trang vỉa hè gồm chín thành viên, do Phó Chủ tịch phụ trách."),
    ("ke-hoach", "05/KH-UBND", 2, 2, 420, "docx",
     "Kế hoạch tổ chức các hoạt động văn hóa, thể thao dịp Tết",
     "Hội thi gói bánh chưng được tổ chức tại sân nhà văn hóa khu phố hai."),
    ("ke-hoach", "18/KH-UBND", 2, 2, 60, "docx",
     "Kế hoạch tổ chức các hoạt động văn hóa, thể thao dịp Tết (thay thế Kế hoạch 05)",
     "Giải cờ tướng và hội thi gói bánh chưng diễn ra tại công viên ven sông."),
    ("thong-bao", "102/TB-UBND", 2, 3, 5, "pdf",
     "Thông báo lịch tiêm chủng mở rộng tháng này",
     "Trạm y tế phường tiêm vắc xin sởi vào sáng thứ bảy hằng tuần."),
    ("cong-van", "231/UBND-VP", 2, 1, 15, "pdf",
     "Công văn về việc rà soát hộ kinh doanh lấn chiếm lòng đường",
     "Các khu phố gửi danh sách hộ kinh doanh về Văn phòng trước ngày mười lăm."),
    ("bao-cao", "76/BC-UBND", 2, 4, 40, "docx",
     "Báo cáo tình hình an ninh trật tự quý ba",
     "Số vụ trộm cắp tài sản giảm bốn vụ so với cùng kỳ năm trước."),
    ("huong-dan", "03/HD-MTTQ", 3, 2, 90, "pdf",
     "Hướng dẫn bình xét gia đình văn hóa, khu phố văn hóa",
     "Ban công tác mặt trận khu phố họp bình xét công khai, dân chủ."),
    ("tai-lieu-sinh-hoat-chi-bo", "TL-08/2026", 0, 0, 10, "pdf",
     "Tài liệu sinh hoạt chi bộ tháng này: chuyên đề học tập và làm theo tư tưởng",
     "Chi bộ thảo luận chuyên đề về tinh thần tự học và nêu gương của đảng viên."),
    ("nghi-quyet", "08/NQ-HĐND", 1, 1, 200, "pdf",
     "Nghị quyết về dự toán chi ngân sách phường năm 2026",
     "Tổng chi ngân sách phường được thông qua tại kỳ họp thứ tám."),
    ("quyet-dinh", "12/QĐ-UBND", 2, 3, 700, "pdf",
     "Quyết định ban hành quy chế phối hợp phòng chống dịch sốt xuất huyết",
     "Mỗi khu phố thành lập đội diệt lăng quăng và phun hóa chất định kỳ."),
    ("thong-bao", "87/TB-ĐU", 0, 0, 25, "docx",
     "Thông báo kết luận của Ban Thường vụ Đảng ủy về công tác cán bộ",
     "Ban Thường vụ thống nhất kiện toàn chi ủy chi bộ khu phố năm."),
    ("ke-hoach", "27/KH-UBND", 2, 4, 120, "pdf",
     "Kế hoạch ra quân bảo đảm trật tự an toàn giao thông",
     "Lực lượng dân quân phối hợp công an phường tuần tra vào buổi tối."),
    ("bao-cao", "15/BC-ĐU", 0, 0, 380, "pdf",
     "Báo cáo tổng kết công tác Đảng năm trước",
     "Đảng bộ hoàn thành mười trên mười một chỉ tiêu nghị quyết đề ra."),
    ("huong-dan", "02/HD-UBND", 2, 1, 150, "docx",
     "Hướng dẫn thủ tục cấp phép sửa chữa nhà ở riêng lẻ",
     "Hồ sơ gồm đơn đề nghị, bản vẽ hiện trạng và giấy tờ về quyền sử dụng đất."),
    ("cong-van", "198/UBND-VHXH", 2, 2, 8, "pdf",
     "Công văn về việc treo cờ Tổ quốc dịp lễ lớn",
     "Các hộ gia đình treo cờ từ sáng ngày mồng một đến hết ngày mồng ba."),
    ("quyet-dinh", "60/QĐ-UBND", 2, 1, -3, "pdf",
     "Quyết định phân luồng giao thông tuyến đường ven sông (có hiệu lực sắp tới)",
     "Tuyến đường ven sông cấm xe tải nặng từ sáu giờ sáng đến tám giờ tối."),
    ("tai-lieu-sinh-hoat-chi-bo", "TL-07/2026", 0, 0, 40, "docx",
     "Tài liệu sinh hoạt chi bộ tháng trước: chuyển đổi số trong khu phố",
     "Mỗi đảng viên hướng dẫn ít nhất ba hộ dân cài ứng dụng dịch vụ công."),
    ("thong-bao", "110/TB-UBND", 2, 3, 2, "pdf",
     "Thông báo tạm dừng cấp nước để sửa chữa đường ống (bản nháp)",
     "Khu phố bốn tạm dừng cấp nước từ tám giờ đến mười sáu giờ."),
    ("bao-cao", "80/BC-UBND", 2, 2, 3, "docx",
     "Báo cáo kết quả chăm lo Tết cho hộ nghèo (chờ duyệt)",
     "Phường trao hai trăm phần quà cho hộ nghèo và hộ cận nghèo."),
]  # fmt: skip


def _file_for(kind, title, sentence):
    paragraphs = [
        sentence,
        "Văn bản này do cổng thông tin tạo ra làm dữ liệu mẫu; nội dung là giả định.",
    ]
    if kind == "pdf":
        return pdf_bytes(title, paragraphs)
    return docx_bytes(title, paragraphs)


def load_documents():
    """About twenty documents of every type, several years and every status,
    one replaced by another. Returns how many were made."""
    from django.core.files.base import ContentFile
    from django.utils import timezone

    from documents.models import (
        Document,
        DocumentFile,
        DocumentType,
        Field,
        IssuingBody,
    )

    bodies = [IssuingBody.objects.get_or_create(name=n)[0] for n in BODIES]
    fields = [Field.objects.get_or_create(name=n)[0] for n in FIELDS]
    types = ensure_types(DocumentType)
    today = timezone.localdate()
    made = {}
    for n, (type_slug, number, body, field, ago, kind, summary, sentence) in enumerate(
        DOCUMENTS
    ):
        issued = today - datetime.timedelta(days=max(ago, 1))
        status = Document.Status.PUBLISHED
        if "(bản nháp)" in summary:
            status = Document.Status.DRAFT
        elif "(chờ duyệt)" in summary:
            status = Document.Status.PENDING
        document = Document.objects.create(
            doc_type=types[type_slug],
            number_symbol=number,
            issuing_body=bodies[body],
            field=fields[field],
            signer=SIGNERS[n % len(SIGNERS)],
            issued_on=issued,
            effective_on=today + datetime.timedelta(days=-ago) if ago < 0 else None,
            expires_on=issued + datetime.timedelta(days=365) if ago > 600 else None,
            summary=summary,
            status=status,
            published_at=timezone.now() - datetime.timedelta(days=max(ago, 1)),
        )
        title = f"{types[type_slug].name} số {number}"
        data = _file_for(kind, title, sentence)
        name = f"{types[type_slug].name} {number.replace('/', '-')}.{kind}"
        DocumentFile.objects.create(
            document=document, file=ContentFile(data, name=name)
        )
        made[number] = document
    made["05/KH-UBND"].replaced_by = made["18/KH-UBND"]
    made["05/KH-UBND"].save()
    load_consultations(made)
    return len(made)


# Two drafts put out for comment: one open now, one closed with its report.
# (document number, title, days from today it opened and closes, invitation)
CONSULTATIONS = [
    ("DT-14/QĐ-UBND",
     "Dự thảo Quy định giữ gìn vệ sinh, trật tự nơi công cộng tại các khu phố",
     -5, 25,
     "Phường lấy ý kiến người dân về giờ đổ rác, việc trông giữ xe trên vỉa hè "
     "và việc tổ chức tiệc cưới, việc tang tại các hẻm nhỏ."),
    ("DT-09/KH-UBND",
     "Dự thảo Kế hoạch chỉnh trang công viên ven sông",
     -70, -40,
     "Phường lấy ý kiến về vị trí sân chơi thiếu nhi, đường đi bộ và giờ "
     "thắp sáng công viên."),
]  # fmt: skip
DEMO_COMMENTS = [
    "Đề nghị bố trí thêm ghế đá dưới bóng cây cho người cao tuổi tập thể dục buổi sáng.",
    "Sân chơi thiếu nhi nên có hàng rào thấp, tách khỏi lối đi của xe đạp.",
    "Đèn công viên nên sáng đến 22 giờ vì nhiều người đi bộ sau giờ làm.",
]
DEMO_REPORT = (
    "<p>Trong thời gian lấy ý kiến, phường nhận được 3 ý kiến của người dân.</p>"
    "<ul><li>Tiếp thu: bổ sung 12 ghế đá dọc lối đi bộ.</li>"
    "<li>Tiếp thu: làm hàng rào thấp quanh sân chơi thiếu nhi.</li>"
    "<li>Giải trình: đèn sáng đến 22 giờ; sau đó giữ đèn lối đi chính để bảo "
    "đảm an ninh.</li></ul>"
)


def load_consultations(made):
    """The two drafts above, as documents of the register with their files."""
    from django.core.files.base import ContentFile
    from django.utils import timezone

    from documents.models import Comment, Consultation, Document, DocumentFile

    now = timezone.now()
    sample = made["45/QĐ-UBND"]
    for number, title, opened, closes, invitation in CONSULTATIONS:
        document = Document.objects.create(
            doc_type=sample.doc_type if "QĐ" in number else made["18/KH-UBND"].doc_type,
            number_symbol=number,
            issuing_body=sample.issuing_body,
            field=sample.field,
            issued_on=timezone.localdate() + datetime.timedelta(days=opened),
            summary=title,
            status=Document.Status.PUBLISHED,
            published_at=now + datetime.timedelta(days=opened),
        )
        data = pdf_bytes(
            title, [invitation, "Đây là bản dự thảo mẫu, nội dung giả định."]
        )
        DocumentFile.objects.create(
            document=document, file=ContentFile(data, name=f"{title}.pdf")
        )
        closed = closes < 0
        consultation = Consultation.objects.create(
            document=document,
            title=title,
            introduction=invitation,
            opens_at=now + datetime.timedelta(days=opened),
            closes_at=(now + datetime.timedelta(days=closes)).replace(
                minute=0, second=0, microsecond=0
            ),
            report=DEMO_REPORT if closed else "",
        )
        for n, text in enumerate(DEMO_COMMENTS if closed else DEMO_COMMENTS[:1]):
            Comment.objects.create(
                consultation=consultation,
                name=f"Người dân mẫu {n + 1}",
                contact=f"09050000{n:02d}",
                body=text,
                status=Comment.Status.PUBLISHED if closed else Comment.Status.NEW,
                created_at=now + datetime.timedelta(days=opened + n + 1),
            )
