// Draws every .chart[data-chart] with ECharts (loaded before this script). The data-chart JSON is
// nl.doorstroom.documents.Chart: {"type": "line"|"bar", "categories": [...], "series": [{"name", "data",
// "stack"?}], "yAxisName"?, "percent"? (values are fractions), "markLine"? {"name", "value"}, "horizontal"? (bars
// sideways), "numericX"? with "xAxisName"? (the categories are numbers: points at their value on the x axis)}.
// The element keeps the role="img" and aria-label the template gave it; the page shows the same
// figures in a table.
(function () {
    'use strict';

    // Okabe & Ito's colour-blind-safe hues, each at least 3:1 against white (WCAG 1.4.11); orange is
    // darkened to reach it. Lines also differ by dash and marker, bars by pattern (WCAG 1.4.1).
    var PALETTE = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#000000', '#A86F00'];
    var LINE_TYPES = ['solid', 'dashed', 'dotted'];
    var SYMBOLS = ['circle', 'rect', 'triangle', 'diamond', 'pin', 'arrow'];
    var INK = '#1a1a1a';
    var MUTED = '#4a4a4a';
    var GRID = '#d9d9d9';
    var FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif';

    var charts = [];

    function formatter(spec) {
        var lang = document.documentElement.lang || 'nl';
        var numbers = spec.percent
            ? new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 1 })
            : new Intl.NumberFormat(lang, { maximumFractionDigits: 2 });
        return function (value) {
            return value === null || value === undefined || isNaN(value) ? '–' : numbers.format(value);
        };
    }

    function series(spec) {
        return spec.series.map(function (s, i) {
            var data = s.data;
            if (spec.numericX) {
                data = s.data.map(function (y, j) { return [Number(spec.categories[j]), y]; });
            }
            var drawn = { name: s.name, type: spec.type, data: data };
            if (s.stack) {
                drawn.stack = s.stack;
            }
            if (spec.type === 'line') {
                drawn.symbol = SYMBOLS[i % SYMBOLS.length];
                drawn.symbolSize = 8;
                drawn.lineStyle = { width: 2.5, type: LINE_TYPES[i % LINE_TYPES.length] };
                drawn.connectNulls = false;
                if (s.stack) {
                    // Stacked lines are parts of a whole (such as occupancy by group): filled, so the parts read as bands.
                    drawn.areaStyle = { opacity: 0.3 };
                }
            }
            return drawn;
        });
    }

    function markLine(spec, format) {
        return {
            silent: true,
            symbol: 'none',
            lineStyle: { color: INK, type: 'dashed', width: 2 },
            label: { color: INK, position: 'insideEndTop', formatter: spec.markLine.name + ': ' + format(spec.markLine.value) },
            data: [{ yAxis: spec.markLine.value }]
        };
    }

    function option(spec) {
        var format = formatter(spec);
        var drawn = series(spec);
        if (spec.markLine && drawn.length > 0) {
            drawn[0].markLine = markLine(spec, format);
        }
        var reducedMotion = window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
        var yAxis = {
            type: 'value',
            name: spec.yAxisName || '',
            nameTextStyle: { color: INK, align: 'left' },
            axisLabel: { color: INK, formatter: format },
            splitLine: { lineStyle: { color: GRID } }
        };
        if (spec.markLine) {
            // A mark line above every value would otherwise fall off the chart.
            yAxis.max = function (extent) { return Math.max(extent.max, spec.markLine.value); };
        }
        var xAxis = { type: 'category', data: spec.categories, axisLabel: { color: INK },
                      axisLine: { lineStyle: { color: MUTED } }, axisTick: { lineStyle: { color: MUTED } } };
        if (spec.numericX) {
            xAxis = { type: 'value', name: spec.xAxisName || '', nameLocation: 'middle', nameGap: 28,
                      nameTextStyle: { color: INK }, axisLabel: { color: INK, formatter: formatter({}) },
                      axisLine: { lineStyle: { color: MUTED } }, splitLine: { lineStyle: { color: GRID } } };
        }
        if (spec.horizontal) {
            // Sideways bars: the categories down the side, the values along the bottom.
            var swapped = xAxis;
            xAxis = yAxis;
            yAxis = swapped;
            yAxis.inverse = true;
        }
        return {
            color: PALETTE,
            animation: !reducedMotion,
            textStyle: { fontFamily: FONT, color: INK },
            // Patterns on bars, but no generated aria-label: the template's label stays.
            aria: { enabled: true, label: { enabled: false }, decal: { show: spec.type === 'bar' } },
            // Drawn on the canvas: an HTML tooltip would need style attributes, which the CSP forbids.
            tooltip: { trigger: 'axis', renderMode: 'richText', valueFormatter: format,
                       textStyle: { color: INK }, borderColor: MUTED },
            legend: { top: 0, textStyle: { color: INK }, itemWidth: 30 },
            grid: { top: spec.yAxisName ? 56 : 40, left: 8, right: 24, bottom: spec.numericX ? 36 : 8, containLabel: true },
            xAxis: xAxis,
            yAxis: yAxis,
            series: drawn
        };
    }

    function draw(element) {
        var spec;
        try {
            spec = JSON.parse(element.getAttribute('data-chart'));
        } catch (e) {
            console.error('Chart ' + element.id + ': data-chart is not JSON', e);
            return;
        }
        var chart = echarts.init(element, null, { renderer: 'canvas' });
        chart.setOption(option(spec));
        charts.push(chart);
    }

    function drawAll() {
        if (typeof echarts === 'undefined') {
            console.error('ECharts is not loaded: add /webjars/echarts/dist/echarts.min.js before /js/charts.js');
            return;
        }
        document.querySelectorAll('.chart[data-chart]').forEach(draw);
        window.addEventListener('resize', function () {
            charts.forEach(function (chart) { chart.resize(); });
        });
    }

    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', drawAll);
    } else {
        drawAll();
    }
})();
