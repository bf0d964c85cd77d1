"""Demo news for a fictional ward, Phường Hòa Thuận Đông.

Every sentence here was written for this project. The photos are drawn by
Pillow at load time, so loading needs no network.
"""

import datetime
import io
import random

from django.core.files.base import ContentFile
from django.utils import timezone
from PIL import Image, ImageDraw

from news.models import Article, Category

CATEGORIES = [
    ("Tin hoạt động", "Hoạt động của Đảng ủy, HĐND, UBND và các đoàn thể phường."),
    ("Xây dựng Đảng", "Công tác tổ chức, phát triển đảng viên, học tập nghị quyết."),
    ("Kinh tế – Đô thị", "Chỉnh trang đô thị, giao thông, hộ kinh doanh, chợ."),
    ("Văn hóa – Xã hội", "Văn hóa, giáo dục, y tế, an sinh xã hội."),
    ("Quốc phòng – An ninh", "Trật tự an toàn, phòng cháy, tuyển quân."),
    ("Thông báo", "Lịch tiếp công dân, thông báo của UBND phường."),
    ("Cải cách hành chính", "Thủ tục hành chính, dịch vụ công trực tuyến."),
]

# (category index, title, summary, paragraphs, source)
ARTICLES = [
    (
        0,
        "Đảng ủy phường Hòa Thuận Đông sơ kết công tác quý III",
        "Hội nghị đánh giá kết quả chín tháng và đề ra nhiệm vụ trọng tâm của quý cuối năm.",
        [
            "Sáng nay, Đảng ủy phường tổ chức hội nghị sơ kết công tác quý III với sự tham dự của bí thư các chi bộ khu dân cư.",
            "Báo cáo cho biết phường đã hoàn thành phần lớn chỉ tiêu về thu ngân sách, chỉnh trang vỉa hè và vận động quỹ vì người nghèo.",
            "Hội nghị thống nhất tập trung vào cải cách hành chính, giữ gìn vệ sinh môi trường và chuẩn bị các hoạt động mừng xuân.",
        ],
        None,
    ),
    (
        0,
        "HĐND phường tiếp xúc cử tri trước kỳ họp cuối năm",
        "Cử tri các tổ dân phố nêu nhiều ý kiến về chiếu sáng, thoát nước và an ninh trật tự.",
        [
            "Tổ đại biểu HĐND phường đã gặp gỡ cử tri tại nhà văn hóa khu phố 3.",
            "Các ý kiến tập trung vào việc lắp thêm đèn chiếu sáng ở kiệt nhỏ và nạo vét cống trước mùa mưa.",
            "Lãnh đạo UBND phường tiếp thu, giải trình và hẹn trả lời bằng văn bản trong tháng tới.",
        ],
        None,
    ),
    (
        0,
        "Ra quân tổng vệ sinh môi trường “Ngày Chủ nhật xanh”",
        "Hơn ba trăm đoàn viên, hội viên và người dân cùng dọn dẹp các tuyến đường chính.",
        [
            "Từ sáng sớm, các lực lượng đã có mặt tại điểm tập kết trước trụ sở UBND phường.",
            "Sau buổi ra quân, gần hai tấn rác thải được thu gom, nhiều điểm tập kết rác tự phát đã được xóa bỏ.",
            "Phường sẽ duy trì hoạt động này vào Chủ nhật cuối mỗi tháng.",
        ],
        None,
    ),
    (
        0,
        "Hội Liên hiệp Phụ nữ phường ra mắt mô hình “Tổ phụ nữ tiết kiệm”",
        "Mô hình giúp hội viên có hoàn cảnh khó khăn tiếp cận nguồn vốn nhỏ để làm ăn.",
        [
            "Mỗi tổ gồm từ mười đến mười lăm hội viên, góp tiết kiệm hằng tháng và cho nhau vay không lãi.",
            "Chủ tịch Hội cho biết đã có ba tổ đầu tiên đi vào hoạt động ở khu phố 1, 4 và 6.",
        ],
        None,
    ),
    (
        0,
        "Đoàn phường tổ chức ngày hội “Thanh niên với văn hóa giao thông”",
        "Các em học sinh được hướng dẫn đội mũ bảo hiểm đúng cách và tham gia trò chơi an toàn giao thông.",
        [
            "Ngày hội diễn ra tại sân trường tiểu học trên địa bàn, thu hút đông đảo học sinh và phụ huynh.",
            "Ban tổ chức trao tặng một trăm mũ bảo hiểm đạt chuẩn cho học sinh có hoàn cảnh khó khăn.",
        ],
        None,
    ),
    (
        1,
        "Kết nạp đảng viên mới tại Chi bộ khu phố 5",
        "Hai quần chúng ưu tú được đứng vào hàng ngũ của Đảng trong dịp kỷ niệm ngày thành lập chi bộ.",
        [
            "Buổi lễ được tổ chức trang trọng với sự chứng kiến của đại diện Đảng ủy phường.",
            "Các đảng viên mới hứa sẽ gương mẫu trong công tác khu dân cư và tiếp tục học tập nâng cao trình độ.",
        ],
        None,
    ),
    (
        1,
        "Học tập, quán triệt nghị quyết cho cán bộ chủ chốt",
        "Hội nghị trực tuyến kết nối đến điểm cầu của các chi bộ trực thuộc.",
        [
            "Cán bộ chủ chốt của phường được nghe giới thiệu những nội dung cơ bản của nghị quyết.",
            "Mỗi chi bộ sẽ xây dựng kế hoạch hành động cụ thể, phù hợp với đặc điểm khu dân cư.",
        ],
        None,
    ),
    (
        1,
        "Phát triển đảng viên mới ở phường: chú trọng chất lượng",
        "Năm nay phường phấn đấu kết nạp mười hai đảng viên mới, ưu tiên đoàn viên thanh niên tiêu biểu.",
        [
            "Công tác tạo nguồn được giao cho Đoàn phường và các chi bộ khu dân cư phối hợp thực hiện.",
            "Đảng ủy lưu ý thẩm tra lý lịch chặt chẽ, bồi dưỡng nhận thức về Đảng trước khi đề nghị kết nạp.",
        ],
        None,
    ),
    (
        1,
        "Chi bộ khu phố 2 sinh hoạt chuyên đề về nêu gương",
        "Đảng viên thảo luận cởi mở về trách nhiệm nêu gương trong việc giữ gìn trật tự, vệ sinh nơi ở.",
        [
            "Buổi sinh hoạt được chuẩn bị chu đáo, có tài liệu gửi trước cho từng đảng viên.",
            "Chi bộ thống nhất mỗi đảng viên nhận giúp đỡ một hộ gia đình trong tổ dân phố.",
        ],
        None,
    ),
    (
        1,
        "Đảng ủy phường trao Huy hiệu Đảng đợt 3/2",
        "Nhiều đảng viên lão thành được trao Huy hiệu 40, 45 và 50 năm tuổi Đảng.",
        [
            "Bí thư Đảng ủy phường chúc mừng và ghi nhận những đóng góp của các đảng viên cho địa phương.",
            "Các đảng viên bày tỏ niềm tự hào và hứa tiếp tục giữ gìn phẩm chất người đảng viên.",
        ],
        "Ban Tổ chức Quận ủy",
    ),
    (
        2,
        "Chỉnh trang vỉa hè tuyến đường Nguyễn Văn Thoại",
        "Công trình giúp mở rộng lối đi cho người đi bộ và trồng thêm cây xanh.",
        [
            "Dự án được triển khai theo từng đoạn để hạn chế ảnh hưởng đến việc buôn bán của người dân.",
            "UBND phường đề nghị các hộ kinh doanh không lấn chiếm phần vỉa hè đã chỉnh trang.",
        ],
        None,
    ),
    (
        2,
        "Chợ Hòa Thuận Đông thí điểm thanh toán không dùng tiền mặt",
        "Tiểu thương được hướng dẫn dùng mã QR để nhận tiền, người mua thấy tiện lợi hơn.",
        [
            "Sau hai tuần, hơn một nửa số quầy hàng đã treo mã QR thanh toán.",
            "Ban quản lý chợ phối hợp với ngân hàng tổ chức tập huấn vào buổi chiều cho tiểu thương.",
        ],
        None,
    ),
    (
        2,
        "Lắp đặt đèn chiếu sáng cho các kiệt, hẻm khu phố 4",
        "Bốn mươi bộ đèn năng lượng mặt trời được lắp từ nguồn xã hội hóa.",
        [
            "Người dân trong khu phố góp công, doanh nghiệp trên địa bàn hỗ trợ kinh phí mua đèn.",
            "Đường kiệt sáng hơn giúp bà con đi lại an toàn và góp phần giữ gìn an ninh trật tự.",
        ],
        None,
    ),
    (
        2,
        "Hướng dẫn hộ kinh doanh đăng ký thuế điện tử",
        "Cán bộ phường và Chi cục Thuế hỗ trợ trực tiếp tại bộ phận một cửa.",
        [
            "Các hộ kinh doanh mang theo căn cước và giấy phép kinh doanh để được hướng dẫn.",
            "Thời gian hỗ trợ từ thứ Hai đến thứ Sáu, buổi sáng từ 7 giờ 30 đến 11 giờ.",
        ],
        "Chi cục Thuế khu vực",
    ),
    (
        2,
        "Nạo vét hệ thống thoát nước trước mùa mưa",
        "Hơn hai cây số cống thoát nước trên địa bàn được khơi thông.",
        [
            "Đơn vị thi công làm việc vào ban đêm để không gây ùn tắc giao thông.",
            "Người dân được khuyến cáo không đổ rác xuống miệng cống, tránh gây ngập úng cục bộ.",
        ],
        None,
    ),
    (
        3,
        "Khai giảng lớp học tiếng Anh miễn phí cho thiếu nhi",
        "Lớp học do các tình nguyện viên sinh viên đứng lớp vào tối thứ Bảy hằng tuần.",
        [
            "Ba mươi em nhỏ trong phường đã đăng ký tham gia khóa học đầu tiên.",
            "Nhà văn hóa phường bố trí phòng học, bàn ghế và máy chiếu phục vụ lớp học.",
        ],
        None,
    ),
    (
        3,
        "Trao quà cho hộ nghèo, hộ cận nghèo dịp cuối năm",
        "Một trăm hai mươi suất quà được trao từ quỹ “Vì người nghèo” của phường.",
        [
            "Mỗi suất quà gồm gạo, dầu ăn, sữa và tiền mặt.",
            "Ủy ban Mặt trận Tổ quốc phường cảm ơn các nhà hảo tâm đã chung tay với địa phương.",
        ],
        None,
    ),
    (
        3,
        "Tiêm chủng mở rộng cho trẻ dưới năm tuổi",
        "Trạm Y tế phường tổ chức tiêm chủng định kỳ vào ngày 25 hằng tháng.",
        [
            "Phụ huynh cần mang theo sổ tiêm chủng và theo dõi trẻ ba mươi phút sau khi tiêm.",
            "Trạm Y tế cũng tư vấn dinh dưỡng cho các bà mẹ có con nhỏ.",
        ],
        None,
    ),
    (
        3,
        "Hội thi “Gia đình văn hóa tiêu biểu” lần thứ nhất",
        "Mười hai gia đình tham gia với các phần thi ứng xử, văn nghệ và ẩm thực truyền thống.",
        [
            "Hội thi nhằm tôn vinh những gia đình sống hòa thuận, giữ gìn nếp nhà.",
            "Giải nhất thuộc về gia đình ông Lê Văn Hòa ở khu phố 3 với tiết mục hát bài chòi.",
        ],
        None,
    ),
    (
        3,
        "Câu lạc bộ dưỡng sinh người cao tuổi kỷ niệm năm năm thành lập",
        "Câu lạc bộ có hơn sáu mươi hội viên, sinh hoạt mỗi sáng tại công viên phường.",
        [
            "Các hội viên biểu diễn bài dưỡng sinh và giao lưu văn nghệ trong buổi kỷ niệm.",
            "Hội Người cao tuổi phường tặng giấy khen cho năm hội viên tích cực.",
        ],
        None,
    ),
    (
        3,
        "Thủy Xuân – Hòa Thuận Đông giao lưu văn nghệ mừng Ngày Nhà giáo",
        "Hai phường kết nghĩa tổ chức đêm văn nghệ tri ân thầy cô giáo đã nghỉ hưu.",
        [
            "Đêm văn nghệ có sự tham gia của các câu lạc bộ hát dân ca và học sinh hai phường.",
            "Ban tổ chức trao hoa và quà tặng ba mươi thầy cô giáo lớn tuổi.",
        ],
        None,
    ),
    (
        4,
        "Diễn tập phương án chữa cháy và cứu nạn cứu hộ tại khu dân cư",
        "Buổi diễn tập giả định cháy nhà dân trong kiệt nhỏ, xe chữa cháy khó tiếp cận.",
        [
            "Lực lượng phòng cháy chữa cháy cơ sở đã nhanh chóng dùng bình chữa cháy xách tay khống chế đám cháy.",
            "Người dân được hướng dẫn cách thoát nạn an toàn khi có khói và cách gọi số 114.",
        ],
        None,
    ),
    (
        4,
        "Ra mắt mô hình “Camera an ninh khu phố”",
        "Hai mươi camera được lắp tại các ngã ba, ngã tư và kết nối về Công an phường.",
        [
            "Kinh phí lắp đặt do người dân và các hộ kinh doanh đóng góp.",
            "Mô hình góp phần phòng ngừa trộm cắp và hỗ trợ xử lý vi phạm giao thông.",
        ],
        None,
    ),
    (
        4,
        "Tiễn thanh niên lên đường nhập ngũ",
        "Mười lăm thanh niên của phường lên đường thực hiện nghĩa vụ quân sự.",
        [
            "Lãnh đạo phường động viên các tân binh rèn luyện tốt, hoàn thành nhiệm vụ.",
            "Mỗi tân binh được tặng quà và giấy khen của UBND phường.",
        ],
        None,
    ),
    (
        4,
        "Công an phường cảnh báo thủ đoạn lừa đảo qua điện thoại",
        "Đối tượng giả danh cơ quan chức năng yêu cầu chuyển tiền hoặc cài ứng dụng lạ.",
        [
            "Người dân tuyệt đối không cung cấp mã OTP và không chuyển tiền theo yêu cầu qua điện thoại.",
            "Khi nghi ngờ, hãy liên hệ ngay Công an phường để được hướng dẫn.",
        ],
        None,
    ),
    (
        5,
        "Thông báo lịch tiếp công dân của Chủ tịch UBND phường",
        "Chủ tịch UBND phường tiếp công dân định kỳ vào sáng thứ Năm tuần thứ hai mỗi tháng.",
        [
            "Địa điểm: phòng tiếp công dân, trụ sở UBND phường.",
            "Công dân mang theo giấy tờ tùy thân và tài liệu liên quan đến nội dung cần trình bày.",
        ],
        None,
    ),
    (
        5,
        "Thông báo tạm ngừng cấp nước để sửa chữa đường ống",
        "Một số tổ dân phố sẽ bị gián đoạn cấp nước từ 8 giờ đến 16 giờ.",
        [
            "Đơn vị cấp nước đề nghị người dân chủ động dự trữ nước trong thời gian sửa chữa.",
            "Mọi thắc mắc xin liên hệ bộ phận chăm sóc khách hàng của đơn vị cấp nước.",
        ],
        "Công ty Cấp nước thành phố",
    ),
    (
        5,
        "Thông báo thu gom rác thải cồng kềnh",
        "Phường tổ chức thu gom miễn phí đồ gia dụng hư hỏng vào sáng Chủ nhật.",
        [
            "Người dân tập kết tủ, giường, nệm cũ tại các điểm quy định trước 7 giờ sáng.",
            "Không tập kết rác xây dựng và chất thải nguy hại tại các điểm này.",
        ],
        None,
    ),
    (
        5,
        "Thông báo tuyển dụng nhân viên hợp đồng bộ phận một cửa",
        "UBND phường cần tuyển một nhân viên hỗ trợ tiếp nhận hồ sơ hành chính.",
        [
            "Ứng viên có trình độ trung cấp trở lên, sử dụng thành thạo máy vi tính.",
            "Hồ sơ nộp tại bộ phận văn phòng UBND phường trong giờ hành chính.",
        ],
        None,
    ),
    (
        6,
        "Hướng dẫn nộp hồ sơ dịch vụ công trực tuyến",
        "Người dân có thể làm nhiều thủ tục ngay tại nhà, không phải đến trụ sở.",
        [
            "Chỉ cần tài khoản định danh điện tử mức 2 để đăng nhập Cổng dịch vụ công.",
            "Tổ công nghệ số cộng đồng của phường hỗ trợ miễn phí tại nhà văn hóa các khu phố.",
        ],
        None,
    ),
    (
        6,
        "Bộ phận một cửa phường đạt mức hài lòng cao",
        "Kết quả khảo sát quý này cho thấy phần lớn người dân hài lòng về thái độ phục vụ.",
        [
            "Phường đã bố trí thêm ghế chờ, nước uống và máy lấy số tự động.",
            "Thời gian giải quyết chứng thực bản sao rút ngắn còn khoảng mười lăm phút.",
        ],
        None,
    ),
    (
        6,
        "Chứng thực điện tử: nhanh hơn, ít giấy tờ hơn",
        "Từ tháng này, phường nhận yêu cầu chứng thực bản sao điện tử từ bản chính.",
        [
            "Bản sao điện tử có giá trị sử dụng thay cho bản sao giấy trong các thủ tục hành chính.",
            "Người dân được hướng dẫn lưu trữ bản sao trong kho dữ liệu cá nhân trên Cổng dịch vụ công.",
        ],
        None,
    ),
    (
        6,
        "Đăng ký khai sinh, thường trú, bảo hiểm y tế cho trẻ dưới sáu tuổi cùng lúc",
        "Thủ tục liên thông giúp cha mẹ chỉ nộp một bộ hồ sơ.",
        [
            "Hồ sơ có thể nộp trực tuyến hoặc tại bộ phận một cửa của phường.",
            "Kết quả được trả qua thư điện tử hoặc dịch vụ bưu chính theo yêu cầu.",
        ],
        None,
    ),
    (
        0,
        "Ủy ban MTTQ phường phát động tháng cao điểm vì người nghèo",
        "Các khu dân cư, doanh nghiệp và nhà hảo tâm được kêu gọi chung tay ủng hộ.",
        [
            "Số tiền vận động được dùng để sửa nhà, hỗ trợ sinh kế và tặng quà Tết cho hộ khó khăn.",
            "Danh sách đóng góp được công khai tại nhà văn hóa các khu phố.",
        ],
        None,
    ),
    (
        3,
        "Thư viện phường mở cửa buổi tối cho học sinh",
        "Thư viện kéo dài giờ mở cửa đến 21 giờ từ thứ Hai đến thứ Sáu.",
        [
            "Học sinh được đọc sách, mượn sách và dùng mạng không dây miễn phí.",
            "Thư viện cũng nhận sách tặng của người dân để bổ sung tủ sách thiếu nhi.",
        ],
        None,
    ),
    (
        2,
        "Đường Lê Thanh Nghị được đặt tên mới cho đoạn nối dài",
        "Đoạn đường nối dài đã hoàn thành thi công và chính thức được đặt tên.",
        [
            "Biển tên đường và số nhà mới sẽ được gắn trong tháng tới.",
            "Người dân cập nhật địa chỉ mới tại bộ phận một cửa, không mất phí.",
        ],
        None,
    ),
    (
        4,
        "Tuần tra đảm bảo an ninh trật tự dịp cuối năm",
        "Công an phường phối hợp dân quân tăng cường tuần tra vào ban đêm.",
        [
            "Các tổ bảo vệ dân phố được phân công trực tại các điểm nóng.",
            "Người dân phát hiện dấu hiệu bất thường có thể báo qua số điện thoại trực ban.",
        ],
        None,
    ),
]

