// Vietnamese labels for the article editor (django-prose-editor ships none).
// A classic script: it runs before the editor's modules read window.gettext.
(function () {
  var vi = {
    "Add caption": "Thêm chú thích",
    "Remove caption": "Bỏ chú thích",
    "Alternative Text": "Mô tả ảnh (alt)",
    "Browse...": "Tải ảnh lên…",
    "Cancel": "Hủy",
    "Caption": "Chú thích",
    "Edit Figure": "Sửa ảnh",
    "Edit Image": "Sửa ảnh",
    "Edit Link": "Sửa liên kết",
    "Image URL": "Địa chỉ ảnh",
    "Insert Figure": "Chèn ảnh",
    "Insert Table": "Chèn bảng",
    "Insert": "Chèn",
    "Update": "Cập nhật",
    "Title": "Tiêu đề",
    "URL": "Địa chỉ (URL)",
    "Open in new window": "Mở trong cửa sổ mới",
    "Rows": "Số hàng",
    "Columns": "Số cột",
    "Include header row": "Có hàng tiêu đề",
    "Table Properties": "Thuộc tính bảng",
    "List properties": "Thuộc tính danh sách",
    "List type": "Kiểu danh sách",
    "Start at": "Bắt đầu từ",
    "Bullets": "Dấu chấm",
    "Decimal numbers": "Số thập phân",
    "Lowercase letters": "Chữ thường",
    "Uppercase letters": "Chữ hoa",
    "Lowercase Roman numerals": "Số La Mã thường",
    "Uppercase Roman numerals": "Số La Mã hoa",
    "Toggle fullscreen": "Toàn màn hình",
  };
  var titles = {
    bold: "Chữ đậm",
    italic: "Chữ nghiêng",
    underline: "Gạch chân",
    "unordered list": "Danh sách dấu chấm",
    "ordered list": "Danh sách đánh số",
    blockquote: "Trích dẫn",
    "horizontal rule": "Đường kẻ ngang",
    figure: "Chèn ảnh",
    "insert link": "Chèn liên kết",
    "remove link": "Bỏ liên kết",
    paragraph: "Đoạn văn",
    "Insert table": "Chèn bảng",
    "Merge cells": "Gộp ô",
    "Split cell": "Tách ô",
    undo: "Hoàn tác",
    redo: "Làm lại",
    "Add column": "Thêm cột",
    "Delete column": "Xóa cột",
    "Add row": "Thêm hàng",
    "Delete row": "Xóa hàng",
    "Toggle header cell": "Đổi ô tiêu đề",
    "Delete table": "Xóa bảng",
  };
  var base = window.gettext;
  window.gettext = function (text) {
    return vi[text] || (base ? base(text) : text);
  };
  function translateTitles() {
    document.querySelectorAll(".prose-menubar [title]").forEach(function (el) {
      var title = el.getAttribute("title");
      if (titles[title]) {
        el.setAttribute("title", titles[title]);
        el.setAttribute("aria-label", titles[title]);
      }
    });
    // The block-type picker's options carry their names as text.
    document.querySelectorAll(".prose-menubar__option").forEach(function (el) {
      var text = el.textContent.trim();
      var heading = /^Heading (\d)$/.exec(text);
      var name = heading ? "Tiêu đề " + heading[1] : titles[text.toLowerCase()];
      if (name && el.children.length === 1) {
        el.firstElementChild.textContent = name;
      } else if (name && !el.children.length) {
        el.textContent = name;
      }
    });
  }
  // The menu bar is built just after the editor reports ready.
  document.addEventListener("prose-editor:ready", function () {
    window.setTimeout(translateTitles, 0);
  });
})();
