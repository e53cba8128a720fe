// Shows the name and figure of the municipality under the pointer or keyboard focus, on every map
// of the page, also one that arrives later (the progress overview loads its map after the page).
(function () {
    function init(root) {
    root.querySelectorAll('[data-map]').forEach(function (figure) {
        if (figure.hasAttribute('data-map-ready')) {
            return;
        }
        figure.setAttribute('data-map-ready', '');
        var tip = figure.querySelector('.map-tooltip');
        var svg = figure.querySelector('svg');
        if (!tip || !svg) {
            return;
        }
        function show(area, x, y) {
            tip.textContent = area.getAttribute('data-name') + ': ' + area.getAttribute('data-value');
            tip.hidden = false;
            var box = figure.getBoundingClientRect();
            tip.style.left = Math.min(x - box.left + 12, box.width - tip.offsetWidth) + 'px';
            tip.style.top = (y - box.top + 12) + 'px';
        }
        function hide() {
            tip.hidden = true;
        }
        svg.querySelectorAll('a.area').forEach(function (area) {
            area.addEventListener('mousemove', function (e) { show(area, e.clientX, e.clientY); });
            area.addEventListener('mouseleave', hide);
            area.addEventListener('focus', function () {
                var r = area.getBoundingClientRect();
                show(area, r.left + r.width / 2, r.top + r.height / 2);
            });
            area.addEventListener('blur', hide);
        });
        document.addEventListener('keydown', function (e) {
            if (e.key === 'Escape') {
                hide();
            }
        });
    });
    }
    init(document);
    document.body.addEventListener('htmx:afterSettle', function (e) { init(e.target); });
})();
