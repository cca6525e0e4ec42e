// Shows the print buttons (hidden without JavaScript, where the browser's own print works) and wires them.
document.querySelectorAll("[data-print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
});
