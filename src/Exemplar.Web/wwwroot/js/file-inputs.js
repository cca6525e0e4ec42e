// File inputs in Chinese. The browser draws its own button and "no file chosen" line in the browser's language, which
// may be English; a Chinese button and a line naming the chosen files stand in for them. The input itself stays in the
// form, labelled and focusable (the button outlines when it has focus), so keyboards, screen readers and tests use it.
(function () {
    document.querySelectorAll('input[type="file"]').forEach(function (input) {
        var picker = document.createElement("span");
        picker.className = "file-picker";
        var button = document.createElement("button");
        button.type = "button";
        button.className = "file-picker-button";
        button.textContent = input.multiple ? "选择文件（可多选）" : "选择文件";
        button.tabIndex = -1;
        button.setAttribute("aria-hidden", "true");
        var names = document.createElement("span");
        names.className = "file-picker-names";
        function show() {
            var files = input.files;
            if (!files || files.length === 0) names.textContent = "未选择文件";
            else if (files.length === 1) names.textContent = files[0].name;
            else names.textContent = "已选择 " + files.length + " 个文件：" + Array.prototype.map.call(files, function (f) { return f.name; }).join("、");
        }
        input.parentNode.insertBefore(picker, input);
        picker.appendChild(input);
        picker.appendChild(button);
        picker.appendChild(names);
        input.classList.add("file-picker-input");
        button.addEventListener("click", function () { input.click(); });
        input.addEventListener("change", show);
        show();
    });
})();
