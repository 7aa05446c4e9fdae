/* The secretariat's screens work without JavaScript; this adds a small rich-text editor for
   section texts (paragraphs and bullet lists), fills a decision from a quick choice, and asks
   before deleting. Whatever the editor sends is flattened to plain text on the server. */
(function () {
  "use strict";

  function editor(textarea) {
    var format = document.querySelector('[data-format-for="' + textarea.id + '"]');
    var box = document.createElement("div");
    box.className = "richtext";
    box.contentEditable = "true";
    box.setAttribute("role", "textbox");
    box.setAttribute("aria-multiline", "true");
    box.setAttribute("aria-label", textarea.getAttribute("aria-label") || "Tekst");
    box.id = textarea.id + "-editor";
    box.innerHTML = textarea.getAttribute("data-html") || "";
    var bar = document.createElement("div");
    bar.className = "toolbar";
    [["insertParagraph", "Nyt afsnit"], ["insertUnorderedList", "Punktopstilling"]].forEach(function (b) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "small";
      button.textContent = b[1];
      button.addEventListener("click", function () {
        box.focus();
        document.execCommand(b[0], false, null);
      });
      bar.appendChild(button);
    });
    textarea.hidden = true;
    textarea.parentNode.insertBefore(bar, textarea);
    textarea.parentNode.insertBefore(box, textarea);
    textarea.form.addEventListener("submit", function () {
      textarea.value = box.innerHTML;
      if (format) { format.value = "html"; }
    });
  }

  function quickChoice(select) {
    var target = document.getElementById(select.getAttribute("data-fills"));
    select.addEventListener("change", function () {
      var option = select.options[select.selectedIndex];
      var text = option.getAttribute("data-text") || "";
      if (!target || !text) { return; }
      var current = target.value.trim();
      if (current.indexOf(text) !== 0) {
        target.value = current ? text + "\n\n" + current : text;
      }
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("textarea[data-richtext]").forEach(editor);
    document.querySelectorAll("select[data-fills]").forEach(quickChoice);
    document.querySelectorAll("form[data-confirm]").forEach(function (form) {
      form.addEventListener("submit", function (event) {
        if (!window.confirm(form.getAttribute("data-confirm"))) { event.preventDefault(); }
      });
    });
  });
})();
