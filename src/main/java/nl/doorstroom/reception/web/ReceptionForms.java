package nl.doorstroom.reception.web;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import nl.doorstroom.reception.LocationKind;
import nl.doorstroom.reception.LocationNotFound;
import nl.doorstroom.reception.MeasureForm;
import nl.doorstroom.reception.MeasureKind;
import nl.doorstroom.reception.ReceptionLocation;
import nl.doorstroom.reception.ReceptionLocations;
import nl.doorstroom.shared.EditConflict;
import nl.doorstroom.shared.FieldProblems;
import nl.doorstroom.shared.FormInput;
import nl.doorstroom.shared.InvalidInput;
import nl.doorstroom.shared.InvalidInput.Problem;
import nl.doorstroom.shared.Notice;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What COA planners change: registering and changing a location (refused when someone else changed it first),
 * recording an emergency measure, and importing COA's figures, all or nothing.
 */
@Controller
class ReceptionForms {

    private final ReceptionLocations reception;
    private final ReceptionPages pages;

    ReceptionForms(ReceptionLocations reception, ReceptionPages pages) {
        this.reception = reception;
        this.pages = pages;
    }

    @GetMapping("/reception/locations/new")
    String newForm(Model model) {
        return form(model, null, LocationInput.empty(), List.of(), false);
    }

    @PostMapping("/reception/locations")
    String register(@ModelAttribute LocationInput typed, Model model, RedirectAttributes redirect) {
        try {
            long id = reception.register(typed.form(m -> pages.registryKnows(m)));
            redirect.addFlashAttribute("notice", Notice.of("reception.location.registered", typed.name().strip()));
            return "redirect:/reception/locations/" + id;
        }
        catch (InvalidInput e) {
            return form(model, null, typed, e.problems(), false);
        }
    }

    @GetMapping("/reception/locations/{id:\\d+}/edit")
    String editForm(@PathVariable long id, Model model) {
        var location = current(id);
        return form(model, location, LocationInput.of(location), List.of(), false);
    }

    @PostMapping("/reception/locations/{id:\\d+}")
    String change(@PathVariable long id, @RequestParam int version, @ModelAttribute LocationInput typed, Model model,
            RedirectAttributes redirect) {
        try {
            reception.change(id, version, typed.form(m -> pages.registryKnows(m)));
            redirect.addFlashAttribute("notice", Notice.of("reception.location.changed"));
            return "redirect:/reception/locations/" + id;
        }
        catch (InvalidInput e) {
            // The version the edit was based on stays, so that a later save still notices someone else's change.
            model.addAttribute("version", version);
            return form(model, current(id), typed, e.problems(), false);
        }
        catch (EditConflict e) {
            // Saving again after this replaces the other change, once the user has seen it.
            return form(model, current(id), typed, List.of(), true);
        }
    }

    @PostMapping("/reception/locations/{id:\\d+}/measures")
    String recordMeasure(@PathVariable long id, @RequestParam(required = false) String measureKind,
            @RequestParam(required = false) String description, @RequestParam(required = false) String startsOn,
            @RequestParam(required = false) String endsOn, @RequestParam(required = false) String places, Model model,
            Locale locale, RedirectAttributes redirect) {
        var typed = new ReceptionPages.MeasureInput(measureKind, description, startsOn, endsOn, places);
        try {
            var input = new FormInput();
            var form = new MeasureForm(input.choice(MeasureKind.class, MeasureForm.KIND, measureKind, null), description,
                    input.date(MeasureForm.STARTS_ON, startsOn), input.date(MeasureForm.ENDS_ON, endsOn),
                    input.integer(MeasureForm.PLACES, places));
            if (input.hasProblems()) {
                var problems = new java.util.ArrayList<Problem>();
                try {
                    input.check();
                }
                catch (InvalidInput e) {
                    problems.addAll(e.problems());
                }
                problems.addAll(form.problems(problems.stream().map(Problem::field).toList()));
                throw new InvalidInput(problems);
            }
            reception.recordMeasure(id, form);
            redirect.addFlashAttribute("notice", Notice.of("reception.measure.recorded"));
            return "redirect:/reception/locations/" + id;
        }
        catch (InvalidInput e) {
            return pages.location(id, model, locale, typed, new FieldProblems(e.problems()));
        }
    }

    @GetMapping("/reception/import")
    String importForm(Model model) {
        model.addAttribute("imports", reception.imports());
        return "reception/import";
    }

    @PostMapping("/reception/import")
    String importFile(@RequestParam(required = false) MultipartFile file, Model model, RedirectAttributes redirect)
            throws IOException {
        try {
            if (file == null || file.isEmpty()) {
                throw InvalidInput.of("file", "reception.import.file.empty");
            }
            var imported = reception.importFile(file.getInputStream());
            redirect.addFlashAttribute("notice", Notice.of("reception.import.done", imported.rows(), imported.replaced()));
            return "redirect:/reception/import";
        }
        catch (InvalidInput e) {
            model.addAttribute("problems", e.problems());
            model.addAttribute("fileName", file == null || file.getOriginalFilename() == null ? "" : file.getOriginalFilename());
            model.addAttribute("imports", reception.imports());
            return "reception/import";
        }
    }

    private ReceptionLocation current(long id) {
        return reception.location(id).orElseThrow(() -> new LocationNotFound(id));
    }

    private String form(Model model, ReceptionLocation location, LocationInput input, List<Problem> problems,
            boolean conflict) {
        model.addAttribute("location", location);
        model.addAttribute("input", input);
        model.addAttribute("problems", problems);
        model.addAttribute("errors", new FieldProblems(problems));
        model.addAttribute("conflict", conflict);
        if (location != null && (conflict || !model.containsAttribute("version"))) {
            model.addAttribute("version", location.version());
        }
        model.addAttribute("municipalities", reception.municipalitiesInScope().stream()
                .sorted(java.util.Comparator.comparing(nl.doorstroom.municipalities.Municipality::name)).toList());
        model.addAttribute("kinds", LocationKind.values());
        return "reception/form";
    }
}
