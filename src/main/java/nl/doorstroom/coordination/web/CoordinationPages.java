package nl.doorstroom.coordination.web;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import nl.doorstroom.coordination.CallList;
import nl.doorstroom.coordination.CallPolicy;
import nl.doorstroom.coordination.Commitment;
import nl.doorstroom.coordination.CommitmentConflict;
import nl.doorstroom.coordination.Commitments;
import nl.doorstroom.coordination.Contact;
import nl.doorstroom.coordination.ContactConflict;
import nl.doorstroom.coordination.Contacts;
import nl.doorstroom.coordination.CoordinationNotFound;
import nl.doorstroom.coordination.Coordinators;
import nl.doorstroom.coordination.WeeklyTarget;
import nl.doorstroom.documents.Chart;
import nl.doorstroom.identity.AuditTrail;
import nl.doorstroom.municipalities.Municipality;
import nl.doorstroom.municipalities.MunicipalityRegistry;
import nl.doorstroom.shared.EditConflict;
import nl.doorstroom.shared.FieldProblems;
import nl.doorstroom.shared.FormInput;
import nl.doorstroom.shared.InvalidInput;
import nl.doorstroom.shared.InvalidInput.Problem;
import nl.doorstroom.shared.MunicipalityCode;
import nl.doorstroom.shared.Notice;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The coordination centre's pages: the call list with its reasons and the municipalities set aside, the
 * policy, contacts (log one with commitments and follow-ups, read and change one), decisions on
 * commitments, the personal work list, the weekly target, and a municipality's commitments.
 */
@Controller
class CoordinationPages {

    private final CallList callList;
    private final Contacts contacts;
    private final Commitments commitments;
    private final WeeklyTarget weekly;
    private final MunicipalityRegistry registry;
    private final MessageSource messages;
    private final nl.doorstroom.coordination.WholePicture wholePicture;

    CoordinationPages(CallList callList, Contacts contacts, Commitments commitments, WeeklyTarget weekly,
            MunicipalityRegistry registry, MessageSource messages, nl.doorstroom.coordination.WholePicture wholePicture) {
        this.wholePicture = wholePicture;
        this.callList = callList;
        this.contacts = contacts;
        this.commitments = commitments;
        this.weekly = weekly;
        this.registry = registry;
        this.messages = messages;
    }

    @ExceptionHandler(CoordinationNotFound.class)
    void notFound(HttpServletResponse response) throws IOException {
        response.sendError(HttpStatus.NOT_FOUND.value());
    }

    private static LocalDate today() {
        return LocalDate.now(AuditTrail.ZONE);
    }

    private void common(Model model) {
        model.addAttribute("mayCoordinate", Coordinators.mayCoordinate());
        model.addAttribute("mayKeepPolicy", Coordinators.mayKeepPolicy());
        model.addAttribute("today", today());
    }

    private Map<MunicipalityCode, String> names() {
        return registry.names();
    }

    // ---- the call list

    @GetMapping("/coordination")
    String callList(Model model) {
        return callList(model, FieldProblems.NONE, "", "", "");
    }

    private String callList(Model model, FieldProblems errors, String municipality, String until, String reason) {
        var view = callList.on(today());
        common(model);
        model.addAttribute("view", view);
        model.addAttribute("errors", errors);
        model.addAttribute("problems", errors.besides(List.of("municipality", "until", "reason")));
        model.addAttribute("asideMunicipality", municipality);
        model.addAttribute("asideUntil", until);
        model.addAttribute("asideReason", reason);
        model.addAttribute("municipalities", registry.all());
        return "coordination/call-list";
    }

    @PostMapping("/coordination/set-aside")
    String setAside(@RequestParam(required = false) String municipality, @RequestParam(required = false) String until,
            @RequestParam(required = false) String reason, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        try {
            var input = new FormInput();
            var code = input.municipality("municipality", municipality);
            var date = input.date("until", until);
            input.check();
            callList.setAside(code, date, reason);
            redirect.addFlashAttribute("notice", Notice.of("coordination.setAside.done", code.value(), date.toString()));
            return "redirect:/coordination";
        }
        catch (InvalidInput e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return callList(model, new FieldProblems(e.problems()), nz(municipality), nz(until), nz(reason));
        }
    }