PALETTES = [
    ((196, 30, 58), (242, 193, 78)),
    ((30, 110, 160), (160, 210, 230)),
    ((40, 130, 70), (200, 230, 150)),
    ((120, 60, 140), (240, 200, 220)),
    ((200, 110, 30), (250, 220, 170)),
    ((60, 60, 90), (190, 190, 220)),
]


def paragraph_html(paragraphs):
    return "".join(f"<p>{p}</p>" for p in paragraphs)


def photo(seed, size=(1200, 750)):
    """A simple drawn street scene, different for every seed, as JPEG bytes."""
    rnd = random.Random(seed)
    top, bottom = PALETTES[seed % len(PALETTES)]
    width, height = size
    img = Image.new("RGB", size, top)
    draw = ImageDraw.Draw(img)
    for y in range(height):
        t = y / height
        color = tuple(int(top[i] * (1 - t) + bottom[i] * t) for i in range(3))
        draw.line([(0, y), (width, y)], fill=color)
    sun_x = rnd.randint(100, width - 100)
    draw.ellipse([sun_x - 60, 80, sun_x + 60, 200], fill=(255, 236, 170))
    x = 0
    while x < width:
        w = rnd.randint(90, 180)
        h = rnd.randint(180, 420)
        shade = rnd.randint(40, 90)
        draw.rectangle([x, height - h, x + w, height], fill=(shade, shade, shade + 20))
        for wy in range(height - h + 20, height - 40, 40):
            for wx in range(x + 15, x + w - 20, 30):
                if rnd.random() > 0.35:
                    draw.rectangle([wx, wy, wx + 14, wy + 20], fill=(250, 220, 120))
        x += w + rnd.randint(5, 30)
    for tx in range(40, width, 160):
        draw.rectangle([tx + 18, height - 90, tx + 26, height], fill=(90, 60, 30))
        draw.ellipse([tx - 10, height - 160, tx + 54, height - 80], fill=(50, 130, 60))
    out = io.BytesIO()
    img.save(out, "JPEG", quality=82)
    return out.getvalue()


