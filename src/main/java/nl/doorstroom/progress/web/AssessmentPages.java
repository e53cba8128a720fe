package nl.doorstroom.progress.web;

import java.math.BigDecimal;
import java.util.ArrayList;

import nl.doorstroom.municipalities.MunicipalityRegistry;
import nl.doorstroom.progress.AssessmentPolicy;
import nl.doorstroom.shared.EditConflict;
import nl.doorstroom.shared.HalfYear;
import nl.doorstroom.shared.InvalidInput;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A province's own assessment rules: its thresholds, and shortfalls it records as excusable. */
@Controller
class AssessmentPages {

    private final AssessmentPolicy policy;
    private final MunicipalityRegistry registry;

    AssessmentPages(AssessmentPolicy policy, MunicipalityRegistry registry) {
        this.policy = policy;
        this.registry = registry;
    }

    @PostMapping("/progress/provinces/{code}/thresholds")
    String changeThresholds(@PathVariable String code, @RequestParam(required = false) BigDecimal greenPercent,
            @RequestParam(required = false) BigDecimal orangePercent, @RequestParam int version,
            RedirectAttributes redirect) {
        var province = ProgressRequests.parseProvince(code).flatMap(registry::province)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        try {
            policy.change(province.code(), greenPercent, orangePercent, version);
            redirect.addFlashAttribute("saved", "thresholds.saved");
        }
        catch (InvalidInput e) {
            redirect.addFlashAttribute("problems", new ArrayList<>(e.problems()));
        }
        catch (EditConflict e) {
            redirect.addFlashAttribute("conflict", true);
        }
        return "redirect:/progress/provinces/" + province.code().value() + "#thresholds";
    }

    @PostMapping("/progress/municipalities/{code}/excuses")
    String excuse(@PathVariable String code, @RequestParam(required = false) String period,
            @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        var municipality = ProgressRequests.parseCode(code).flatMap(registry::find)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
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
}