    @PostMapping("/coordination/set-aside/{code}/restore")
    String restore(@PathVariable String code, RedirectAttributes redirect) {
        try {
            var input = new FormInput();
            var municipality = input.municipality("municipality", code);
            input.check();
            callList.restore(municipality);
            redirect.addFlashAttribute("notice", Notice.of("coordination.restore.done", code));
        }
        catch (InvalidInput e) {
            redirect.addFlashAttribute("problems", new ArrayList<>(e.problems()));
        }
        return "redirect:/coordination";
    }

    // ---- the whole picture

    @GetMapping("/coordination/whole-picture")
    String wholePicture(@RequestParam(required = false) String province, Model model) {
        var rows = wholePicture.on(today());
        var chosen = province == null || province.isBlank() ? null : province.strip();
        common(model);
        model.addAttribute("rows", chosen == null ? rows : rows.stream()
                .filter(r -> registry.find(r.code()).map(m -> m.province().value().equals(chosen)).orElse(false)).toList());
        model.addAttribute("provinces", registry.provinces());
        model.addAttribute("province", chosen == null ? "" : chosen);
        model.addAttribute("cap", nl.doorstroom.coordination.EffortIndex.CAP);
        return "coordination/whole-picture";
    }

    // ---- the policy

    @GetMapping("/coordination/policy")
    String policy(Model model) {
        var view = callList.on(today());
        var values = new LinkedHashMap<String, String>();
        var current = view.policy().values();
        for (int i = 0; i < current.length; i++) {
            values.put(CallPolicy.FIELDS.get(i), String.valueOf(current[i]));
        }
        return policy(model, values, view.policyVersion(), FieldProblems.NONE);
    }

    private String policy(Model model, Map<String, String> values, int version, FieldProblems errors) {
        common(model);
        model.addAttribute("fields", CallPolicy.FIELDS);
        model.addAttribute("values", values);
        model.addAttribute("version", version);
        model.addAttribute("errors", errors);
        model.addAttribute("problems", errors.besides(CallPolicy.FIELDS));
        return "coordination/policy";
    }

    @PostMapping("/coordination/policy")
    String changePolicy(@RequestParam Map<String, String> params, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        var values = new LinkedHashMap<String, String>();
        CallPolicy.FIELDS.forEach(f -> values.put(f, params.getOrDefault(f, "")));
        int version = parseVersion(params.get("version"));
        try {
            var input = new FormInput();
            var numbers = new int[CallPolicy.FIELDS.size()];
            for (int i = 0; i < numbers.length; i++) {
                var field = CallPolicy.FIELDS.get(i);
                var value = input.integer(field, values.get(field));
                if (value == null) {
                    input.problem(Problem.of(field, "coordination.number.missing"));
                }
                numbers[i] = value == null ? 0 : value;
            }
            input.check();
            callList.changePolicy(CallPolicy.of(numbers), version);
            redirect.addFlashAttribute("notice", Notice.of("coordination.policy.changed"));
            return "redirect:/coordination";
        }
        catch (InvalidInput e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return policy(model, values, version, new FieldProblems(e.problems()));
        }
        catch (EditConflict e) {
            response.setStatus(HttpStatus.CONFLICT.value());
            return policy(model, values, version, new FieldProblems(List.of(Problem.of("version",
                    "coordination.policy.conflict"))));
        }
    }

    // ---- contacts

    @GetMapping("/coordination/contacts")
    String contactList(@RequestParam(required = false) String municipality, Model model) {
        var input = new FormInput();
        var code = input.municipality("municipality", municipality);
        input.check();
        common(model);
        model.addAttribute("contacts", contacts.recent(code, 200));
        model.addAttribute("names", names());
        model.addAttribute("municipality", code == null ? "" : code.value());
        return "coordination/contacts";
    }

