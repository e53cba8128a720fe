package nl.doorstroom.quota.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import nl.doorstroom.shared.FormInput;
import nl.doorstroom.documents.Table;
import nl.doorstroom.documents.TableExport;
import nl.doorstroom.municipalities.PopulationVersion;
import nl.doorstroom.municipalities.Populations;
import nl.doorstroom.municipalities.MunicipalityRegistry;
import nl.doorstroom.quota.ApportionmentMethod;
import nl.doorstroom.quota.DistributionKey;
import nl.doorstroom.quota.IndicatorVersion;
import nl.doorstroom.quota.Indicators;
import nl.doorstroom.quota.NationalTotal;
import nl.doorstroom.quota.NationalTotals;
import nl.doorstroom.quota.WhatIf;
import nl.doorstroom.shared.HalfYear;
import nl.doorstroom.shared.InvalidInput;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * What-if: a total apportioned over all municipalities by a distribution key, with the four
 * methods side by side and the municipalities that would get less at a larger total (the Alabama
 * paradox). A GET form, so that a result can be shared as a link; nothing is stored.
 */
@Controller
class WhatIfPages {

    static final List<String> SORTS = List.of("name", "difference");

    /** The form as sent (all text, so that what the user typed comes back as typed). */
    record WhatIfForm(String key, String total, String largerTotal, Long populationVersion, Long welfareVersion,
            Long taxVersion, Long gdpVersion, String weightPopulation, String weightWelfare, String weightTax,
            String weightGdp, String province, String sort) {

        boolean submitted() {
            return key != null;
        }

        String sortOrDefault() {
            return sort != null && SORTS.contains(sort) ? sort : "name";
        }
    }

    /** One municipality of the result, with the spread between the methods' allocations. */
    record WhatIfRow(WhatIf.Row row, long spread) {

        public String name() {
            return row.municipality().name();
        }
    }

    private static final Collator DUTCH = Collator.getInstance(Locale.forLanguageTag("nl"));

    private final WhatIf whatIf;
    private final NationalTotals totals;
    private final Populations populations;
    private final Indicators indicators;
    private final MunicipalityRegistry registry;
    private final MessageSource messages;

    WhatIfPages(WhatIf whatIf, NationalTotals totals, Populations populations, Indicators indicators,
            MunicipalityRegistry registry, MessageSource messages) {
        this.whatIf = whatIf;
        this.totals = totals;
        this.populations = populations;
        this.indicators = indicators;
        this.registry = registry;
        this.messages = messages;
    }

    @GetMapping(path = "/quota/what-if", params = "!format")
    String whatIf(@ModelAttribute("form") WhatIfForm form, Model model) {
        var defaultTotal = defaultTotal();
        model.addAttribute("defaultTotal", defaultTotal.map(NationalTotal::total).orElse(null));
        model.addAttribute("defaultPeriod", defaultTotal.map(t -> t.period().toString()).orElse(null));
        model.addAttribute("keys", WhatIf.KEYS);
        model.addAttribute("methods", ApportionmentMethod.values());
        model.addAttribute("versions", populations.versions());
        model.addAttribute("indicatorVersions", indicators.versions().stream()
                .collect(Collectors.groupingBy(IndicatorVersion::indicator, LinkedHashMap::new, Collectors.toList())));
        model.addAttribute("indicatorKinds", Indicators.KINDS);
        model.addAttribute("provinces", registry.provinces());
        model.addAttribute("sorts", SORTS);
        model.addAttribute("sort", form.sortOrDefault());
        if (!form.submitted()) {
            return "quota/what-if";
        }
        try {
            var result = run(form, defaultTotal);
            model.addAttribute("result", result);
            model.addAttribute("rows", rows(result, form));
            var usedPopulation = populations.version(result.populationVersionId());
            var usedIndicators = used(result);
            model.addAttribute("usedPopulation", usedPopulation.orElse(null));
            model.addAttribute("usedIndicators", usedIndicators);
            model.addAttribute("syntheticFigures", usedPopulation.map(v -> !v.official()).orElse(true)
                    || usedIndicators.values().stream().anyMatch(IndicatorVersion::synthetic));
        }
        catch (InvalidInput e) {
            model.addAttribute("problems", e.problems());
        }
        return "quota/what-if";
    }

