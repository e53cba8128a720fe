package nl.doorstroom.progress.web;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import nl.doorstroom.identity.AuditTrail;
import nl.doorstroom.municipalities.MunicipalityRegistry;
import nl.doorstroom.municipalities.NationalMap;
import nl.doorstroom.municipalities.Regions;
import nl.doorstroom.progress.AssessmentPolicy;
import nl.doorstroom.progress.Colour;
import nl.doorstroom.progress.PeriodTotals;
import nl.doorstroom.progress.ProgressMonitor;
import nl.doorstroom.progress.ProgressPicture;
import nl.doorstroom.progress.Realisation;
import nl.doorstroom.quota.QuotaTransfers;
import nl.doorstroom.shared.InvalidInput;
import nl.doorstroom.shared.MunicipalityCode;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Progress pages: the nation, provinces, regions and municipalities on a chosen date, with charts,
 * the map coloured by realisation, sortable and filterable tables, and every table as CSV or XLSX.
 */
@Controller
class ProgressPages {

    /** Realisation classes on the map: below 30% (the coordination centre's first round), 30-60, 60-80, 80-100, 100+. */
    static final double[] MAP_BREAKS = {0, 30, 60, 80, 100, Double.MAX_VALUE};

    private final ProgressMonitor monitor;
    private final Realisation realisation;
    private final AssessmentPolicy policy;
    private final MunicipalityRegistry registry;
    private final Regions regions;
    private final QuotaTransfers transfers;
    private final NationalMap nationalMap;
    private final ProgressParts parts;
    private final MessageSource messages;
    private final JsonMapper json;
    private final ProgressSelections selections;

    ProgressPages(ProgressMonitor monitor, Realisation realisation, AssessmentPolicy policy,
            MunicipalityRegistry registry, Regions regions, QuotaTransfers transfers, NationalMap nationalMap,
            ProgressParts parts, MessageSource messages, JsonMapper json, ProgressSelections selections) {
        this.monitor = monitor;
        this.realisation = realisation;
        this.policy = policy;
        this.registry = registry;
        this.regions = regions;
        this.transfers = transfers;
        this.nationalMap = nationalMap;
        this.parts = parts;
        this.messages = messages;
        this.json = json;
        this.selections = selections;
    }

    // ---- National overview

    /** What the overview shows for one progress picture and language: computed once, then kept. */
    record Overview(List<PeriodTotals> totals, String trendChart, String monthlyChart,
            ProgressParts.OverviewParts parts, NationalMap.MapView map, ProgressParts.MapParts mapParts) {
    }

    /** By the identity of the picture: comparing two pictures' contents would cost as much as the page. */
    private record OverviewKey(int picture, Object pictureRef, Locale locale, String base, String dateQuery) {

        OverviewKey(ProgressPicture picture, Locale locale, String base, String dateQuery) {
            this(System.identityHashCode(picture), new IdentityRef(picture), locale, base, dateQuery);
        }
    }

    private record IdentityRef(Object target) {

        @Override
        public boolean equals(Object other) {
            return other instanceof IdentityRef ref && ref.target == target;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(target);
        }
    }

