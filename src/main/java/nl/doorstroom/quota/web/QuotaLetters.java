package nl.doorstroom.quota.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import nl.doorstroom.documents.PdfDocuments;
import nl.doorstroom.municipalities.Municipality;
import nl.doorstroom.municipalities.MunicipalityRegistry;
import nl.doorstroom.quota.QuotaCalculation;
import nl.doorstroom.quota.QuotaTransfer;
import nl.doorstroom.shared.MunicipalityCode;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * The quota letter of a half-year to a municipality's council, or to all of them in one PDF (one
 * letter per page): the legal quota with its computation (Huisvestingswet 2014 art. 29(1)), where
 * a merged municipality's population came from (art. 30), the transfers agreed (art. 29(2)) and,
 * if the population figures were chosen by hand, why. The carry-over is not in it: the letter
 * states the legal quota.
 */
@Controller
class QuotaLetters {

    /** One transfer as a letter states it: the date, this municipality's change, the other parties. */
    record LetterTransfer(LocalDate agreedOn, long change, String otherParties, String reason) {
    }

    /**
     * One letter.
     *
     * @param populationSetByProvince whether the population is the figure the province set at a merger
     *        (art. 30) rather than the count on the reference date
     */
    record Letter(String name, String code, long population, boolean populationSetByProvince, BigDecimal exactShare,
            long quota, List<LetterTransfer> transfers, long quotaAfterTransfers) {
    }

    private final HalfYearFigures figures;
    private final MunicipalityRegistry registry;
    private final QuotaCalculation calculation;
    private final PdfDocuments pdf;
    private final LetterCache allLetters = new LetterCache();

    QuotaLetters(HalfYearFigures figures, MunicipalityRegistry registry, QuotaCalculation calculation,
            PdfDocuments pdf) {
        this.figures = figures;
        this.registry = registry;
        this.calculation = calculation;
        this.pdf = pdf;
    }

    @GetMapping("/quota/periods/{period}/letters/{code}")
    ResponseEntity<byte[]> letter(@PathVariable String period, @PathVariable String code, Locale locale) {
        var shown = published(period);
        var row = parse(code).flatMap(c -> shown.row(c.value()))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No quota for " + code));
        var letter = letterOf(row, shown, names(), setByProvince(shown));
        var model = model(shown, List.of(letter), QuotaPages.today());
        return PdfDocuments.download(pdf.render("quota/letter", model, locale),
                "taakstelling-" + shown.period() + "-" + row.code() + "-" + row.name());
    }

    @GetMapping("/quota/periods/{period}/letters")
    ResponseEntity<byte[]> letters(@PathVariable String period, Locale locale) {
        var shown = published(period);
        var today = QuotaPages.today();
        var key = new LetterCache.Key(shown.calculation().id(),
                shown.transfers().stream().map(QuotaTransfer::id).sorted().toList(), locale, today);
        var rendered = allLetters.get(key, () -> {
            var names = names();
            var setByProvince = setByProvince(shown);
            var letters = shown.rows().stream().map(r -> letterOf(r, shown, names, setByProvince)).toList();
            return pdf.render("quota/letter", model(shown, letters, today), locale);
        });
        return PdfDocuments.download(rendered, "taakstellingsbrieven-" + shown.period());
    }

    private HalfYearFigures.Figures published(String period) {
        var half = HalfYearFigures.period(period);
        return figures.of(half, QuotaPages.today())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No quota published for " + half));
    }

    private Set<String> setByProvince(HalfYearFigures.Figures shown) {
        return calculation.populationsSetByProvince(shown.calculation()).stream().map(MunicipalityCode::value)
                .collect(Collectors.toSet());
    }

    private static Letter letterOf(QuotaRow row, HalfYearFigures.Figures shown, Map<String, String> names,
            Set<String> setByProvince) {
        var code = MunicipalityCode.of(row.code());
        var transfers = shown.transfers().stream().filter(t -> t.changes().containsKey(code))
                .sorted(Comparator.comparing(QuotaTransfer::agreedOn))
                .map(t -> new LetterTransfer(t.agreedOn(), t.changeFor(code), t.changes().entrySet().stream()
                        .filter(e -> !e.getKey().equals(code))
                        .map(e -> names.getOrDefault(e.getKey().value(), e.getKey().value()) + " ("
                                + (e.getValue() > 0 ? "+" : "-") + Math.abs(e.getValue()) + ")")
                        .collect(Collectors.joining(", ")), t.reason()))
                .toList();
        return new Letter(row.name(), row.code(), row.population(), setByProvince.contains(row.code()),
                row.exactShare(), row.quota(), transfers, row.quotaAfterTransfers());
    }

    private static Map<String, Object> model(HalfYearFigures.Figures shown, List<Letter> letters, LocalDate date) {
        var c = shown.calculation();
        var model = new HashMap<String, Object>();
        model.put("period", shown.period().toString());
        model.put("letters", letters);
        model.put("date", date);
        model.put("nationalTotal", c.nationalTotal());
        model.put("nationalPopulation", c.populationTotal());
        model.put("referenceDate", c.populationReferenceDate());
        model.put("lawReferenceDate", shown.period().populationReferenceDate());
        model.put("versionChosen", c.versionChosen());
        model.put("choiceReason", c.choiceReason());
        model.put("versionLabel", shown.version() == null ? "" : shown.version().label());
        model.put("synthetic", shown.synthetic());
        return model;
    }

    private Map<String, String> names() {
        var names = new HashMap<String, String>();
        registry.all().forEach((Municipality m) -> names.put(m.code().value(), m.name()));
        return names;
    }

    private static Optional<MunicipalityCode> parse(String code) {
        try {
            return Optional.of(MunicipalityCode.parse(code));
        }
        catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