    @GetMapping("/coordination/contacts/new")
    String newContact(@RequestParam(required = false) String municipality, Model model) {
        var values = new LinkedHashMap<String, String>();
        values.put("party", "MUNICIPALITY");
        values.put("kind", "CALL");
        values.put("occurredOn", today().toString());
        if (municipality != null) {
            values.put("municipality", municipality);
            values.put("commitments[0].municipality", municipality);
        }
        values.put("followUps[0].assignee", nl.doorstroom.identity.CurrentUser.actor());
        values.put("followUps[1].assignee", nl.doorstroom.identity.CurrentUser.actor());
        if (!Coordinators.mayCoordinate()) {
            throw new AccessDeniedException("Only coordinators log contacts");
        }
        return contactForm(model, new ContactInput(values), FieldProblems.NONE);
    }

    private String contactForm(Model model, ContactInput input, FieldProblems errors) {
        common(model);
        model.addAttribute("input", input);
        model.addAttribute("errors", errors);
        model.addAttribute("problems", errors.all().stream().filter(p -> !input.values().containsKey(p.field())
                && !List.of("party", "municipality", "province", "partyName", "kind", "occurredOn", "counterpart",
                        "outcome").contains(p.field()) && !p.field().contains("[")).toList());
        model.addAttribute("parties", Contact.Party.values());
        model.addAttribute("contactKinds", Contact.Kind.values());
        model.addAttribute("commitmentKinds", Commitment.Kind.values());
        model.addAttribute("commitmentRows", java.util.stream.IntStream.range(0, ContactInput.COMMITMENT_ROWS).boxed().toList());
        model.addAttribute("followUpRows", java.util.stream.IntStream.range(0, ContactInput.FOLLOW_UP_ROWS).boxed().toList());
        model.addAttribute("municipalities", registry.all());
        model.addAttribute("provinces", registry.provinces());
        model.addAttribute("assignees", contacts.assignees());
        return "coordination/contact-form";
    }

    @PostMapping("/coordination/contacts")
    String log(@RequestParam Map<String, String> params, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        var input = ContactInput.of(params);
        var form = new FormInput();
        var read = input.read(form);
        try {
            // Problems of reading are named by the form's rows already; the facade's by the rows it was given.
            form.check();
        }
        catch (InvalidInput e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return contactForm(model, input, new FieldProblems(e.problems()));
        }
        try {
            long id = contacts.log(read.form());
            redirect.addFlashAttribute("notice", Notice.of("coordination.contact.logged"));
            return "redirect:/coordination/contacts/" + id;
        }
        catch (InvalidInput e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return contactForm(model, input, new FieldProblems(read.onFormRows(e.problems())));
        }
    }

    @GetMapping("/coordination/contacts/{id}")
    String contact(@PathVariable long id, Model model) {
        var detail = contacts.find(id).orElseThrow(() -> new CoordinationNotFound("contact", id));
        return contact(model, detail, ContactInput.of(detail.contact()), FieldProblems.NONE, null);
    }

    private String contact(Model model, Contacts.ContactDetail detail, ContactInput input, FieldProblems errors,
            Contact stored) {
        common(model);
        model.addAttribute("detail", detail);
        model.addAttribute("names", names());
        model.addAttribute("input", input);
        model.addAttribute("errors", errors);
        model.addAttribute("problems", errors.besides(List.of("party", "municipality", "province", "partyName", "kind",
                "occurredOn", "counterpart", "outcome")));
        model.addAttribute("stored", stored);
        model.addAttribute("storedInput", stored == null ? null : ContactInput.of(stored));
        model.addAttribute("parties", Contact.Party.values());
        model.addAttribute("contactKinds", Contact.Kind.values());
        model.addAttribute("municipalities", registry.all());
        model.addAttribute("provinces", registry.provinces());
        var evidence = new LinkedHashMap<Long, Commitments.Evidence>();
        detail.commitments().forEach(c -> evidence.put(c.id(), commitments.evidence(c)));
        model.addAttribute("evidence", evidence);
        model.addAttribute("statuses", List.of(Commitment.Status.KEPT, Commitment.Status.PARTLY_KEPT,
                Commitment.Status.NOT_KEPT));
        return "coordination/contact";
    }