    private final Map<OverviewKey, Overview> overviews = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<OverviewKey, Overview> eldest) {
            return size() > 16;
        }
    };

    @GetMapping("/progress")
    String overview(@RequestParam(required = false) String date, Model model, Locale locale,
            HttpServletRequest request) {
        var picture = picture(date, model);
        if (picture.isEmpty()) {
            return "progress/empty";
        }
        var overview = overviewFor(picture, locale, request.getContextPath());
        model.addAttribute("totals", overview.totals());
        model.addAttribute("current", overview.totals().get(overview.totals().size() - 1));
        model.addAttribute("trendChart", overview.trendChart());
        model.addAttribute("monthlyChart", overview.monthlyChart());
        model.addAttribute("parts", overview.parts());
        return "progress/overview";
    }

    /**
     * The map of realisation, which the overview loads after itself: the heaviest part of the page (342
     * outlines and their table) comes separately. Asked by the overview (htmx) it is only the map, the
     * same for every user, revalidated with an ETag (the state of the data, the date, the language and
     * this run of the application), so the browser keeps it while the figures stay the same; opened
     * on its own it is a page.
     */
    @GetMapping("/progress/map")
    String map(@RequestParam(required = false) String date, Model model, Locale locale, HttpServletRequest request,
            HttpServletResponse response, WebRequest web) {
        var picture = picture(date, model);
        if (picture.isEmpty()) {
            return "progress/empty";
        }
        var overview = overviewFor(picture, locale, request.getContextPath());
        model.addAttribute("current", overview.totals().get(overview.totals().size() - 1));
        model.addAttribute("map", overview.map());
        model.addAttribute("parts", overview.mapParts());
        if (request.getHeader("HX-Request") == null) {
            return "progress/map";
        }
        response.setHeader("Cache-Control", "private, no-cache");
        response.setHeader("Vary", "HX-Request, Accept-Language, Cookie");
        if (web.checkNotModified(etag(picture.version() + "|" + locale + "|" + request.getContextPath() + "|"
                + model.getAttribute("isToday") + "|" + STARTED))) {
            return null;
        }
        return "progress/map :: map";
    }

    /** Part of every ETag: a new run (or version) of the application never answers with an old page's tag. */
    private static final String STARTED = Long.toString(System.currentTimeMillis());

    private static String etag(String state) {
        try {
            var digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(state.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return "\"" + java.util.HexFormat.of().formatHex(digest, 0, 16) + "\"";
        }
        catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Overview overviewFor(ProgressPicture picture, Locale locale, String base) {
        // Pictures are kept by the monitor until their inputs change, so the same picture means the same page.
        var dateQuery = picture.date().equals(LocalDate.now(AuditTrail.ZONE)) ? "" : "?date=" + picture.date();
        var key = new OverviewKey(picture, locale, base, dateQuery);
        Overview overview;
        synchronized (overviews) {
            overview = overviews.get(key);
        }
        if (overview == null) {
            overview = overviewOf(picture, locale, base, dateQuery);
            synchronized (overviews) {
                overviews.put(key, overview);
            }
        }
        return overview;
    }

    private Overview overviewOf(ProgressPicture picture, Locale locale, String base, String dateQuery) {
        var nation = picture.nation();
        var current = nation.get(nation.size() - 1);
        var values = new HashMap<MunicipalityCode, Double>();
        picture.municipalities().forEach(m -> {
            var percent = m.current().realisationPercent();
            values.put(m.code(), percent == null ? 100.0 : percent);
        });
        var percent = NumberFormat.getIntegerInstance(locale);
        var view = nationalMap.choropleth(values, v -> v >= Double.MAX_VALUE / 2 ? "∞" : percent.format(v) + "%",
                MAP_BREAKS);
        return new Overview(nation, trendChart(nation, locale), monthlyChart(locale),
                parts.overview(current, nation, selections.provinceRows(picture), locale, base, dateQuery), view,
                parts.map(view, locale, base, dateQuery));
    }

    // ---- Municipality tables (all, a province, a region)

    @GetMapping("/progress/municipalities")
    String municipalities(@RequestParam(required = false) String date, @RequestParam(required = false) String province,
            @RequestParam(required = false) String region, @RequestParam(required = false) String colour,
            @RequestParam(required = false) String q, @RequestParam(defaultValue = "shortfall") String sort,
            Model model) {
        var picture = picture(date, model);
        model.addAttribute("rows", selections.rows(picture, province, region, colour, q, sort));
        model.addAttribute("province", province);
        model.addAttribute("region", region);
        model.addAttribute("colour", colour);
        model.addAttribute("q", q);
        model.addAttribute("sort", ProgressRow.SORTS.containsKey(sort) ? sort : "shortfall");
        model.addAttribute("sorts", ProgressRow.SORT_KEYS);
        model.addAttribute("provinces", registry.provinces());
        model.addAttribute("regions", regions.all());
        model.addAttribute("colours", Colour.values());
        return "progress/municipalities";
    }

    // ---- Province and region pages

    @GetMapping("/progress/provinces/{code}")
    String province(@PathVariable String code, @RequestParam(required = false) String date, Model model,
            Locale locale) {
        var province = ProgressRequests.parseProvince(code).flatMap(registry::province)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        var picture = picture(date, model);
        if (picture.isEmpty()) {
            return "progress/empty";
        }
        var totals = picture.province(province.code());
        model.addAttribute("area", province.name());
        model.addAttribute("province", province);
        model.addAttribute("totals", totals);
        model.addAttribute("current", totals.get(totals.size() - 1));
        model.addAttribute("trendChart", trendChart(totals, locale));
        model.addAttribute("rows", selections.rows(picture, province.code().value(), null, null, null, "shortfall"));
        model.addAttribute("thresholds", policy.thresholds().get(province.code()));
        model.addAttribute("mayAssess", policy.mayAssess(province.code()));
        return "progress/area";
    }

    @GetMapping("/progress/regions/{code}")
    String region(@PathVariable String code, @RequestParam(required = false) String date, Model model,
            Locale locale) {
        var region = regions.find(code)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        var picture = picture(date, model);
        if (picture.isEmpty()) {
            return "progress/empty";
        }
        var totals = picture.totals(Set.copyOf(region.members()));
        model.addAttribute("area", region.name());
        model.addAttribute("region", region);
        model.addAttribute("totals", totals);
        model.addAttribute("current", totals.get(totals.size() - 1));
        model.addAttribute("trendChart", trendChart(totals, locale));
        model.addAttribute("rows", selections.rows(picture, null, region.code(), null, null, "shortfall"));
        return "progress/area";
    }

    // ---- One municipality

    @GetMapping("/progress/municipalities/{code}")
    String municipality(@PathVariable String code, @RequestParam(required = false) String date, Model model,
            Locale locale) {
        var municipality = ProgressRequests.parseCode(code).flatMap(registry::find)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        var picture = picture(date, model);
        model.addAttribute("municipality", municipality);
        model.addAttribute("transfers", transfers.involving(municipality.code()));
        var progress = picture.municipality(municipality.code());
        if (progress.isEmpty()) {
            return "progress/empty";
        }
        model.addAttribute("progress", progress.get());
        model.addAttribute("row", ProgressRow.of(progress.get()));
        var months = realisation.monthlyOf(municipality.code());
        model.addAttribute("months", months);
        model.addAttribute("corrections", realisation.correctionsOf(municipality.code()));
        model.addAttribute("differences", realisation.reconciliationOf(municipality.code()));
        model.addAttribute("monthlyChart", monthlyChartOf(months, locale));
        model.addAttribute("historyChart", historyChart(progress.get().history(), locale));
        model.addAttribute("neighbours", registry.neighboursOf(municipality.code()).stream()
                .map(n -> picture.municipality(n.code())).flatMap(Optional::stream).map(ProgressRow::of).toList());
        model.addAttribute("mayAssess", policy.mayAssess(municipality.province()));
        model.addAttribute("assessedPeriods", progress.get().history().stream().filter(p -> p.complete() && !p.excused()
                && p.colour() != Colour.GREEN).map(p -> p.period().toString()).toList());
        return "progress/municipality";
    }

    // ---- Realisation import

    // ---- helpers

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    private ProgressPicture picture(String date, Model model) {
        var today = LocalDate.now(AuditTrail.ZONE);
        LocalDate chosen;
        try {
            chosen = ProgressRequests.parseDate(date);
        }
        catch (InvalidInput e) {
            model.addAttribute("problems", e.problems());
            chosen = today;
        }
        var picture = monitor.at(chosen);
        model.addAttribute("picture", picture);
        model.addAttribute("date", chosen);
        model.addAttribute("today", today);
        model.addAttribute("isToday", chosen.equals(today));
        return picture;
    }

    // ---- charts (the same figures are always in a table on the page)

    private String trendChart(List<PeriodTotals> totals, Locale locale) {
        var chart = new LinkedHashMap<String, Object>();
        chart.put("type", "bar");
        chart.put("categories", totals.stream().map(t -> t.period().toString()).toList());
        chart.put("series", List.of(
                Map.of("name", text("progress.corrected", locale), "data",
                        totals.stream().map(PeriodTotals::correctedQuota).toList()),
                Map.of("name", text("progress.housed", locale), "data", totals.stream().map(PeriodTotals::housed).toList())));
        return json.writeValueAsString(chart);
    }

    private String historyChart(List<nl.doorstroom.progress.PeriodProgress> history, Locale locale) {
        var chart = new LinkedHashMap<String, Object>();
        chart.put("type", "bar");
        chart.put("categories", history.stream().map(t -> t.period().toString()).toList());
        chart.put("series", List.of(
                Map.of("name", text("progress.corrected", locale), "data",
                        history.stream().map(nl.doorstroom.progress.PeriodProgress::correctedQuota).toList()),
                Map.of("name", text("progress.housed", locale), "data",
                        history.stream().map(nl.doorstroom.progress.PeriodProgress::housed).toList())));
        return json.writeValueAsString(chart);
    }

    private String monthlyChart(Locale locale) {
        var months = realisation.nationalMonthly();
        var chart = new LinkedHashMap<String, Object>();
        chart.put("type", "line");
        chart.put("categories", months.keySet().stream().map(Object::toString).toList());
        chart.put("series", List.of(Map.of("name", text("progress.housedPerMonth", locale), "data",
                List.copyOf(months.values()))));
        return json.writeValueAsString(chart);
    }

    private String monthlyChartOf(List<nl.doorstroom.progress.MonthlyFigure> months, Locale locale) {
        var chart = new LinkedHashMap<String, Object>();
        chart.put("type", "bar");
        chart.put("categories", months.stream().map(m -> m.month().toString()).toList());
        chart.put("series", List.of(Map.of("name", text("progress.housedPerMonth", locale), "data",
                months.stream().map(nl.doorstroom.progress.MonthlyFigure::persons).collect(Collectors.toList()))));
        return json.writeValueAsString(chart);
    }
}
