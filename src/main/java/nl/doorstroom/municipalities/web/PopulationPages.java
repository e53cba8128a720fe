package nl.doorstroom.municipalities.web;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import nl.doorstroom.municipalities.MunicipalityRegistry;
import nl.doorstroom.municipalities.Populations;
import nl.doorstroom.shared.InvalidInput;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
class PopulationPages {

    private final Populations populations;
    private final MunicipalityRegistry registry;

    PopulationPages(Populations populations, MunicipalityRegistry registry) {
        this.populations = populations;
        this.registry = registry;
    }

    @GetMapping("/population-versions")
    String list(Model model) {
        model.addAttribute("versions", populations.versions());
        return "municipalities/population-versions";
    }

    @GetMapping("/population-versions/{id}")
    String show(@PathVariable long id, Model model) {
        var version = populations.version(id).orElseThrow(() -> new PageNotFound("population-version", id));
        var figures = populations.figures(id);
        model.addAttribute("version", version);
        model.addAttribute("rows", registry.all().stream()
                .map(m -> MunicipalityPages.MunicipalityRow.of(m, figures)).toList());
        return "municipalities/population-version";
    }

    @GetMapping("/population-versions/import")
    String importForm(Model model) {
        model.addAttribute("referenceDate", LocalDate.now().withDayOfYear(1));
        return "municipalities/population-import";
    }

    @PostMapping("/population-versions/import")
    String importFile(@RequestParam(required = false) MultipartFile file,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate referenceDate,
            @RequestParam(required = false) String label, Model model, RedirectAttributes redirect) throws IOException {
        try {
            if (file == null || file.isEmpty()) {
                throw InvalidInput.of("file", "population.file.empty");
            }
            var version = populations.importVersion(new InputStreamReader(file.getInputStream(),
                    StandardCharsets.UTF_8), referenceDate, label);
            redirect.addFlashAttribute("imported", true);
            return "redirect:/population-versions/" + version.id();
        }
        catch (InvalidInput e) {
            model.addAttribute("problems", e.problems());
            model.addAttribute("referenceDate", referenceDate);
            model.addAttribute("label", label);
            model.addAttribute("fileName", file == null ? null : file.getOriginalFilename());
            return "municipalities/population-import";
        }
    }
}
