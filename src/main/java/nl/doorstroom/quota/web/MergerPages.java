package nl.doorstroom.quota.web;

import nl.doorstroom.shared.Notice;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;

import nl.doorstroom.shared.FormInput;
import nl.doorstroom.municipalities.Municipality;
import nl.doorstroom.municipalities.MunicipalityRegistry;
import nl.doorstroom.quota.Mergers;
import nl.doorstroom.shared.InvalidInput;
import nl.doorstroom.shared.MunicipalityCode;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Mergers of municipalities as the quota sees them (Huisvestingswet 2014 art. 30): the list, and
 * the form for the province (or an administrator) to record one.
 */
@Controller
class MergerPages {

    /** What the form shows: what the user chose and typed. */
    record MergerForm(String successor, List<String> predecessors, String effective, String population,
            String decidedOn, String reason) {
    }

    private final Mergers mergers;
    private final MunicipalityRegistry registry;

    MergerPages(Mergers mergers, MunicipalityRegistry registry) {
        this.mergers = mergers;
        this.registry = registry;
    }

    @GetMapping("/quota/mergers")
    String mergers(Model model) {
        model.addAttribute("form", new MergerForm("", List.of(), QuotaPages.today().getYear() + 1 + "-I", null,
                QuotaPages.today().toString(), null));
        return page(model);
    }

    @PostMapping("/quota/mergers")
    String record(@RequestParam(required = false) String successor,
            @RequestParam(required = false) String[] predecessors, @RequestParam(required = false) String effective,
            @RequestParam(required = false) String population, @RequestParam(required = false) String decidedOn,
            @RequestParam(required = false) String reason, Model model, RedirectAttributes redirect) {
        var chosen = predecessors == null ? List.<String>of()
                : Arrays.stream(predecessors).filter(p -> !FormInput.blank(p)).map(String::strip).toList();
        var input = new FormInput();
        var successorCode = input.municipality("successor", successor);
        var predecessorCodes = new LinkedHashSet<MunicipalityCode>();
        chosen.forEach(p -> {
            var code = input.municipality("predecessors", p);
            if (code != null) {
                predecessorCodes.add(code);
            }
        });
        var half = input.halfYear("effective", effective);
        var inhabitants = input.whole("population", population);
        var date = input.date("decidedOn", decidedOn);
        try {
            if (input.hasProblems() && !mergers.mayRecordAny()) {
                throw new AccessDeniedException("Only a province supervisor or an administrator records a merger");
            }
            input.check();
            var merger = mergers.record(successorCode, predecessorCodes, half, inhabitants, date, reason);
            redirect.addFlashAttribute("notice", Notice.of("quota.merger.saved", name(merger.successor()),
                    merger.effective().toString()));
            return "redirect:/quota/mergers";
        }
        catch (InvalidInput e) {
            model.addAttribute("problems", e.problems());
            model.addAttribute("form", new MergerForm(successor, chosen, effective, population, decidedOn, reason));
            return page(model);
        }
    }

    private String page(Model model) {
        model.addAttribute("mergers", mergers.all());
        boolean mayRecord = mergers.mayRecordAny();
        model.addAttribute("mayRecord", mayRecord);
        var names = new LinkedHashMap<String, String>();
        registry.all().forEach(m -> names.put(m.code().value(), m.name()));
        model.addAttribute("names", names);
        if (mayRecord) {
            // Only the municipalities this user may record a merger for: a supervisor's own province.
            model.addAttribute("groups", ProvinceGroup.of(registry.provinces(),
                    registry.all().stream().filter(m -> mergers.mayRecord(m.code())).toList()));
        }
        return "quota/mergers";
    }

    private String name(MunicipalityCode code) {
        return registry.find(code).map(Municipality::name).orElse(code.value());
    }
}
