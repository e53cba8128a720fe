package nl.doorstroom.quota.web;

import nl.doorstroom.shared.Notice;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import nl.doorstroom.shared.FormInput;
import nl.doorstroom.documents.Table;
import nl.doorstroom.documents.TableExport;
import nl.doorstroom.identity.AuditTrail;
import nl.doorstroom.municipalities.MunicipalityRegistry;
import nl.doorstroom.municipalities.PopulationVersion;
import nl.doorstroom.municipalities.Populations;
import nl.doorstroom.quota.NationalTotal;
import nl.doorstroom.quota.NationalTotals;
import nl.doorstroom.quota.PublishedQuota;
import nl.doorstroom.quota.QuotaCalculation;
import nl.doorstroom.shared.HalfYear;
import nl.doorstroom.shared.InvalidInput;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The quota overview (every half-year with its national total and published quota, and the forms
 * to enter a total and to publish), and the page of one half-year with every municipality's quota
 * as the law computes it, as a table and as CSV or XLSX.
 */
@Controller
class QuotaPages {

    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d-M-yyyy");

    /** What the national total form shows: what the user typed. */
    record TotalForm(String period, String total, String effectiveDate, String reason) implements Serializable {
    }

    /** What the publish form shows: what the user chose and typed; kept over a redirect, so Serializable. */
    record PublishForm(String period, Long populationVersion, String choiceReason) implements Serializable {
    }

    private final NationalTotals totals;
    private final QuotaCalculation calculation;
    private final Populations populations;
    private final MunicipalityRegistry registry;
    private final HalfYearFigures figures;
    private final MessageSource messages;

    QuotaPages(NationalTotals totals, QuotaCalculation calculation, Populations populations,
            MunicipalityRegistry registry, HalfYearFigures figures, MessageSource messages) {
        this.totals = totals;
        this.calculation = calculation;
        this.populations = populations;
        this.registry = registry;
        this.figures = figures;
        this.messages = messages;
    }

    // ---- Overview

    @GetMapping("/quota")
    String overview(Model model) {
        var today = today();
        if (!model.containsAttribute("totalForm")) {
            model.addAttribute("totalForm", new TotalForm(null, null, today.toString(), null));
        }
        if (!model.containsAttribute("publishForm")) {
            model.addAttribute("publishForm", new PublishForm(null, null, null));
        }
        return overviewPage(model, today);
    }

    @PostMapping("/quota/national-totals")
    String enterTotal(@RequestParam(required = false) String period, @RequestParam(required = false) String total,
            @RequestParam(required = false) String effectiveDate, @RequestParam(required = false) String reason,
            Model model, RedirectAttributes redirect) {
        var input = new FormInput();
        var half = input.halfYear("period", period);
        var number = input.integer("total", total);
        var date = input.date("effectiveDate", effectiveDate);
        try {
            if (input.hasProblems() && !NationalTotals.mayEdit()) {
                throw new AccessDeniedException("Only ministry analysts and administrators enter national totals");
            }
            input.check();
            var entered = totals.enter(half, number, date, reason);
            redirect.addFlashAttribute("notice", Notice.of("quota.total.saved", entered.period().toString(),
                    (long) entered.total(), entered.effectiveDate().format(DATE)));
            redirect.addFlashAttribute("publishForm", new PublishForm(entered.period().toString(), null, null));
            return "redirect:/quota#publish";
        }
        catch (InvalidInput e) {
            model.addAttribute("totalProblems", e.problems());
            model.addAttribute("totalForm", new TotalForm(period, total, effectiveDate, reason));
            model.addAttribute("publishForm", new PublishForm(null, null, null));
            return overviewPage(model, today());
        }
    }

    @PostMapping("/quota/calculations")
    String publish(@RequestParam(required = false) String period, @RequestParam(required = false) Long populationVersion,
            @RequestParam(required = false) String choiceReason, Model model, RedirectAttributes redirect) {
        var input = new FormInput();
        var half = input.halfYear("period", period);
        try {
            if (input.hasProblems() && !QuotaCalculation.mayPublish()) {
                throw new AccessDeniedException("Only ministry analysts and administrators publish quotas");
            }
            input.check();
            var published = calculation.publish(half, populationVersion, choiceReason);
            redirect.addFlashAttribute("notice", Notice.of("quota.published", published.period().toString(),
                    published.sum(), (long) published.nationalTotal()));
            return "redirect:/quota/periods/" + published.period();
        }
        catch (InvalidInput e) {
            model.addAttribute("publishProblems", e.problems());
            model.addAttribute("publishForm", new PublishForm(period, populationVersion, choiceReason));
            model.addAttribute("totalForm", new TotalForm(null, null, today().toString(), null));
            return overviewPage(model, today());
        }
    }

