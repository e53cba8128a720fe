package nl.doorstroom.sites.web;

import java.io.IOException;
import java.util.List;

import nl.doorstroom.shared.EditConflict;
import nl.doorstroom.shared.FieldProblems;
import nl.doorstroom.shared.InvalidInput;
import nl.doorstroom.shared.InvalidInput.Problem;
import nl.doorstroom.shared.Notice;
import nl.doorstroom.sites.SiteForm;
import nl.doorstroom.sites.SiteInventory;
import nl.doorstroom.sites.SiteKind;
import nl.doorstroom.sites.SiteNotFound;
import nl.doorstroom.sites.SiteOwner;
import nl.doorstroom.sites.SiteStatus;
import nl.doorstroom.sites.SiteText;
import nl.doorstroom.sites.TemporarySite;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Adding a site, changing one (refused when someone else changed it first, with both versions side by
 * side), and importing a list of sites, all or nothing.
 */
@Controller
class SiteForms {

    /** One field that differs between what the user submitted and what is stored now. */
    record Difference(String field, String submitted, String stored) {
    }

    private final SiteInventory inventory;
    private final SitePages pages;
    private final org.springframework.context.MessageSource messages;

    SiteForms(SiteInventory inventory, SitePages pages, org.springframework.context.MessageSource messages) {
        this.inventory = inventory;
        this.pages = pages;
        this.messages = messages;
    }

    @GetMapping("/sites/new")
    String newForm(Model model) {
        return form(model, null, SiteInput.empty(), List.of());
    }

    @PostMapping("/sites")
    String register(@RequestParam MultiValueMap<String, String> params, Model model, RedirectAttributes redirect) {
        var typed = SiteInput.from(params);
        try {
            var reading = SiteText.read(0, typed::get, inventory.municipalities(), true);
            if (!reading.problems().isEmpty()) {
                throw new InvalidInput(reading.problems());
            }
            long id = inventory.register(reading.form(), reading.status(), reading.since());
            redirect.addFlashAttribute("notice", Notice.of("sites.form.registered", reading.form().name()));
            return "redirect:/sites/" + id;
        }
        catch (InvalidInput e) {
            return form(model, null, typed, e.problems());
        }
    }

    @GetMapping("/sites/{id:\\d+}/edit")
    String editForm(@PathVariable long id, Model model) {
        var site = current(id);
        return form(model, site, SiteInput.of(site), List.of());
    }

    @PostMapping("/sites/{id:\\d+}")
    String change(@PathVariable long id, @RequestParam int version, @RequestParam MultiValueMap<String, String> params,
            Model model, RedirectAttributes redirect, java.util.Locale locale) {
        var typed = SiteInput.from(params);
        SiteForm submitted = null;
        try {
            var reading = SiteText.read(0, typed::get, inventory.municipalities(), false);
            submitted = reading.form();
            if (!reading.problems().isEmpty()) {
                throw new InvalidInput(reading.problems());
            }
            inventory.change(id, version, submitted);
            redirect.addFlashAttribute("notice", Notice.of("sites.form.changed"));
            return "redirect:/sites/" + id;
        }
        catch (InvalidInput e) {
            // The version the edit was based on stays, so that a later save still notices someone else's change.
            model.addAttribute("version", version);
            return form(model, current(id), typed, e.problems());
        }
        catch (EditConflict e) {
            // The current version: saving again replaces the other change, after the user has seen both.
            var stored = current(id);
            var mine = submitted.values();
            var theirs = stored.form().values();
            model.addAttribute("conflict", true);
            model.addAttribute("differences", stored.form().differencesFrom(submitted).stream()
                    .map(f -> new Difference(f, shown(f, mine.get(f), locale), shown(f, theirs.get(f), locale))).toList());
            model.addAttribute("storedBy", stored.changedBy());
            model.addAttribute("storedAt", stored.changedAt());
            return form(model, stored, typed, List.of());
        }
    }

    @GetMapping("/sites/import")
    String importForm(Model model) {
        return "sites/import";
    }

    @PostMapping("/sites/import")
    String importFile(@RequestParam(required = false) MultipartFile file, Model model, RedirectAttributes redirect)
            throws IOException {
        try {
            if (file == null || file.isEmpty()) {
                throw InvalidInput.of("file", "sites.file.empty");
            }
            int imported = inventory.importFile(file.getInputStream());
            redirect.addFlashAttribute("notice", Notice.of("sites.import.done", imported));
            return "redirect:/sites/import";
        }
        catch (InvalidInput e) {
            model.addAttribute("problems", e.problems());
            model.addAttribute("fileName", file == null || file.getOriginalFilename() == null ? "" : file.getOriginalFilename());
            return "sites/import";
        }
    }

    /** A field's value as the page shows it: a municipality by name, a kind or owner in words. */
    private String shown(String field, String value, java.util.Locale locale) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        return switch (field) {
            case SiteForm.MUNICIPALITY -> pages.municipalityName(nl.doorstroom.shared.MunicipalityCode.of(value));
            case SiteForm.KIND -> messages.getMessage("site.kind." + value, null, value, locale);
            case SiteForm.OWNER -> messages.getMessage("site.owner." + value, null, value, locale);
            default -> value;
        };
    }

    private TemporarySite current(long id) {
        return inventory.site(id).orElseThrow(() -> new SiteNotFound(id));
    }

    private String form(Model model, TemporarySite site, SiteInput input, List<Problem> problems) {
        model.addAttribute("site", site);
        model.addAttribute("input", input);
        model.addAttribute("problems", problems);
        model.addAttribute("errors", new FieldProblems(problems));
        if (site != null && !model.containsAttribute("version")) {
            model.addAttribute("version", site.version());
        }
        model.addAttribute("groups", SitePages.groups(inventory.municipalitiesInScope()));
        model.addAttribute("kinds", SiteKind.values());
        model.addAttribute("owners", SiteOwner.values());
        model.addAttribute("statuses", SiteStatus.STARTING);
        return "sites/form";
    }
}
