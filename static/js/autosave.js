// Autosave of the article form: the unsaved title, sapo and body are kept in
// this browser's localStorage as the writer types, and offered back after a
// reload, a crash or a lost session. Nothing is sent or published by this.
(function () {
  "use strict";
  var KEY = "autosave:" + location.pathname;
  var editor = null;
  var timer = null;

  function field(id) {
    return document.getElementById(id);
  }

  function current() {
    var body = field("id_body");
    return {
      title: field("id_title") ? field("id_title").value : "",
      summary: field("id_summary") ? field("id_summary").value : "",
      body: editor ? editor.getHTML() : body ? body.value : "",
    };
  }

  function stored() {
    try {
      return JSON.parse(localStorage.getItem(KEY) || "null");
    } catch (e) {
      return null;
    }
  }

  function save() {
    var data = current();
    data.savedAt = new Date().toISOString();
    try {
      localStorage.setItem(KEY, JSON.stringify(data));
    } catch (e) {
      // A full or disabled storage: the form still works without autosave.
    }
  }

  function later() {
    clearTimeout(timer);
    timer = setTimeout(save, 400);
  }

  function differs(saved) {
    var now = current();
    return ["title", "summary", "body"].some(function (k) {
      return (saved[k] || "") !== (now[k] || "");
    });
  }

  function restore(saved) {
    field("id_title").value = saved.title || "";
    field("id_summary").value = saved.summary || "";
    if (editor) {
      editor.commands.setContent(saved.body || "");
    } else if (field("id_body")) {
      field("id_body").value = saved.body || "";
    }
  }

  function offer() {
    var saved = stored();
    var form = field("article_form");
    if (!saved || !form || !differs(saved)) {
      return;
    }
    var when = new Date(saved.savedAt);
    var box = document.createElement("div");
    box.className = "autosave-offer";
    box.setAttribute("role", "status");
    var text = document.createElement("p");
    text.textContent =
      "Trình duyệt còn giữ một bản chưa lưu của bài này (lúc " +
      when.toLocaleString("vi-VN") +
      "). Khôi phục tiêu đề, sapo và nội dung từ bản đó?";
    var yes = document.createElement("button");
    yes.type = "button";
    yes.className = "button";
    yes.textContent = "Khôi phục bản chưa lưu";
    var no = document.createElement("button");
    no.type = "button";
    no.className = "button";
    no.textContent = "Bỏ bản chưa lưu";
    yes.addEventListener("click", function () {
      restore(saved);
      box.remove();
    });
    no.addEventListener("click", function () {
      localStorage.removeItem(KEY);
      box.remove();
    });
    box.append(text, yes, no);
    form.prepend(box);
  }

  function watch() {
    ["id_title", "id_summary"].forEach(function (id) {
      if (field(id)) {
        field(id).addEventListener("input", later);
      }
    });
    var form = field("article_form");
    if (form) {
      form.addEventListener("submit", function () {
        localStorage.removeItem(KEY);
      });
    }
  }

  var started = false;
  function start() {
    if (started) {
      return;
    }
    started = true;
    offer();
    watch();
  }

  document.addEventListener("prose-editor:ready", function (event) {
    editor = event.detail.editor;
    editor.on("update", later);
    start();
  });
  document.addEventListener("DOMContentLoaded", function () {
    // No editor on the page (or it failed): work with the plain fields.
    if (!document.querySelector("[data-django-prose-editor-configurable]")) {
      start();
    }
  });
})();
