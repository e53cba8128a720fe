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

/** The import of COA's monthly figures, and the deliveries so far. */
@Controller
class RealisationPages {

    private final Realisation realisation;

    RealisationPages(Realisation realisation) {
        this.realisation = realisation;
    }

    @GetMapping("/progress/import")
    String importForm(Model model) {
        model.addAttribute("imports", realisation.imports());
        model.addAttribute("mayImport", Realisation.mayImport());
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
            return "progress/import";
        }
    }
}
