package nl.doorstroom.municipalities.web;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import nl.doorstroom.municipalities.MunicipalityRegistry;
import nl.doorstroom.municipalities.Region;
import nl.doorstroom.municipalities.Regions;
import nl.doorstroom.municipalities.Regions.RegionForm;
import nl.doorstroom.shared.EditConflict;
import nl.doorstroom.shared.InvalidInput;
import nl.doorstroom.shared.MunicipalityCode;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
class RegionPages {

    private final Regions regions;
    private final MunicipalityRegistry registry;

    RegionPages(Regions regions, MunicipalityRegistry registry) {
        this.regions = regions;
        this.registry = registry;
    }

    @GetMapping("/regions")
    String list(Model model) {
        model.addAttribute("regions", regions.all());
        return "municipalities/regions";
    }

    @GetMapping("/regions/{code}")
    String show(@PathVariable String code, Model model) {
        var region = regions.find(code).orElseThrow(() -> new PageNotFound("region", code));
        model.addAttribute("region", region);
        model.addAttribute("mayChange", regions.mayChange(region));
        model.addAttribute("members", registry.all().stream().filter(m -> region.members().contains(m.code())).toList());
        return "municipalities/region";
    }

    @GetMapping("/regions/new")
    String newForm(Model model) {
        return form(model, null, "", "", Set.of(), List.of());
    }

    @PostMapping("/regions/new")
    String define(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String description,
            @RequestParam(required = false) List<String> members, Model model) {
        var codes = codes(members);
        try {
            var region = regions.define(new RegionForm(name, description, codes));
            return "redirect:/regions/" + region.code();
        }
        catch (InvalidInput e) {
            return form(model, null, name, description, codes, e.problems());
        }
    }

    @GetMapping("/regions/{code}/edit")
    String editForm(@PathVariable String code, Model model) {
        var region = editable(code);
        return form(model, region, region.name(), region.description(), region.members(), List.of());
    }

    @PostMapping("/regions/{code}/edit")
    String change(@PathVariable String code, @RequestParam int version, @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String description, @RequestParam(required = false) List<String> members,
            Model model) {
        var region = editable(code);
        var codes = codes(members);
        try {
            regions.change(code, version, new RegionForm(name, description, codes));
            return "redirect:/regions/" + code;
        }
        catch (InvalidInput e) {
            // Keep the version the user's edit was based on, so a later save still detects a conflict.
            model.addAttribute("version", version);
            return form(model, region, name, description, codes, e.problems());
        }
        catch (EditConflict e) {
            model.addAttribute("conflict", true);
            return form(model, region, name, description, codes, List.of());
        }
    }

    @PostMapping("/regions/{code}/delete")
    String remove(@PathVariable String code, @RequestParam int version, RedirectAttributes redirect) {
        editable(code);
        try {
            regions.remove(code, version);
            redirect.addFlashAttribute("removed", code);
            return "redirect:/regions";
        }
        catch (EditConflict e) {
            redirect.addFlashAttribute("conflict", true);
            return "redirect:/regions/" + code;
        }
    }

    private Region editable(String code) {
        var region = regions.find(code).orElseThrow(() -> new PageNotFound("region", code));
        if (!region.isEditable()) {
            throw new PageNotFound("editable region", code);
        }
        if (!regions.mayChange(region)) {
            throw new org.springframework.security.access.AccessDeniedException("region " + code);
        }
        return region;
    }

    private String form(Model model, Region region, String name, String description, Set<MunicipalityCode> members,
            List<InvalidInput.Problem> problems) {
        model.addAttribute("region", region);
        model.addAttribute("name", name);
        model.addAttribute("description", description);
        model.addAttribute("selected", members.stream().map(MunicipalityCode::value).toList());
        model.addAttribute("provinces", registry.provinces());
        model.addAttribute("municipalities", registry.all());
        model.addAttribute("problems", problems);
        if (region != null && !model.containsAttribute("version")) {
            model.addAttribute("version", region.version());
        }
        return "municipalities/region-form";
    }

    private static Set<MunicipalityCode> codes(List<String> members) {
        var codes = new TreeSet<MunicipalityCode>();
        if (members != null) {
            for (var member : members) {
                MunicipalityPages.parse(member).ifPresent(codes::add);
            }
        }
        return codes;
    }
}
