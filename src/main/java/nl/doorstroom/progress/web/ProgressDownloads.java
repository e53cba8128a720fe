package nl.doorstroom.progress.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import nl.doorstroom.documents.Table;
import nl.doorstroom.documents.TableExport;
import nl.doorstroom.municipalities.MunicipalityRegistry;
import nl.doorstroom.municipalities.Regions;
import nl.doorstroom.progress.PeriodTotals;
import nl.doorstroom.progress.ProgressMonitor;
import nl.doorstroom.progress.ProgressPicture;
import nl.doorstroom.progress.Realisation;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Every progress table as CSV or Excel ({@code ?format=csv|xlsx} on the page's own address), with the
 * same filters and order as on the page and the reference date in the file.
 */
@Controller
class ProgressDownloads {

    private final ProgressMonitor monitor;
    private final Realisation realisation;
    private final MunicipalityRegistry registry;
    private final Regions regions;
    private final ProgressSelections selections;
    private final MessageSource messages;

    ProgressDownloads(ProgressMonitor monitor, Realisation realisation, MunicipalityRegistry registry, Regions regions,
            ProgressSelections selections, MessageSource messages) {
        this.monitor = monitor;
        this.realisation = realisation;
        this.registry = registry;
        this.regions = regions;
        this.selections = selections;
        this.messages = messages;
    }

    @GetMapping(path = "/progress", params = "format")
    ResponseEntity<StreamingResponseBody> overviewTable(@RequestParam(required = false) String date,
            @RequestParam String format, @RequestParam(defaultValue = "periods") String table, Locale locale) {
        var picture = pictureOn(date);
        if ("provinces".equals(table)) {
            return download(provinceTable(selections.provinceRows(picture), picture.date(), locale), format,
                    "voortgang-provincies-" + picture.date());
        }
        return download(periodTable(picture.nation(), picture.date(), locale, text("progress.nation", locale)), format,
                "voortgang-nederland-" + picture.date());
    }

    @GetMapping(path = "/progress/municipalities", params = "format")
    ResponseEntity<StreamingResponseBody> municipalitiesTable(@RequestParam(required = false) String date,
            @RequestParam(required = false) String province, @RequestParam(required = false) String region,
            @RequestParam(required = false) String colour, @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "shortfall") String sort, @RequestParam String format, Locale locale) {
        var picture = pictureOn(date);
        return download(municipalityTable(selections.rows(picture, province, region, colour, q, sort), picture.date(), locale),
                format, "voortgang-gemeenten-" + picture.date());
    }

    @GetMapping(path = "/progress/provinces/{code}", params = "format")
    ResponseEntity<StreamingResponseBody> provinceTable(@PathVariable String code,
            @RequestParam(required = false) String date, @RequestParam String format,
            @RequestParam(defaultValue = "municipalities") String table, Locale locale) {
        var province = ProgressRequests.parseProvince(code).flatMap(registry::province)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        var picture = pictureOn(date);
        if ("periods".equals(table)) {
            return download(periodTable(picture.province(province.code()), picture.date(), locale, province.name()),
                    format, "voortgang-" + province.code().value() + "-" + picture.date());
        }
        return download(municipalityTable(selections.rows(picture, province.code().value(), null, null, null, "shortfall"),
                picture.date(), locale), format, "voortgang-gemeenten-" + province.code().value() + "-" + picture.date());
    }

    @GetMapping(path = "/progress/regions/{code}", params = "format")
    ResponseEntity<StreamingResponseBody> regionTable(@PathVariable String code,
            @RequestParam(required = false) String date, @RequestParam String format,
            @RequestParam(defaultValue = "municipalities") String table, Locale locale) {
        var region = regions.find(code)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        var picture = pictureOn(date);
        if ("periods".equals(table)) {
            return download(periodTable(picture.totals(Set.copyOf(region.members())), picture.date(), locale,
                    region.name()), format, "voortgang-regio-" + region.code() + "-" + picture.date());
        }
        return download(municipalityTable(selections.rows(picture, null, region.code(), null, null, "shortfall"), picture.date(),
                locale), format, "voortgang-gemeenten-regio-" + region.code() + "-" + picture.date());
    }

    @GetMapping(path = "/progress/municipalities/{code}", params = "format")
    ResponseEntity<StreamingResponseBody> municipalityTable(@PathVariable String code,
            @RequestParam(required = false) String date, @RequestParam String format,
            @RequestParam(defaultValue = "history") String table, Locale locale) {
        var municipality = ProgressRequests.parseCode(code).flatMap(registry::find)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        var picture = pictureOn(date);
        var progress = picture.municipality(municipality.code())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
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
            rows.add(Arrays.asList(p.period().toString(), p.quota(), p.carriedIn(), p.correctedQuota(),
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

    private ProgressPicture pictureOn(String date) {
        var picture = monitor.at(ProgressRequests.parseDate(date));
        if (picture.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No quota published by " + picture.date());
        }
        return picture;
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    private String note(LocalDate date, Locale locale) {
        return messages.getMessage("progress.export.note", new Object[] {date.toString()}, locale);
    }

    /** A percentage as the fraction the PERCENT column of a table download expects (87.5% = 0.875). */
    private static BigDecimal percent(Double value) {
        return value == null ? null : BigDecimal.valueOf(value / 100).setScale(4, RoundingMode.HALF_UP);
    }

    private ResponseEntity<StreamingResponseBody> download(Table table, String format, String base) {
        if (!"csv".equals(format) && !"xlsx".equals(format)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "format: csv or xlsx");
        }
        return TableExport.download(table, format, base);
    }

    private Table municipalityTable(List<ProgressRow> rows, LocalDate date, Locale locale) {
        var data = new ArrayList<List<Object>>();
        for (var r : rows) {
            var p = r.current();
            data.add(Arrays.asList(r.code(), r.name(), r.provinceName(), p.quota(), p.carriedIn(),
                    p.correctedQuota(), p.housed(), p.shortfall(), percent(p.realisationPercent()),
                    BigDecimal.valueOf(p.weeksBehind()).setScale(1, RoundingMode.HALF_UP),
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

    private Table provinceTable(List<ProgressSelections.ProvinceRow> rows, LocalDate date, Locale locale) {
        var data = new ArrayList<List<Object>>();
        for (var r : rows) {
            var t = r.current();
            data.add(Arrays.asList(r.code(), r.name(), t.correctedQuota(), t.housed(), t.remaining(),
                    percent(t.realisationPercent()), BigDecimal.valueOf(t.weeksBehind()).setScale(1,
                            RoundingMode.HALF_UP), t.municipalities()));
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
            data.add(Arrays.asList(t.period().toString(), t.quota(), t.carriedIn(), t.correctedQuota(),
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
}
