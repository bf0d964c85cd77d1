"""The demo ward's static pages. Every sentence was written for this project."""

ABOUT = """
<p>Phường Hòa Thuận Đông là đơn vị hành chính cấp phường, có 9 tổ dân phố với khoảng 18.500 nhân khẩu. Cổng thông tin điện tử này là kênh chính thức để Đảng ủy, Hội đồng nhân dân và Ủy ban nhân dân phường thông tin tới người dân và doanh nghiệp trên địa bàn.</p>
<h2>Chức năng</h2>
<p>Ủy ban nhân dân phường là cơ quan hành chính nhà nước ở cơ sở, tổ chức thi hành Hiến pháp, pháp luật và các nghị quyết của Hội đồng nhân dân phường; quản lý nhà nước trên các lĩnh vực kinh tế, đô thị, văn hóa, xã hội, quốc phòng và an ninh trên địa bàn.</p>
<h2>Nhiệm vụ chủ yếu</h2>
<ul>
<li>Xây dựng và tổ chức thực hiện kế hoạch phát triển kinh tế – xã hội hằng năm của phường.</li>
<li>Quản lý trật tự xây dựng, vỉa hè, vệ sinh môi trường và hạ tầng đô thị.</li>
<li>Tiếp nhận và giải quyết thủ tục hành chính cho người dân theo cơ chế một cửa.</li>
<li>Thực hiện các chính sách an sinh xã hội, chăm lo người có công và hộ nghèo.</li>
<li>Giữ gìn an ninh chính trị, trật tự an toàn xã hội; tổ chức công tác quân sự địa phương.</li>
</ul>
<h2>Sơ đồ tổ chức</h2>
<ul>
<li><strong>Đảng ủy phường</strong>: Bí thư, các Phó Bí thư và Ban Thường vụ; lãnh đạo các chi bộ khu dân cư.</li>
<li><strong>Hội đồng nhân dân phường</strong>: Chủ tịch, Phó Chủ tịch, Ban Kinh tế – Xã hội và Ban Pháp chế.</li>
<li><strong>Ủy ban nhân dân phường</strong>: Chủ tịch, các Phó Chủ tịch và các công chức chuyên môn:
<ul>
<li>Văn phòng – Thống kê;</li>
<li>Tài chính – Kế toán;</li>
<li>Địa chính – Xây dựng – Đô thị và Môi trường;</li>
<li>Tư pháp – Hộ tịch;</li>
<li>Văn hóa – Xã hội.</li>
</ul>
</li>
<li><strong>Ủy ban Mặt trận Tổ quốc và các đoàn thể</strong>: Hội Liên hiệp Phụ nữ, Đoàn Thanh niên, Hội Cựu chiến binh, Hội Nông dân.</li>
</ul>
"""

CONTACT = """
<p>Người dân, doanh nghiệp có thể liên hệ trực tiếp tại trụ sở hoặc qua điện thoại, thư điện tử trong giờ làm việc.</p>
<h2>Trụ sở Ủy ban nhân dân phường</h2>
<p>Số 12 đường Hòa Thuận, phường Hòa Thuận Đông.<br>Giờ làm việc: sáng từ 7 giờ 30 đến 11 giờ 30, chiều từ 13 giờ 30 đến 17 giờ, từ thứ Hai đến thứ Sáu; sáng thứ Bảy tiếp nhận hồ sơ hành chính.</p>
<h2>Số điện thoại các bộ phận</h2>
<table>
<thead><tr><th scope="col">Bộ phận</th><th scope="col">Điện thoại</th></tr></thead>
<tbody>
<tr><td>Văn phòng Ủy ban nhân dân</td><td><a href="tel:02363000000">0236 3 000 000</a></td></tr>
<tr><td>Bộ phận tiếp nhận và trả kết quả (một cửa)</td><td><a href="tel:02363000001">0236 3 000 001</a></td></tr>
<tr><td>Công an phường</td><td><a href="tel:02363000002">0236 3 000 002</a></td></tr>
<tr><td>Trạm Y tế phường</td><td><a href="tel:02363000003">0236 3 000 003</a></td></tr>
</tbody>
</table>
<h2>Góp ý về cổng thông tin</h2>
<p>Mọi ý kiến góp ý về nội dung tin bài xin gửi về địa chỉ thư điện tử <a href="mailto:ubnd@hoathuandong.example.vn">ubnd@hoathuandong.example.vn</a>. Văn phòng sẽ phản hồi trong vòng năm ngày làm việc.</p>
"""

