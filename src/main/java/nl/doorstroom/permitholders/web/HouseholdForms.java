package nl.doorstroom.permitholders.web;

import nl.doorstroom.shared.FieldProblems;
import nl.doorstroom.shared.Notice;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

import nl.doorstroom.shared.FormInput;
import nl.doorstroom.permitholders.FirmCriterion;
import nl.doorstroom.permitholders.Household;
import nl.doorstroom.permitholders.HouseholdNotFound;
import nl.doorstroom.permitholders.HouseholdRegister;
import nl.doorstroom.permitholders.Member;
import nl.doorstroom.permitholders.Profile;
import nl.doorstroom.permitholders.Stage;
import nl.doorstroom.shared.EditConflict;
import nl.doorstroom.shared.InvalidInput;
import nl.doorstroom.shared.InvalidInput.Problem;
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
 * COA keeps the register: registers a household, changes one (refused when someone else changed it
 * first), or imports COA's export, all or nothing.
 */
@Controller
class HouseholdForms {

    private final HouseholdRegister register;
    private final AreaChoices areas;

    HouseholdForms(HouseholdRegister register, AreaChoices areas) {
        this.register = register;
        this.areas = areas;
    }

    @GetMapping("/households/new")
    String newForm(Model model) {
        return form(model, null, HouseholdInput.empty(), List.of());
    }

    @PostMapping("/households")
    String registerHousehold(@RequestParam MultiValueMap<String, String> params, Model model,
            RedirectAttributes redirect) {
        var typed = HouseholdInput.from(params);
        if (moreRows(params)) {
            return form(model, null, more(typed, params, model), List.of());
        }
        try {
            var input = new FormInput();
            var household = typed.read(input);
            input.check();
            long id = register.register(household);
            redirect.addFlashAttribute("notice", Notice.of("households.form.registered", household.reference().strip()));
            return "redirect:/households/" + id;
        }
        catch (InvalidInput e) {
            return form(model, null, typed.withEmptyRows(0, 0), e.problems());
        }
    }

    @GetMapping("/households/{id:\\d+}/edit")
    String editForm(@PathVariable long id, Model model) {
        var household = current(id);
        return form(model, household, HouseholdInput.of(household), List.of());
    }

    @PostMapping("/households/{id:\\d+}")
    String change(@PathVariable long id, @RequestParam int version, @RequestParam MultiValueMap<String, String> params,
            Model model, RedirectAttributes redirect) {
        var typed = HouseholdInput.from(params);
        if (moreRows(params)) {
            model.addAttribute("version", version);
            return form(model, current(id), more(typed, params, model), List.of());
        }
        try {
            var input = new FormInput();
            var household = typed.read(input);
            input.check();
            register.change(id, version, household);
            redirect.addFlashAttribute("notice", Notice.of("households.form.changed"));
            return "redirect:/households/" + id;
        }
        catch (InvalidInput e) {
            // The version the edit was based on stays, so that a later save still notices someone else's change.
            model.addAttribute("version", version);
            return form(model, current(id), typed.withEmptyRows(0, 0), e.problems());
        }
        catch (EditConflict e) {
            // The current version: saving again replaces the other change, after the user has been told of it.
            model.addAttribute("conflict", true);
            return form(model, current(id), typed.withEmptyRows(0, 0), List.of());
        }
    }

    @GetMapping("/households/import")
    String importForm(Model model) {
        return "permitholders/import";
    }

    @PostMapping("/households/import")
    String importFile(@RequestParam(required = false) MultipartFile file, Model model, RedirectAttributes redirect)
            throws IOException {
        try {
            if (file == null || file.isEmpty()) {
                throw InvalidInput.of("file", "households.file.empty");
            }
            int imported = register.importFile(new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8));
            redirect.addFlashAttribute("notice", Notice.of("households.import.done", imported));
            return "redirect:/households/import";
        }
        catch (InvalidInput e) {
            model.addAttribute("problems", e.problems());
            model.addAttribute("fileName", file == null || file.getOriginalFilename() == null ? ""
                    : file.getOriginalFilename());
            return "permitholders/import";
        }
    }

    private Household current(long id) {
        return register.read(id).orElseThrow(() -> new HouseholdNotFound(id)).household();
    }

    private static boolean moreRows(MultiValueMap<String, String> params) {
        var more = params.getFirst("more");
        return "members".equals(more) || "criteria".equals(more);
    }

    /** The form with more empty rows, the first new one focused so that the user continues there. */
    private static HouseholdInput more(HouseholdInput typed, MultiValueMap<String, String> params, Model model) {
        var more = params.getFirst("more");
        var wider = typed.withEmptyRows("members".equals(more) ? HouseholdInput.MORE_ROWS : 0,
                "criteria".equals(more) ? HouseholdInput.MORE_ROWS : 0);
        if ("members".equals(more)) {
            model.addAttribute("focusMember", firstBlank(wider.members().stream().map(HouseholdInput.MemberInput::blank).toList()));
        }
        else {
            model.addAttribute("focusCriterion",
                    firstBlank(wider.criteria().stream().map(HouseholdInput.CriterionInput::blank).toList()));
        }
        return wider;
    }

    /** The number (from 1) of the first of the trailing blank rows. */
    private static int firstBlank(List<Boolean> blank) {
        int first = blank.size();
        while (first > 0 && blank.get(first - 1)) {
            first--;
        }
        return first + 1;
    }

    private String form(Model model, Household household, HouseholdInput input, List<Problem> problems) {
        model.addAttribute("household", household);
        model.addAttribute("input", input);
        model.addAttribute("problems", problems);
        model.addAttribute("errors", new FieldProblems(problems));
        model.addAttribute("permitDateFixed", household != null && household.stage() != Stage.AWAITING_LINK);
        if (household != null && !model.containsAttribute("version")) {
            model.addAttribute("version", household.version());
        }
        model.addAttribute("groups", areas.groups());
        model.addAttribute("ageBands", Member.AgeBand.values());
        model.addAttribute("sexes", Member.Sex.values());
        model.addAttribute("roles", Member.Role.values());
        model.addAttribute("educations", Profile.Education.values());
        model.addAttribute("workExperiences", Profile.WorkExperience.values());
        model.addAttribute("limitations", Profile.Limitation.values());
        model.addAttribute("criterionKinds", FirmCriterion.Kind.values());
        return "permitholders/form";
    }
}
