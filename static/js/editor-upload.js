// The upload window of the article editor: hand the uploaded photo back to
// the editor's "insert figure" dialog that opened this window (the CKEditor 4
// file-browser protocol that django-prose-editor's Figure extension speaks).
document.addEventListener("DOMContentLoaded", function () {
  var done = document.querySelector("[data-editor-upload]");
  if (!done || !done.dataset.funcNum || !window.opener) {
    return;
  }
  var editor = window.opener.CKEDITOR;
  if (editor && editor.tools && editor.tools.callFunction) {
    editor.tools.callFunction(done.dataset.funcNum, done.dataset.url, {
      alternative_text: done.dataset.alt,
      caption: done.dataset.caption,
    });
    window.close();
  }
});