PRIVACY = """
<p>Trang này cho biết cổng thông tin lưu gì về người truy cập, để làm gì và trong bao lâu.</p>
<h2>Cổng không dùng cookie để theo dõi bạn</h2>
<p>Khi bạn đọc tin, cổng không đặt cookie nào lên máy của bạn và không dùng dịch vụ thống kê hay quảng cáo của bên thứ ba. Cổng cũng không tải phông chữ, mã hay hình ảnh từ trang web khác.</p>
<h2>Cổng đếm lượt truy cập như thế nào</h2>
<p>Để hiện số “Truy cập tổng” và “Truy cập hiện tại”, mỗi lượt xem trang được ghi lại dưới dạng một mã băm một chiều, tính từ địa chỉ IP và thông tin trình duyệt của bạn cùng một khóa bí mật của máy chủ gắn với ngày hôm đó. Khóa này thay mới mỗi ngày.</p>
<ul>
<li>Địa chỉ IP và thông tin trình duyệt của bạn <strong>không được lưu</strong>; chỉ có mã băm.</li>
<li>Vì khóa đổi hằng ngày, cùng một người truy cập vào hai ngày khác nhau cho ra hai mã băm khác nhau: cổng không thể nối các lượt xem của bạn qua nhiều ngày.</li>
<li>Mỗi mã băm chỉ được giữ trong thời gian ngắn (khoảng nửa giờ sau lượt xem cuối) để đếm số người đang xem, sau đó bị xóa tự động.</li>
<li>Cổng chỉ giữ lâu dài <strong>tổng số lượt truy cập của từng ngày</strong> và <strong>số người đọc mỗi trang trong từng ngày</strong> (cho mục “Tin đọc nhiều”), không gắn với bất kỳ người nào. Để một người đọc lại cùng một tin chỉ được tính một lần, mã băm của ngày hôm đó được giữ kèm địa chỉ trang đến hết ngày rồi xóa.</li>
<li>Lượt xem của máy tìm kiếm và chương trình tự động không được tính.</li>
</ul>
<h2>Cài đặt hiển thị trên máy của bạn</h2>
<p>Nếu bạn dùng nút cỡ chữ (A−, A+) hoặc chế độ tương phản cao, lựa chọn đó được ghi trong bộ nhớ của trình duyệt trên chính máy bạn để lần sau không phải chọn lại. Thông tin này không gửi về máy chủ.</p>
<h2>Nhật ký máy chủ</h2>
<p>Như mọi trang web, máy chủ có thể ghi nhật ký kỹ thuật để phát hiện sự cố và tấn công. Nhật ký chỉ cán bộ kỹ thuật được xem và được xóa định kỳ.</p>
<h2>Liên hệ</h2>
<p>Mọi câu hỏi về quyền riêng tư xin gửi về Văn phòng Ủy ban nhân dân phường theo thông tin ở trang Liên hệ.</p>
"""

PAGES = [
    (
        "gioi-thieu",
        "Giới thiệu",
        "Chức năng, nhiệm vụ và sơ đồ tổ chức của phường Hòa Thuận Đông.",
        ABOUT,
    ),
    (
        "lien-he",
        "Liên hệ",
        "Địa chỉ, giờ làm việc và số điện thoại các bộ phận.",
        CONTACT,
    ),
    (
        "quyen-rieng-tu",
        "Chính sách quyền riêng tư",
        "Cổng thông tin lưu gì về người truy cập và trong bao lâu.",
        PRIVACY,
    ),
]

