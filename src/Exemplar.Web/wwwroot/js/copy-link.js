// Copy buttons for survey links: shown only when the clipboard is available (the inputs stay selectable without it).
(function () {
    if (!navigator.clipboard) return;
    document.querySelectorAll("button.copy-link").forEach(function (button) {
        var input = document.getElementById(button.getAttribute("data-copy-target"));
        if (!input) return;
        button.hidden = false;
        button.addEventListener("click", function () {
            navigator.clipboard.writeText(input.value).then(function () {
                button.textContent = "已复制";
            }, function () {
                input.select();
                button.textContent = "请按 Ctrl+C 复制";
            });
        });
    });
})();
