package nl.doorstroom.progress.web;

import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import nl.doorstroom.documents.Table;
import nl.doorstroom.documents.TableExport;
import nl.doorstroom.identity.AuditTrail;
import nl.doorstroom.municipalities.MunicipalityRegistry;
import nl.doorstroom.municipalities.NationalMap;
import nl.doorstroom.municipalities.Region;
import nl.doorstroom.municipalities.Regions;
import nl.doorstroom.progress.AssessmentPolicy;
import nl.doorstroom.progress.Colour;
import nl.doorstroom.progress.PeriodTotals;
import nl.doorstroom.progress.ProgressMonitor;
import nl.doorstroom.progress.ProgressPicture;
import nl.doorstroom.progress.Realisation;
import nl.doorstroom.quota.QuotaTransfers;
import nl.doorstroom.shared.HalfYear;
import nl.doorstroom.shared.InvalidInput;
import nl.doorstroom.shared.MunicipalityCode;
import nl.doorstroom.shared.ProvinceCode;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
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
    private final ProgressMapParts mapParts;
    private final MessageSource messages;
    private final JsonMapper json;

    ProgressPages(ProgressMonitor monitor, Realisation realisation, AssessmentPolicy policy,
            MunicipalityRegistry registry, Regions regions, QuotaTransfers transfers, NationalMap nationalMap,
            ProgressMapParts mapParts, MessageSource messages, JsonMapper json) {
        this.monitor = monitor;
        this.realisation = realisation;
        this.policy = policy;
        this.registry = registry;
        this.regions = regions;
        this.transfers = transfers;
        this.nationalMap = nationalMap;
        this.mapParts = mapParts;
        this.messages = messages;
        this.json = json;
    }

    // ---- National overview

    /** What the overview shows for one progress picture and language: computed once, then kept. */
    record Overview(List<PeriodTotals> totals, String trendChart, String monthlyChart, List<ProvinceRow> provinces,
            NationalMap.MapView map, ProgressMapParts.Parts parts) {
    }

    /** By the identity of the picture: comparing two pictures' contents would cost as much as the page. */
    private record OverviewKey(int picture, Object pictureRef, Locale locale, String base) {

        OverviewKey(ProgressPicture picture, Locale locale, String base) {
            this(System.identityHashCode(picture), new IdentityRef(picture), locale, base);
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
        // Pictures are kept by the monitor until their inputs change, so the same picture means the same page.
        var key = new OverviewKey(picture, locale, request.getContextPath());
        Overview overview;
        synchronized (overviews) {
            overview = overviews.get(key);
        }
        if (overview == null) {
            overview = overviewOf(picture, locale, request.getContextPath());
            synchronized (overviews) {
                overviews.put(key, overview);
            }
        }
        model.addAttribute("totals", overview.totals());
        model.addAttribute("current", overview.totals().get(overview.totals().size() - 1));
        model.addAttribute("trendChart", overview.trendChart());
        model.addAttribute("monthlyChart", overview.monthlyChart());
        model.addAttribute("provinces", overview.provinces());
        model.addAttribute("map", overview.map());
        model.addAttribute("parts", overview.parts());
        return "progress/overview";
    }

    private Overview overviewOf(ProgressPicture picture, Locale locale, String base) {
        var nation = picture.nation();
        var values = new HashMap<MunicipalityCode, Double>();
        picture.municipalities().forEach(m -> {
            var percent = m.current().realisationPercent();
            values.put(m.code(), percent == null ? 100.0 : percent);
        });
        var percent = NumberFormat.getIntegerInstance(locale);
        var view = nationalMap.choropleth(values, v -> v >= Double.MAX_VALUE / 2 ? "∞" : percent.format(v) + "%",
                MAP_BREAKS);
        return new Overview(nation, trendChart(nation, locale), monthlyChart(locale), provinceRows(picture), view,
                mapParts.render(view, locale, base));
    }

    @GetMapping(path = "/progress", params = "format")
    ResponseEntity<StreamingResponseBody> overviewTable(@RequestParam(required = false) String date,
            @RequestParam String format, @RequestParam(defaultValue = "periods") String table, Locale locale) {
        var picture = monitor.at(parseDate(date));
        if ("provinces".equals(table)) {
            return download(provinceTable(provinceRows(picture), picture.date(), locale), format,
                    "voortgang-provincies-" + picture.date());
        }
        return download(periodTable(picture.nation(), picture.date(), locale, text("progress.nation", locale)), format,
                "voortgang-nederland-" + picture.date());
    }

    record ProvinceRow(String code, String name, PeriodTotals current) {
    }

    private List<ProvinceRow> provinceRows(ProgressPicture picture) {
        return registry.provinces().stream().map(p -> {
            var totals = picture.province(p.code());
            return new ProvinceRow(p.code().value(), p.name(), totals.get(totals.size() - 1));
        }).toList();
    }

    // ---- Municipality tables (all, a province, a region)

    @GetMapping("/progress/municipalities")
    String municipalities(@RequestParam(required = false) String date, @RequestParam(required = false) String province,
            @RequestParam(required = false) String region, @RequestParam(required = false) String colour,
            @RequestParam(required = false) String q, @RequestParam(defaultValue = "shortfall") String sort,
            Model model) {
        var picture = picture(date, model);
        model.addAttribute("rows", rows(picture, province, region, colour, q, sort));
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

    @GetMapping(path = "/progress/municipalities", params = "format")
    ResponseEntity<StreamingResponseBody> municipalitiesTable(@RequestParam(required = false) String date,
            @RequestParam(required = false) String province, @RequestParam(required = false) String region,
            @RequestParam(required = false) String colour, @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "shortfall") String sort, @RequestParam String format, Locale locale) {
        var picture = monitor.at(parseDate(date));
        return download(municipalityTable(rows(picture, province, region, colour, q, sort), picture.date(), locale),
                format, "voortgang-gemeenten-" + picture.date());
    }

    private List<ProgressRow> rows(ProgressPicture picture, String province, String region, String colour, String q,
            String sort) {
        Set<MunicipalityCode> members = region == null || region.isBlank() ? null
                : regions.find(region).map(Region::members).map(Set::copyOf).orElse(Set.of());
        return picture.municipalities().stream().map(ProgressRow::of)
                .filter(r -> province == null || province.isBlank() || r.province().equals(province))
                .filter(r -> members == null || members.contains(MunicipalityCode.of(r.code())))
                .filter(r -> colour == null || colour.isBlank() || r.current().colour().name().equals(colour))
                .filter(r -> r.matches(q))
                .sorted(ProgressRow.SORTS.getOrDefault(sort, ProgressRow.SORTS.get("shortfall")))
                .toList();
    }

    // ---- Province and region pages

    @GetMapping("/progress/provinces/{code}")
    String province(@PathVariable String code, @RequestParam(required = false) String date, Model model,
            Locale locale) {
        var province = parseProvince(code).flatMap(registry::province)
                .orElseThrow(() -> new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND));
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
        model.addAttribute("rows", rows(picture, province.code().value(), null, null, null, "shortfall"));
        model.addAttribute("thresholds", policy.thresholds().get(province.code()));
        model.addAttribute("mayAssess", policy.mayAssess(province.code()));
        return "progress/area";
    }

    @GetMapping(path = "/progress/provinces/{code}", params = "format")
    ResponseEntity<StreamingResponseBody> provinceTable(@PathVariable String code,
            @RequestParam(required = false) String date, @RequestParam String format,
            @RequestParam(defaultValue = "municipalities") String table, Locale locale) {
        var province = parseProvince(code).flatMap(registry::province)
                .orElseThrow(() -> new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND));
        var picture = monitor.at(parseDate(date));
        if ("periods".equals(table)) {
            return download(periodTable(picture.province(province.code()), picture.date(), locale, province.name()),
                    format, "voortgang-" + province.code().value() + "-" + picture.date());
        }
        return download(municipalityTable(rows(picture, province.code().value(), null, null, null, "shortfall"),
                picture.date(), locale), format, "voortgang-gemeenten-" + province.code().value() + "-" + picture.date());
    }

    @PostMapping("/progress/provinces/{code}/thresholds")
    String changeThresholds(@PathVariable String code, @RequestParam(required = false) BigDecimal greenPercent,
            @RequestParam(required = false) BigDecimal orangePercent, @RequestParam int version,
            RedirectAttributes redirect) {
        var province = parseProvince(code).flatMap(registry::province)
                .orElseThrow(() -> new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND));
        try {
            policy.change(province.code(), greenPercent, orangePercent, version);
            redirect.addFlashAttribute("saved", "thresholds.saved");
        }
        catch (InvalidInput e) {
            redirect.addFlashAttribute("problems", new ArrayList<>(e.problems()));
        }
        catch (nl.doorstroom.shared.EditConflict e) {
            redirect.addFlashAttribute("conflict", true);
        }
        return "redirect:/progress/provinces/" + province.code().value() + "#thresholds";
    }

    @GetMapping("/progress/regions/{code}")
    String region(@PathVariable String code, @RequestParam(required = false) String date, Model model,
            Locale locale) {
        var region = regions.find(code)
                .orElseThrow(() -> new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND));
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
        model.addAttribute("rows", rows(picture, null, region.code(), null, null, "shortfall"));
        return "progress/area";
    }

    @GetMapping(path = "/progress/regions/{code}", params = "format")
    ResponseEntity<StreamingResponseBody> regionTable(@PathVariable String code,
            @RequestParam(required = false) String date, @RequestParam String format,
            @RequestParam(defaultValue = "municipalities") String table, Locale locale) {
        var region = regions.find(code)
                .orElseThrow(() -> new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND));
        var picture = monitor.at(parseDate(date));
        if ("periods".equals(table)) {
            return download(periodTable(picture.totals(Set.copyOf(region.members())), picture.date(), locale,
                    region.name()), format, "voortgang-regio-" + region.code() + "-" + picture.date());
        }
        return download(municipalityTable(rows(picture, null, region.code(), null, null, "shortfall"), picture.date(),
                locale), format, "voortgang-gemeenten-regio-" + region.code() + "-" + picture.date());
    }

    // ---- One municipality

    @GetMapping("/progress/municipalities/{code}")
    String municipality(@PathVariable String code, @RequestParam(required = false) String date, Model model,
            Locale locale) {
        var municipality = parseCode(code).flatMap(registry::find)
                .orElseThrow(() -> new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND));
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
        model.addAttribute("monthlyChart", monthlyChartOf(months, locale));
        model.addAttribute("historyChart", historyChart(progress.get().history(), locale));
        model.addAttribute("neighbours", registry.neighboursOf(municipality.code()).stream()
                .map(n -> picture.municipality(n.code())).flatMap(Optional::stream).map(ProgressRow::of).toList());
        model.addAttribute("mayAssess", policy.mayAssess(municipality.province()));
        model.addAttribute("assessedPeriods", progress.get().history().stream().filter(p -> p.complete() && !p.excused()
                && p.colour() != Colour.GREEN).map(p -> p.period().toString()).toList());
        return "progress/municipality";
    }

    @GetMapping(path = "/progress/municipalities/{code}", params = "format")
    ResponseEntity<StreamingResponseBody> municipalityTable(@PathVariable String code,
            @RequestParam(required = false) String date, @RequestParam String format,
            @RequestParam(defaultValue = "history") String table, Locale locale) {
        var municipality = parseCode(code).flatMap(registry::find)
                .orElseThrow(() -> new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND));
        var picture = monitor.at(parseDate(date));
        var progress = picture.municipality(municipality.code())
                .orElseThrow(() -> new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND));
        var base = "voortgang-" + municipality.code().value() + "-" + picture.date();
        if ("months".equals(table)) {
            var rows = new ArrayList<List<Object>>();
            realisation.monthlyOf(municipality.code()).forEach(f -> rows.add(List.of(f.month().toString(), f.persons())));
            return download(new Table(municipality.name(), List.of(
                    new Table.Column(text("progress.month", locale), Table.Kind.TEXT),
                    new Table.Column(text("progress.housed", locale), Table.Kind.INTEGER)), rows,
                    note(picture.date(), locale)), format, base + "-maanden");
        }
        if ("neighbours".equals(table)) {
            var rows = registry.neighboursOf(municipality.code()).stream().map(n -> picture.municipality(n.code()))
                    .flatMap(Optional::stream).map(ProgressRow::of).toList();
            return download(municipalityTable(rows, picture.date(), locale), format, base + "-buren");
        }
        var rows = new ArrayList<List<Object>>();
        for (var p : progress.history()) {
            rows.add(java.util.Arrays.asList(p.period().toString(), p.quota(), p.carriedIn(), p.correctedQuota(),
                    p.housed(), p.balance(), percent(p.realisationPercent()),
                    p.complete() ? text(p.colour().messageKey(), locale) : text("progress.running", locale),
                    p.excused() ? text("progress.excused", locale) : ""));
        }
        return download(new Table(municipality.name(), List.of(
                new Table.Column(text("progress.period", locale), Table.Kind.TEXT),
                new Table.Column(text("progress.quota", locale), Table.Kind.INTEGER),
                new Table.Column(text("progress.carriedIn", locale), Table.Kind.INTEGER),
                new Table.Column(text("progress.corrected", locale), Table.Kind.INTEGER),
                new Table.Column(text("progress.housed", locale), Table.Kind.INTEGER),
                new Table.Column(text("progress.balance", locale), Table.Kind.INTEGER),
                new Table.Column(text("progress.percent", locale), Table.Kind.PERCENT),
                new Table.Column(text("progress.colour", locale), Table.Kind.TEXT),
                new Table.Column(text("progress.excused", locale), Table.Kind.TEXT)), rows,
                note(picture.date(), locale)), format, base);
    }

    @PostMapping("/progress/municipalities/{code}/excuses")
    String excuse(@PathVariable String code, @RequestParam(required = false) String period,
            @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        var municipality = parseCode(code).flatMap(registry::find)
                .orElseThrow(() -> new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND));
        try {
            HalfYear half;
            try {
                half = period == null || period.isBlank() ? null : HalfYear.parse(period);
            }
            catch (IllegalArgumentException e) {
                throw InvalidInput.of("period", "quota.period.invalid", period);
            }
            policy.excuse(municipality.code(), half, reason);
            redirect.addFlashAttribute("saved", "excuse.saved");
        }
        catch (InvalidInput e) {
            redirect.addFlashAttribute("problems", new ArrayList<>(e.problems()));
            redirect.addFlashAttribute("excuseReason", reason);
        }
        return "redirect:/progress/municipalities/" + municipality.code().value() + "#excuse";
    }

    // ---- Realisation import

    @GetMapping("/progress/import")
    String importForm(Model model) {
        model.addAttribute("imports", realisation.imports());
        model.addAttribute("mayImport", Realisation.mayImport());
        return "progress/import";
    }

    @PostMapping("/progress/import")
    String importFile(@RequestParam(required = false) MultipartFile file, @RequestParam(required = false) String label,
            Model model, RedirectAttributes redirect) throws IOException {
        try {
            if (file == null || file.isEmpty()) {
                throw InvalidInput.of("file", "realisation.file.empty");
            }
            var imported = realisation.importFile(new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8),
                    label);
            redirect.addFlashAttribute("imported", imported.rows());
            return "redirect:/progress/import";
        }
        catch (InvalidInput e) {
            model.addAttribute("problems", e.problems());
            model.addAttribute("label", label);
            model.addAttribute("fileName", file == null ? null : file.getOriginalFilename());
            model.addAttribute("imports", realisation.imports());
            model.addAttribute("mayImport", Realisation.mayImport());
            return "progress/import";
        }
    }

    // ---- helpers

    private ProgressPicture picture(String date, Model model) {
        var today = LocalDate.now(AuditTrail.ZONE);
        LocalDate chosen;
        try {
            chosen = parseDate(date);
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

    static LocalDate parseDate(String date) {
        var today = LocalDate.now(AuditTrail.ZONE);
        if (date == null || date.isBlank()) {
            return today;
        }
        LocalDate parsed;
        try {
            parsed = LocalDate.parse(date.strip());
        }
        catch (java.time.format.DateTimeParseException e) {
            throw InvalidInput.of("date", "progress.date.invalid", date);
        }
        if (parsed.isAfter(today)) {
            throw InvalidInput.of("date", "progress.date.future", parsed.toString());
        }
        if (parsed.getYear() < 2000) {
            throw InvalidInput.of("date", "progress.date.tooEarly", parsed.toString());
        }
        return parsed;
    }

    static Optional<MunicipalityCode> parseCode(String code) {
        try {
            return Optional.of(MunicipalityCode.parse(code));
        }
        catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static Optional<ProvinceCode> parseProvince(String code) {
        try {
            return Optional.of(ProvinceCode.of(code.toUpperCase(Locale.ROOT)));
        }
        catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    private String note(LocalDate date, Locale locale) {
        return messages.getMessage("progress.export.note", new Object[] {date.toString()}, locale);
    }

    /** A percentage as the fraction the PERCENT column of a table download expects (87.5% = 0.875). */
    private static BigDecimal percent(Double value) {
        return value == null ? null : BigDecimal.valueOf(value / 100).setScale(4, java.math.RoundingMode.HALF_UP);
    }

    private ResponseEntity<StreamingResponseBody> download(Table table, String format, String base) {
        if (!"csv".equals(format) && !"xlsx".equals(format)) {
            throw new ResponseStatusException(org.springframework.http.HttpStatus.BAD_REQUEST, "format: csv or xlsx");
        }
        return TableExport.download(table, format, base);
    }

    private Table municipalityTable(List<ProgressRow> rows, LocalDate date, Locale locale) {
        var data = new ArrayList<List<Object>>();
        for (var r : rows) {
            var p = r.current();
            data.add(java.util.Arrays.asList(r.code(), r.name(), r.provinceName(), p.quota(), p.carriedIn(),
                    p.correctedQuota(), p.housed(), p.shortfall(), percent(p.realisationPercent()),
                    BigDecimal.valueOf(p.weeksBehind()).setScale(1, java.math.RoundingMode.HALF_UP),
                    r.lastColour() == null ? "" : text(r.lastColour().messageKey(), locale), r.missedInARow()));
        }
        return new Table(text("progress.municipalities.title", locale), List.of(
                new Table.Column(text("progress.code", locale), Table.Kind.TEXT),
                new Table.Column(text("progress.municipality", locale), Table.Kind.TEXT),
                new Table.Column(text("progress.province", locale), Table.Kind.TEXT),
                new Table.Column(text("progress.quota", locale), Table.Kind.INTEGER),
                new Table.Column(text("progress.carriedIn", locale), Table.Kind.INTEGER),
                new Table.Column(text("progress.corrected", locale), Table.Kind.INTEGER),
                new Table.Column(text("progress.housed", locale), Table.Kind.INTEGER),
                new Table.Column(text("progress.shortfall", locale), Table.Kind.INTEGER),
                new Table.Column(text("progress.percent", locale), Table.Kind.PERCENT),
                new Table.Column(text("progress.weeksBehind", locale), Table.Kind.DECIMAL),
                new Table.Column(text("progress.lastColour", locale), Table.Kind.TEXT),
                new Table.Column(text("progress.missedInARow", locale), Table.Kind.INTEGER)), data, note(date, locale));
    }

    private Table provinceTable(List<ProvinceRow> rows, LocalDate date, Locale locale) {
        var data = new ArrayList<List<Object>>();
        for (var r : rows) {
            var t = r.current();
            data.add(java.util.Arrays.asList(r.code(), r.name(), t.correctedQuota(), t.housed(), t.remaining(),
                    percent(t.realisationPercent()), BigDecimal.valueOf(t.weeksBehind()).setScale(1,
                            java.math.RoundingMode.HALF_UP), t.municipalities()));
        }
        return new Table(text("progress.provinces", locale), List.of(
                new Table.Column(text("progress.code", locale), Table.Kind.TEXT),
                new Table.Column(text("progress.province", locale), Table.Kind.TEXT),
                new Table.Column(text("progress.corrected", locale), Table.Kind.INTEGER),
                new Table.Column(text("progress.housed", locale), Table.Kind.INTEGER),
                new Table.Column(text("progress.remaining", locale), Table.Kind.INTEGER),
                new Table.Column(text("progress.percent", locale), Table.Kind.PERCENT),
                new Table.Column(text("progress.weeksBehind", locale), Table.Kind.DECIMAL),
                new Table.Column(text("progress.municipalityCount", locale), Table.Kind.INTEGER)), data, note(date, locale));
    }

    private Table periodTable(List<PeriodTotals> totals, LocalDate date, Locale locale, String title) {
        var data = new ArrayList<List<Object>>();
        for (var t : totals) {
            data.add(java.util.Arrays.asList(t.period().toString(), t.quota(), t.carriedIn(), t.correctedQuota(),
                    t.housed(), t.remaining(), percent(t.realisationPercent()), t.met(), t.green(), t.orange(), t.red()));
        }
        return new Table(title, List.of(
                new Table.Column(text("progress.period", locale), Table.Kind.TEXT),
                new Table.Column(text("progress.quota", locale), Table.Kind.INTEGER),
                new Table.Column(text("progress.carriedIn", locale), Table.Kind.INTEGER),
                new Table.Column(text("progress.corrected", locale), Table.Kind.INTEGER),
                new Table.Column(text("progress.housed", locale), Table.Kind.INTEGER),
                new Table.Column(text("progress.remaining", locale), Table.Kind.INTEGER),
                new Table.Column(text("progress.percent", locale), Table.Kind.PERCENT),
                new Table.Column(text("progress.met", locale), Table.Kind.INTEGER),
                new Table.Column(text("colour.GREEN", locale), Table.Kind.INTEGER),
                new Table.Column(text("colour.ORANGE", locale), Table.Kind.INTEGER),
                new Table.Column(text("colour.RED", locale), Table.Kind.INTEGER)), data, note(date, locale));
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