    @PostMapping("/coordination/contacts/{id}")
    String change(@PathVariable long id, @RequestParam Map<String, String> params, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        var input = ContactInput.of(params);
        try {
            var form = new FormInput();
            var read = input.read(form);
            form.check();
            contacts.change(id, parseVersion(params.get("version")), read.form());
            redirect.addFlashAttribute("notice", Notice.of("coordination.contact.changed"));
            return "redirect:/coordination/contacts/" + id;
        }
        catch (InvalidInput e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            var detail = contacts.find(id).orElseThrow(() -> new CoordinationNotFound("contact", id));
            return contact(model, detail, input, new FieldProblems(e.problems()), null);
        }
        catch (ContactConflict e) {
            // Told, and shown the difference: the form keeps what they entered, beside what is stored now.
            response.setStatus(HttpStatus.CONFLICT.value());
            var detail = contacts.find(id).orElseThrow(() -> new CoordinationNotFound("contact", id));
            var kept = new LinkedHashMap<>(input.values());
            kept.put("version", String.valueOf(e.stored().version()));
            return contact(model, detail, new ContactInput(kept), new FieldProblems(List.of(Problem.of("version",
                    "coordination.contact.conflict"))), e.stored());
        }
    }

    @PostMapping("/coordination/commitments/{id}/decision")
    String decide(@PathVariable long id, @RequestParam(required = false) String status,
            @RequestParam(required = false) String realisedPlaces, @RequestParam(required = false) String realisedOn,
            @RequestParam(required = false) String reason, @RequestParam(required = false) String version, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        var commitment = commitments.find(id).orElseThrow(() -> new CoordinationNotFound("commitment", id));
        var typed = new LinkedHashMap<String, String>();
        typed.put("status", nz(status));
        typed.put("realisedPlaces", nz(realisedPlaces));
        typed.put("realisedOn", nz(realisedOn));
        typed.put("reason", nz(reason));
        typed.put("version", nz(version));
        try {
            var input = new FormInput();
            var chosen = input.choice(Commitment.Status.class, "status", status, null);
            var places = input.integer("realisedPlaces", realisedPlaces);
            var on = input.date("realisedOn", realisedOn);
            input.check();
            commitments.decide(id, parseVersion(version), chosen, places, on, reason);
            redirect.addFlashAttribute("notice", Notice.of("coordination.commitment.decided", id));
            return "redirect:/coordination/contacts/" + commitment.contactId() + "#commitment-" + id;
        }
        catch (InvalidInput e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return decisionAgain(model, commitment, typed, new FieldProblems(e.problems()));
        }
        catch (CommitmentConflict e) {
            // Told, with what is stored now; what they typed stays in the form (with the version now stored).
            response.setStatus(HttpStatus.CONFLICT.value());
            typed.put("version", String.valueOf(e.stored().version()));
            return decisionAgain(model, commitment, typed, new FieldProblems(List.of(Problem.of("version",
                    "coordination.commitment.conflict", text(e.stored().status().messageKey(), org.springframework.context.i18n.LocaleContextHolder.getLocale()),
                    e.stored().realisedPlaces() == null ? "–" : String.valueOf(e.stored().realisedPlaces())))));
        }
    }

    private String decisionAgain(Model model, Commitment commitment, Map<String, String> typed, FieldProblems errors) {
        var detail = contacts.find(commitment.contactId())
                .orElseThrow(() -> new CoordinationNotFound("contact", commitment.contactId()));
        model.addAttribute("decisionFor", commitment.id());
        model.addAttribute("decisionTyped", typed);
        model.addAttribute("decisionErrors", errors);
        return contact(model, detail, ContactInput.of(detail.contact()), FieldProblems.NONE, null);
    }

    // ---- the work list

    @GetMapping("/coordination/work")
    String work(Model model) {
        common(model);
        model.addAttribute("followUps", contacts.workList());
        model.addAttribute("overdueCommitments", commitments.open(500).stream()
                .filter(c -> c.overdue(today())).toList());
        model.addAttribute("names", names());
        return "coordination/work";
    }