def load_news(now=None):
    """Create the demo categories and articles; return how many articles."""
    now = now or timezone.now()
    categories = []
    for order, (name, description) in enumerate(CATEGORIES):
        category, _ = Category.objects.get_or_create(
            name=name, defaults={"description": description, "order": order}
        )
        categories.append(category)
    rnd = random.Random(2023)
    for n, (cat, title, summary, paragraphs, source) in enumerate(ARTICLES):
        # Spread over about four months, newest first; some late in the evening.
        days_ago = n * 3 + rnd.randint(0, 2)
        hour = 23 if n % 7 == 3 else rnd.randint(7, 17)
        local = timezone.localtime(now) - datetime.timedelta(days=days_ago)
        published_at = local.replace(hour=hour, minute=30, second=0, microsecond=0)
        if published_at > now:
            published_at -= datetime.timedelta(days=1)
        article = Article(
            title=title,
            summary=summary,
            body=paragraph_html(paragraphs),
            category=categories[cat],
            status=Article.Status.PUBLISHED,
            published_at=published_at,
            source_name=source or "",
            author="Ban biên tập",
            is_featured=n in (0, 10, 20),
        )
        if n % 4 != 3:
            article.image.save(f"demo-{n:02d}.jpg", ContentFile(photo(n)), save=False)
            article.image_alt = f"Ảnh minh họa: {title}"
            article.image_caption = "Ảnh: Ban biên tập"
        article.save()
        # A demo article was last edited when it went out, not when loaded.
        Article.objects.filter(pk=article.pk).update(updated_at=published_at)
    return len(ARTICLES)
