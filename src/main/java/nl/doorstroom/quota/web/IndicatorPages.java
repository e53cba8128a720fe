package nl.doorstroom.quota.web;

import nl.doorstroom.shared.Notice;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;

import nl.doorstroom.shared.FormInput;
import nl.doorstroom.quota.Indicators;
import nl.doorstroom.shared.InvalidInput;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Indicators for the other distribution keys (welfare correction, tax revenue, GDP): every version
 * imported, and the import of a CSV file, all or nothing with every problem by row and column.
 */
@Controller
class IndicatorPages {

    private final Indicators indicators;

    IndicatorPages(Indicators indicators) {
        this.indicators = indicators;
    }

    @GetMapping("/quota/indicators")
    String indicators(Model model) {
        return page(model);
    }

    @PostMapping("/quota/indicators")
    String importVersion(@RequestParam(required = false) String indicator,
            @RequestParam(required = false) String referenceDate, @RequestParam(required = false) String label,
            @RequestParam(required = false) MultipartFile file, Model model, RedirectAttributes redirect)
            throws IOException {
        var input = new FormInput();
        var date = input.date("referenceDate", referenceDate);
        try {
            if (input.hasProblems() && !Indicators.mayImport()) {
                throw new AccessDeniedException("Only ministry analysts and administrators import indicators");
            }
            input.check();
            Reader csv = file == null || file.isEmpty() ? new StringReader("")
                    : new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8);
            var version = indicators.importVersion(indicator, csv, date, label);
            redirect.addFlashAttribute("notice", Notice.of("quota.indicators.imported", version.label(),
                    (long) version.municipalityCount()));
            return "redirect:/quota/indicators";
        }
        catch (InvalidInput e) {
            model.addAttribute("problems", e.problems());
            model.addAttribute("fileName", file == null || file.getOriginalFilename() == null ? ""
                    : file.getOriginalFilename());
            model.addAttribute("indicator", indicator);
            model.addAttribute("referenceDate", referenceDate);
            model.addAttribute("label", label);
            return page(model);
        }
    }

    private String page(Model model) {
        model.addAttribute("versions", indicators.versions());
        model.addAttribute("kinds", Indicators.KINDS);
        model.addAttribute("mayImport", Indicators.mayImport());
        return "quota/indicators";
    }
}