PERSONAL_DATA = """
<p>Trang này cho biết phường lưu những thông tin cá nhân nào khi bạn gửi câu hỏi (mục Hỏi đáp) hoặc góp ý trên cổng thông tin, để làm gì, ai được xem và lưu trong bao lâu.</p>
<h2>Khi bạn gửi câu hỏi</h2>
<p>Biểu mẫu “Gửi câu hỏi” lưu:</p>
<ul>
<li><strong>họ và tên</strong>, <strong>số điện thoại</strong> và/hoặc <strong>thư điện tử</strong>: để cán bộ liên hệ khi cần làm rõ câu hỏi và để gửi thư báo khi có câu trả lời (nếu bạn chọn nhận thư báo);</li>
<li><strong>tổ dân phố hoặc địa chỉ</strong> (không bắt buộc): khi câu hỏi liên quan đến nơi bạn ở;</li>
<li>chủ đề, tiêu đề và nội dung câu hỏi, ngày gửi;</li>
<li>một mã băm một chiều tính từ địa chỉ IP của bạn và khóa bí mật của máy chủ, để giới hạn số câu hỏi gửi từ một nơi trong thời gian ngắn (chống gửi tràn). Địa chỉ IP của bạn không được lưu.</li>
</ul>
<h2>Ai được xem</h2>
<p>Chỉ cán bộ được giao quyền xem dữ liệu cá nhân mới thấy họ tên, số điện thoại, thư điện tử và địa chỉ của bạn. Trang tra cứu bằng mã chỉ hiện tiêu đề, chủ đề, ngày nhận, hạn trả lời, tình trạng và câu trả lời, không hiện thông tin cá nhân.</p>
<p>Khi phường công bố câu hỏi và câu trả lời lên mục Hỏi đáp, chỉ tiêu đề, nội dung câu hỏi, câu trả lời, chủ đề và ngày tháng được công bố; họ tên và thông tin liên hệ của bạn <strong>không bao giờ được công bố</strong>. Nếu nội dung câu hỏi có nêu thông tin cá nhân, cán bộ lược bỏ trước khi công bố.</p>
<h2>Lưu trong bao lâu</h2>
<p>Họ tên, số điện thoại, thư điện tử, địa chỉ và mã băm nói trên được <strong>xóa tự động 365 ngày sau khi câu hỏi được trả lời hoặc kết thúc xử lý</strong>. Câu hỏi và câu trả lời (không còn thông tin cá nhân) được giữ lại làm hồ sơ của phường.</p>
<h2>Quyền của bạn</h2>
<p>Bạn có quyền đề nghị được biết phường đang lưu thông tin gì về mình, đề nghị sửa hoặc xóa. Hãy liên hệ Văn phòng Ủy ban nhân dân phường theo thông tin ở trang Liên hệ, nêu thư điện tử hoặc số điện thoại đã dùng khi gửi câu hỏi; phường trả lời trong thời hạn luật định.</p>
"""

PERSONAL_DATA_PAGE = (
    "chinh-sach-bao-ve-du-lieu-ca-nhan",
    "Chính sách bảo vệ dữ liệu cá nhân",
    "Phường lưu gì khi bạn gửi câu hỏi hoặc góp ý, ai được xem và trong bao lâu.",
    PERSONAL_DATA,
)

# /en/: the demo ward in English (portal.models.EnglishPage).
ENGLISH = {
    "organisation": "People's Committee of Hoa Thuan Dong Ward",
    "functions": (
        "The People's Committee is the state administrative body of the ward. "
        "It carries out the Constitution, the law and the resolutions of the "
        "Ward People's Council, and manages the economy, urban order, culture, "
        "social affairs, defence and security within the ward.\n\n"
        "Its one-stop desk receives and settles administrative procedures for "
        "residents and businesses; it also runs social welfare programmes, "
        "keeps the civil register and looks after the ward's streets, "
        "pavements and environment."
    ),
    "address": "12 Hoa Thuan Street, Hoa Thuan Dong Ward",
    "phone": "0236 3 000 000",
    "email": "ubnd@hoathuandong.example.vn",
    "person_responsible": "Nguyễn Văn An",
    "person_title": "Vice Chairman of the Ward People's Committee",
}