    @PostMapping("/coordination/follow-ups/{id}/done")
    String done(@PathVariable long id, @RequestParam(required = false) String version,
            @RequestParam(required = false) String back, RedirectAttributes redirect) {
        try {
            contacts.complete(id, parseVersion(version));
            redirect.addFlashAttribute("notice", Notice.of("coordination.followUp.completed"));
        }
        catch (InvalidInput e) {
            redirect.addFlashAttribute("problems", new ArrayList<>(e.problems()));
        }
        catch (EditConflict e) {
            redirect.addFlashAttribute("problems", new ArrayList<>(List.of(Problem.of("version",
                    "coordination.followUp.conflict"))));
        }
        return "redirect:" + (back != null && back.startsWith("/coordination/") ? back : "/coordination/work");
    }

    // ---- the weekly target

    @GetMapping("/coordination/weekly")
    String weekly(@RequestParam(defaultValue = "12") int weeks, Model model, Locale locale) {
        var figures = weekly.figures(weeks, today());
        common(model);
        model.addAttribute("figures", figures);
        var format = DateTimeFormatter.ofPattern("d-M");
        var categories = figures.weeks().stream().map(format::format).toList();
        var kinds = new ArrayList<Chart.Series>();
        figures.byKind().forEach((kind, values) -> kinds.add(new Chart.Series(text(kind.messageKey(), locale), values,
                "extra")));
        model.addAttribute("kindChart", Chart.bar(categories, kinds).withMarkLine(text("coordination.weekly.target", locale),
                figures.target()).withYAxisName(text("coordination.weekly.places", locale)).json());
        var provinces = new ArrayList<Chart.Series>();
        figures.byProvince().forEach((province, values) -> provinces.add(new Chart.Series(province, values, "extra")));
        model.addAttribute("provinceChart", Chart.bar(categories, provinces)
                .withYAxisName(text("coordination.weekly.places", locale)).json());
        var targetLine = new ArrayList<Long>();
        for (int i = 1; i <= categories.size(); i++) {
            targetLine.add((long) figures.target() * i);
        }
        model.addAttribute("cumulativeChart", Chart.line(categories, List.of(
                new Chart.Series(text("coordination.weekly.cumulative", locale), figures.cumulative()),
                new Chart.Series(text("coordination.weekly.cumulativeTarget", locale), targetLine)))
                .withYAxisName(text("coordination.weekly.places", locale)).json());
        model.addAttribute("categories", categories);
        return "coordination/weekly";
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    // ---- a municipality's commitments

    @GetMapping("/coordination/municipalities/{code}")
    String municipality(@PathVariable String code, Model model) {
        var municipality = municipality(code).orElseThrow(() -> new CoordinationNotFound("municipality", 0));
        common(model);
        model.addAttribute("municipality", municipality);
        model.addAttribute("record", commitments.of(municipality.code()));
        model.addAttribute("mayReadContacts", Coordinators.mayRead());
        return "coordination/municipality";
    }

    /** The same, as a section for the municipality's progress page (empty for those who may not see it). */
    @GetMapping("/coordination/municipalities/{code}/commitments")
    String municipalitySection(@PathVariable String code, Model model) {
        var municipality = municipality(code).map(Municipality::code).orElse(null);
        if (municipality == null || !Commitments.mayRead(municipality)) {
            return "coordination/municipality :: nothing";
        }
        try {
            model.addAttribute("record", commitments.of(municipality));
        }
        catch (AccessDeniedException e) {
            return "coordination/municipality :: nothing";
        }
        model.addAttribute("municipalityCode", municipality.value());
        return "coordination/municipality :: commitments";
    }

    /** The municipality of a code in a path; none for a code that is not one (a 404, never a 500). */
    private java.util.Optional<Municipality> municipality(String code) {
        try {
            return registry.find(MunicipalityCode.parse(code));
        }
        catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }

    private static int parseVersion(String text) {
        try {
            return text == null ? -1 : Integer.parseInt(text.strip());
        }
        catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String nz(String text) {
        return text == null ? "" : text;
    }
}
