package nl.doorstroom.progress.web;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

import nl.doorstroom.progress.Realisation;
import nl.doorstroom.shared.InvalidInput;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The import of COA's monthly figures, the deliveries so far, and where they differ from the housing events. */
@Controller
class RealisationPages {

    /** The most differences the page lists; the total is always shown. */
    static final int LISTED_DIFFERENCES = 200;

    private final Realisation realisation;
    private final nl.doorstroom.municipalities.MunicipalityRegistry registry;

    RealisationPages(Realisation realisation, nl.doorstroom.municipalities.MunicipalityRegistry registry) {
        this.realisation = realisation;
        this.registry = registry;
    }

    /** A municipality-month where COA's figure and the housing events differ, with the municipality's name. */
    record Difference(String code, String name, java.time.YearMonth month, int imported, int fromEvents, int households,
            int difference) {
    }

    private void reconciliation(Model model) {
        var differences = realisation.reconciliation();
        model.addAttribute("agreement", realisation.agreement());
        model.addAttribute("differenceCount", differences.size());
        model.addAttribute("differences", differences.stream().limit(LISTED_DIFFERENCES)
                .map(r -> new Difference(r.municipality().value(), registry.find(r.municipality())
                        .map(nl.doorstroom.municipalities.Municipality::name).orElse(r.municipality().value()), r.month(),
                        r.imported(), r.fromEvents(), r.households(), r.difference()))
                .toList());
    }

    @GetMapping("/progress/import")
    String importForm(Model model) {
        model.addAttribute("imports", realisation.imports());
        model.addAttribute("mayImport", Realisation.mayImport());
        reconciliation(model);
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
            reconciliation(model);
            return "progress/import";
        }
    }
}
