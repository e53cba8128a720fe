package nl.doorstroom.quota.web;

import nl.doorstroom.shared.Notice;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import nl.doorstroom.shared.FormInput;
import nl.doorstroom.municipalities.MunicipalityRegistry;
import nl.doorstroom.quota.QuotaCalculation;
import nl.doorstroom.quota.QuotaTransfers;
import nl.doorstroom.shared.HalfYear;
import nl.doorstroom.shared.InvalidInput;
import nl.doorstroom.shared.InvalidInput.Problem;
import nl.doorstroom.shared.MunicipalityCode;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Transfers of quota between municipalities (Huisvestingswet 2014 art. 29(2)): every agreement
 * recorded, and the form to record one with up to {@value #PARTIES} parties.
 */
@Controller
class TransferPages {

    static final int PARTIES = 6;

    /** One party as the form shows it: what the user chose and typed. */
    record Party(String municipality, String change) {
    }

    /** What the form shows. */
    record TransferForm(String period, List<Party> parties, String agreedOn, String reason) {
    }

    private final QuotaTransfers transfers;
    private final QuotaCalculation calculation;
    private final MunicipalityRegistry registry;

    TransferPages(QuotaTransfers transfers, QuotaCalculation calculation, MunicipalityRegistry registry) {
        this.transfers = transfers;
        this.calculation = calculation;
        this.registry = registry;
    }

    @GetMapping("/quota/transfers")
    String transfers(Model model) {
        var today = QuotaPages.today();
        var empty = new ArrayList<Party>();
        for (int i = 0; i < PARTIES; i++) {
            empty.add(new Party("", ""));
        }
        model.addAttribute("form", new TransferForm(HalfYear.containing(today).toString(), empty, today.toString(), null));
        return page(model);
    }

    @PostMapping("/quota/transfers")
    String agree(@RequestParam(required = false) String period,
            @RequestParam(name = "municipality", required = false) String[] municipalities,
            @RequestParam(name = "change", required = false) String[] changes,
            @RequestParam(required = false) String agreedOn, @RequestParam(required = false) String reason,
            Model model, RedirectAttributes redirect) {
        var typed = typed(municipalities, changes);
        var input = new FormInput();
        var half = input.halfYear("period", period);
        var date = input.date("agreedOn", agreedOn);
        var parties = parties(typed, input);
        try {
            if (input.hasProblems() && !transfers.mayRecordAny()) {
                throw new AccessDeniedException("Not allowed to record transfers");
            }
            input.check();
            var agreed = transfers.agree(half, parties, date, reason);
            redirect.addFlashAttribute("notice", Notice.of("quota.transfer.saved", agreed.period().toString(),
                    (long) agreed.changes().size()));
            return "redirect:/quota/transfers";
        }
        catch (InvalidInput e) {
            model.addAttribute("problems", e.problems());
            model.addAttribute("form", new TransferForm(period, typed, agreedOn, reason));
            return page(model);
        }
    }

    private String page(Model model) {
        model.addAttribute("transfers", transfers.all());
        model.addAttribute("mayRecord", transfers.mayRecordAny());
        var periods = new ArrayList<>(calculation.periods().stream().map(HalfYear::toString).toList());
        Collections.reverse(periods);
        model.addAttribute("periods", periods);
        model.addAttribute("groups", ProvinceGroup.of(registry.provinces(), registry.all()));
        var names = new LinkedHashMap<String, String>();
        registry.all().forEach(m -> names.put(m.code().value(), m.name()));
        model.addAttribute("names", names);
        return "quota/transfers";
    }

    /** The rows as typed, at least {@value #PARTIES} of them so the form keeps its empty rows. */
    private static List<Party> typed(String[] municipalities, String[] changes) {
        int n = Math.max(PARTIES, Math.max(municipalities == null ? 0 : municipalities.length,
                changes == null ? 0 : changes.length));
        var rows = new ArrayList<Party>(n);
        for (int i = 0; i < n; i++) {
            rows.add(new Party(at(municipalities, i), at(changes, i)));
        }
        return rows;
    }

    private static String at(String[] values, int i) {
        return values == null || i >= values.length || values[i] == null ? "" : values[i].strip();
    }

    /**
     * The changes per municipality. A row with a municipality but no change goes to the facade as
     * {@code null}, which it reports; a change without a municipality, or a municipality twice, is a
     * problem here: the facade would never see it.
     */
    private Map<MunicipalityCode, Integer> parties(List<Party> rows, FormInput input) {
        var parties = new LinkedHashMap<MunicipalityCode, Integer>();
        for (int i = 0; i < rows.size(); i++) {
            var row = rows.get(i);
            if (FormInput.blank(row.municipality()) && FormInput.blank(row.change())) {
                continue;
            }
            if (FormInput.blank(row.municipality())) {
                input.problem(Problem.of("changes", "quota.transfer.row.noMunicipality", i + 1, row.change()));
                continue;
            }
            var code = input.municipality("changes", row.municipality());
            var change = input.integer("changes", row.change());
            if (code == null) {
                continue;
            }
            if (parties.containsKey(code)) {
                input.problem(Problem.of("changes", "quota.transfer.row.twice",
                        registry.find(code).map(m -> m.name()).orElse(code.value())));
                continue;
            }
            parties.put(code, change);
        }
        return parties;
    }
}