    @GetMapping(path = "/quota/what-if", params = "format")
    ResponseEntity<StreamingResponseBody> whatIfTable(@ModelAttribute("form") WhatIfForm form,
            @RequestParam String format, Locale locale) {
        if (!"csv".equals(format) && !"xlsx".equals(format)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "format: csv or xlsx");
        }
        WhatIf.Result result;
        try {
            result = run(form, defaultTotal());
        }
        catch (InvalidInput e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "The what-if form has problems: " + e.problems());
        }
        var methods = ApportionmentMethod.values();
        var columns = new ArrayList<Table.Column>(List.of(
                new Table.Column(text("quota.code", locale), Table.Kind.TEXT),
                new Table.Column(text("quota.municipality", locale), Table.Kind.TEXT),
                new Table.Column(text("quota.province", locale), Table.Kind.TEXT),
                new Table.Column(text("quota.whatIf.share", locale), Table.Kind.PERCENT),
                new Table.Column(text("quota.whatIf.exactShare", locale), Table.Kind.DECIMAL)));
        for (var method : methods) {
            columns.add(new Table.Column(text("quota.method." + method, locale), Table.Kind.INTEGER));
        }
        columns.add(new Table.Column(text("quota.whatIf.spread", locale), Table.Kind.INTEGER));
        columns.add(new Table.Column(text("quota.whatIf.paradoxColumn", locale, result.largerTotal()), Table.Kind.TEXT));
        var data = new ArrayList<List<Object>>();
        for (var r : rows(result, form)) {
            var row = r.row();
            var cells = new ArrayList<Object>(List.of(row.municipality().code().value(), row.municipality().name(),
                    row.municipality().provinceName(),
                    // A PERCENT column takes fractions: 0.5 % is 0.005.
                    row.sharePercent().divide(BigDecimal.valueOf(100), 6, RoundingMode.HALF_UP), row.exactShare()));
            for (var method : methods) {
                cells.add(row.allocation().get(method));
            }
            cells.add(r.spread());
            cells.add(row.paradox().stream().map(m -> text("quota.method." + m, locale) + ": "
                    + row.atLargerTotal().get(m)).collect(Collectors.joining("; ")));
            data.add(cells);
        }
        var table = new Table(text("quota.whatIf.title", locale), columns, data, note(result, locale));
        return TableExport.download(table, format, "wat-als-" + result.key() + "-" + result.total());
    }

    private WhatIf.Result run(WhatIfForm form, Optional<NationalTotal> defaultTotal) {
        var input = new FormInput();
        var total = input.whole("total", form.total());
        var larger = input.whole("largerTotal", form.largerTotal());
        var weights = new HashMap<String, Long>();
        weights.put("population", input.whole("customWeights", form.weightPopulation()));
        weights.put("welfare-corrected-population", input.whole("customWeights", form.weightWelfare()));
        weights.put("tax-revenue", input.whole("customWeights", form.weightTax()));
        weights.put("gdp", input.whole("customWeights", form.weightGdp()));
        input.check();
        var versions = new HashMap<String, Long>();
        versions.put(DistributionKey.WELFARE_FACTOR, form.welfareVersion());
        versions.put(DistributionKey.TAX_REVENUE, form.taxVersion());
        versions.put(DistributionKey.GDP, form.gdpVersion());
        versions.values().removeIf(Objects::isNull);
        var chosenTotal = total != null ? total : defaultTotal.map(t -> (long) t.total()).orElse(null);
        return whatIf.run(new WhatIf.Request(form.key(), weights, chosenTotal, larger, form.populationVersion(),
                versions));
    }

    private static List<WhatIfRow> rows(WhatIf.Result result, WhatIfForm form) {
        var rows = result.rows().stream()
                .filter(r -> form.province() == null || form.province().isBlank()
                        || r.municipality().province().value().equals(form.province()))
                .map(r -> new WhatIfRow(r, spread(r.allocation())));
        Comparator<WhatIfRow> byName = Comparator.comparing(WhatIfRow::name, DUTCH);
        var order = "difference".equals(form.sortOrDefault())
                ? Comparator.comparingLong(WhatIfRow::spread).reversed().thenComparing(byName) : byName;
        return rows.sorted(order).toList();
    }

    private static long spread(Map<ApportionmentMethod, Long> allocation) {
        var values = allocation.values();
        return values.stream().mapToLong(Long::longValue).max().orElse(0)
                - values.stream().mapToLong(Long::longValue).min().orElse(0);
    }

    private Map<String, IndicatorVersion> used(WhatIf.Result result) {
        var used = new LinkedHashMap<String, IndicatorVersion>();
        result.indicatorVersions().forEach((indicator, id) -> indicators.version(id).ifPresent(v -> used.put(indicator, v)));
        return used;
    }

    /** The total the law would apportion now: the national total in force for the running half-year. */
    private Optional<NationalTotal> defaultTotal() {
        var today = QuotaPages.today();
        return totals.inForce(HalfYear.containing(today), today);
    }

    private String note(WhatIf.Result result, Locale locale) {
        var population = populations.version(result.populationVersionId());
        var used = used(result);
        boolean synthetic = population.map(v -> !v.official()).orElse(true)
                || used.values().stream().anyMatch(IndicatorVersion::synthetic);
        var indicatorText = used.values().stream().map(v -> v.label() + " (" + QuotaPages.DATE.format(v.referenceDate()) + ")")
                .collect(Collectors.joining(", "));
        return text("quota.whatIf.note", locale, text("quota.whatIf.keys." + result.key(), locale), result.total(),
                result.largerTotal(), population.map(PopulationVersion::label).orElse("?"),
                indicatorText.isEmpty() ? "-" : indicatorText)
                + (synthetic ? "; " + text("quota.synthetic.data", locale) : "");
    }

    private String text(String key, Locale locale, Object... arguments) {
        return messages.getMessage(key, arguments, key, locale);
    }
}