    private String overviewPage(Model model, LocalDate today) {
        var periods = new TreeSet<HalfYear>(Comparator.reverseOrder());
        totals.all().forEach(t -> periods.add(t.period()));
        periods.addAll(calculation.periods());
        var versions = populations.versions();
        var byId = versions.stream().collect(Collectors.toMap(PopulationVersion::id, Function.identity()));
        var summaries = periods.stream().map(p -> summary(p, today, byId)).toList();
        model.addAttribute("summaries", summaries);
        model.addAttribute("today", today);
        model.addAttribute("current", HalfYear.containing(today));
        model.addAttribute("versions", versions);
        model.addAttribute("publishable", summaries.stream().filter(s -> s.total() != null)
                .map(s -> s.period().toString()).toList());
        model.addAttribute("mayEdit", NationalTotals.mayEdit());
        model.addAttribute("mayPublish", QuotaCalculation.mayPublish());
        return "quota/overview";
    }

    private PeriodSummary summary(HalfYear period, LocalDate today, Map<Long, PopulationVersion> versions) {
        var history = totals.history(period);
        var totalInForce = totals.inForce(period, today);
        NationalTotal total = totalInForce.orElse(history.isEmpty() ? null : history.get(0));
        PublishedQuota published = calculation.current(period, today).orElse(null);
        boolean inForce = published != null && !published.effectiveDate().isAfter(today);
        return new PeriodSummary(period, total, totalInForce.isPresent(), history, published, inForce,
                published == null ? null : versions.get(published.populationVersionId()),
                calculation.of(period).size());
    }

    // ---- One half-year

    @GetMapping("/quota/periods/{period}")
    String period(@PathVariable String period, @RequestParam(required = false) String q,
            @RequestParam(required = false) String province, @RequestParam(required = false) String sort,
            Model model) {
        var half = HalfYearFigures.period(period);
        var today = today();
        var history = totals.history(half);
        var calculations = calculation.of(half);
        if (history.isEmpty() && calculations.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "Nothing entered for " + half);
        }
        var shown = figures.of(half, today);
        var chosenSort = QuotaRow.sortOrDefault(sort);
        model.addAttribute("period", half);
        model.addAttribute("today", today);
        model.addAttribute("history", history);
        model.addAttribute("totalInForce", totals.inForce(half, today).orElse(null));
        model.addAttribute("calculations", calculations);
        model.addAttribute("versions", populations.versions().stream()
                .collect(Collectors.toMap(PopulationVersion::id, Function.identity())));
        model.addAttribute("figures", shown.orElse(null));
        model.addAttribute("rows", shown.map(f -> rows(f, q, province, chosenSort)).orElse(List.of()));
        model.addAttribute("q", q);
        model.addAttribute("province", province);
        model.addAttribute("sort", chosenSort);
        model.addAttribute("sorts", QuotaRow.SORTS);
        model.addAttribute("provinces", registry.provinces());
        model.addAttribute("names", names());
        return "quota/period";
    }

    @GetMapping(path = "/quota/periods/{period}", params = "format")
    ResponseEntity<StreamingResponseBody> periodTable(@PathVariable String period, @RequestParam String format,
            @RequestParam(required = false) String q, @RequestParam(required = false) String province,
            @RequestParam(required = false) String sort, Locale locale) {
        if (!"csv".equals(format) && !"xlsx".equals(format)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "format: csv or xlsx");
        }
        var half = HalfYearFigures.period(period);
        var today = today();
        var shown = figures.of(half, today)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No quota published for " + half));
        var rows = rows(shown, q, province, QuotaRow.sortOrDefault(sort));
        var data = new ArrayList<List<Object>>();
        for (var r : rows) {
            data.add(Arrays.asList(r.code(), r.name(), r.provinceName(), r.population(), r.exactShare(), r.quota(),
                    r.transferred(), r.quotaAfterTransfers()));
        }
        var calc = shown.calculation();
        var note = text("quota.export.note", locale, half.toString(), (long) calc.nationalTotal(),
                calc.populationTotal(), calc.populationReferenceDate().format(DATE), today.format(DATE))
                + (shown.synthetic() ? "; " + text("quota.synthetic.data", locale) : "");
        var table = new Table(text("quota.period.title", locale, half.toString()), List.of(
                new Table.Column(text("quota.code", locale), Table.Kind.TEXT),
                new Table.Column(text("quota.municipality", locale), Table.Kind.TEXT),
                new Table.Column(text("quota.province", locale), Table.Kind.TEXT),
                new Table.Column(text("quota.population.iG", locale), Table.Kind.INTEGER),
                new Table.Column(text("quota.exactShare", locale), Table.Kind.DECIMAL),
                new Table.Column(text("quota.quota", locale), Table.Kind.INTEGER),
                new Table.Column(text("quota.transferred", locale), Table.Kind.INTEGER),
                new Table.Column(text("quota.afterTransfers", locale), Table.Kind.INTEGER)), data, note);
        return TableExport.download(table, format, "taakstelling-" + half);
    }

    private static List<QuotaRow> rows(HalfYearFigures.Figures figures, String q, String province, String sort) {
        return figures.rows().stream().filter(r -> r.matches(q, province)).sorted(QuotaRow.order(sort)).toList();
    }

    private Map<String, String> names() {
        return registry.all().stream().collect(Collectors.toMap(m -> m.code().value(), m -> m.name()));
    }

    private String text(String key, Locale locale, Object... arguments) {
        return messages.getMessage(key, arguments, key, locale);
    }

    static LocalDate today() {
        return LocalDate.now(AuditTrail.ZONE);
    }
}
