package nl.doorstroom.supervision.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import nl.doorstroom.identity.AuditTrail;
import nl.doorstroom.identity.CurrentUser;
import nl.doorstroom.identity.ScopeKind;
import nl.doorstroom.municipalities.MunicipalityRegistry;
import nl.doorstroom.progress.Colour;
import nl.doorstroom.progress.ProgressMonitor;
import nl.doorstroom.shared.EditConflict;
import nl.doorstroom.shared.FieldProblems;
import nl.doorstroom.shared.FormInput;
import nl.doorstroom.shared.HalfYear;
import nl.doorstroom.shared.InvalidInput;
import nl.doorstroom.shared.InvalidInput.Problem;
import nl.doorstroom.shared.MunicipalityCode;
import nl.doorstroom.shared.Notice;
import nl.doorstroom.shared.ProvinceCode;
import nl.doorstroom.supervision.Assessment;
import nl.doorstroom.supervision.Assessments;
import nl.doorstroom.supervision.CasePolicy;
import nl.doorstroom.supervision.EscalationCase;
import nl.doorstroom.supervision.EscalationLadders;
import nl.doorstroom.supervision.Escalations;
import nl.doorstroom.supervision.StepKind;
import nl.doorstroom.supervision.SupervisionNotFound;
import nl.doorstroom.supervision.Supervisors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
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
 * Supervision pages: the nation's and each province's picture of cases (where does the process stall),
 * the overdue list, the assessments of a half-year, a municipality's assessments and cases, and a case
 * with everything that can be done to it.
 */
@Controller
class SupervisionPages {

    private final Escalations escalations;
    private final Assessments assessments;
    private final EscalationLadders ladders;
    private final CasePolicy policy;
    private final MunicipalityRegistry registry;
    private final ProgressMonitor progress;

    SupervisionPages(Escalations escalations, Assessments assessments, EscalationLadders ladders, CasePolicy policy,
            MunicipalityRegistry registry, ProgressMonitor progress) {
        this.escalations = escalations;
        this.assessments = assessments;
        this.ladders = ladders;
        this.policy = policy;
        this.registry = registry;
        this.progress = progress;
    }

    @ExceptionHandler(SupervisionNotFound.class)
    void notFound(HttpServletResponse response) throws IOException {
        response.sendError(HttpStatus.NOT_FOUND.value());
    }

    static LocalDate today() {
        return LocalDate.now(AuditTrail.ZONE);
    }

    private ProvinceCode province(String code) {
        var parsed = code == null ? null : provinceOrNull(code);
        if (parsed == null || !registry.exists(parsed)) {
            throw new SupervisionNotFound("province " + code);
        }
        return parsed;
    }

    private void common(Model model) {
        model.addAttribute("today", today());
        model.addAttribute("stepKinds", StepKind.values());
    }

    // ---- overviews

    @GetMapping("/supervision")
    String overview(Model model) {
        var user = CurrentUser.get().orElseThrow(() -> new AccessDeniedException("Not signed in"));
        if (!Supervisors.mayRead()) {
            throw new AccessDeniedException("This role does not see supervision");
        }
        if (user.scope().kind() == ScopeKind.PROVINCE) {
            return "redirect:/supervision/provinces/" + user.scope().province().value();
        }
        if (user.scope().kind() != ScopeKind.NATION) {
            return "redirect:/supervision/municipalities/" + user.scope().municipalities().first().value();
        }
        common(model);
        model.addAttribute("dashboard", escalations.dashboard(null, today()));
        model.addAttribute("byProvince", escalations.openByProvince());
        model.addAttribute("provinces", registry.provinces());
        model.addAttribute("kinds", List.of(StepKind.values()));
        return "supervision/overview";
    }

    @GetMapping("/supervision/provinces/{code}")
    String province(@PathVariable String code, Model model) {
        var province = province(code);
        var cases = escalations.cases(province, null, true);
        common(model);
        model.addAttribute("province", registry.province(province).orElseThrow());
        model.addAttribute("dashboard", escalations.dashboard(province, today()));
        model.addAttribute("cases", cases);
        model.addAttribute("ladder", ladders.of(province));
        // Which municipalities the policy would open a case for: for readers of the whole province only.
        boolean wholeProvince = CurrentUser.get().map(u -> u.scope().coversProvince(province)).orElse(false);
        model.addAttribute("qualifying", wholeProvince ? policy.qualifying(province) : List.of());
        model.addAttribute("wholeProvince", wholeProvince);
        model.addAttribute("maySupervise", Supervisors.maySupervise(province));
        return "supervision/province";
    }

    @PostMapping("/supervision/provinces/{code}/policy")
    String applyPolicy(@PathVariable String code, RedirectAttributes redirect) {
        var opened = policy.apply(province(code));
        redirect.addFlashAttribute("notice", Notice.of("supervision.policy.applied", opened.size()));
        return "redirect:/supervision/provinces/" + code;
    }

    @GetMapping("/supervision/overdue")
    String overdue(@RequestParam(required = false) String date, @RequestParam(required = false) String province,
            Model model, HttpServletResponse response) {
        var input = new FormInput();
        var on = FormInput.blank(date) ? today() : input.date("date", date);
        var in = FormInput.blank(province) ? null : provinceOrNull(province);
        if (!FormInput.blank(province) && (in == null || !registry.exists(in))) {
            input.problem(Problem.of("province", "supervision.province.unknown"));
        }
        common(model);
        model.addAttribute("provinces", registry.provinces());
        model.addAttribute("dateText", date == null ? today().toString() : date);
        model.addAttribute("provinceText", province == null ? "" : province);
        if (input.hasProblems()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            var problems = new ArrayList<Problem>();
            try {
                input.check();
            }
            catch (InvalidInput e) {
                problems.addAll(e.problems());
            }
            model.addAttribute("errors", new FieldProblems(problems));
            model.addAttribute("cases", List.of());
            model.addAttribute("date", today());
            return "supervision/overdue";
        }
        model.addAttribute("errors", FieldProblems.NONE);
        model.addAttribute("date", on);
        model.addAttribute("cases", escalations.overdue(on, in));
        return "supervision/overdue";
    }

    // ---- assessments

    @GetMapping("/supervision/assessments")
    String assessments(@RequestParam(required = false) String period, @RequestParam(required = false) String province,
            Model model) {
        var periods = assessments.assessedPeriods();
        var user = CurrentUser.get().orElseThrow();
        HalfYear chosen = periods.isEmpty() ? null : periods.get(0);
        if (!FormInput.blank(period)) {
            try {
                var parsed = HalfYear.parse(period);
                if (periods.contains(parsed)) {
                    chosen = parsed;
                }
            }
            catch (IllegalArgumentException e) {
                // An unknown period shows the latest.
            }
        }
        ProvinceCode in = user.scope().kind() == ScopeKind.PROVINCE ? user.scope().province()
                : FormInput.blank(province) ? null : provinceOrNull(province);
        if (in != null && !registry.exists(in)) {
            in = null;
        }
        common(model);
        model.addAttribute("periods", periods);
        model.addAttribute("period", chosen);
        model.addAttribute("province", in);
        model.addAttribute("provinces", registry.provinces());
        model.addAttribute("rows", chosen == null ? List.of() : assessments.forPeriod(chosen, in));
        model.addAttribute("colours", Colour.values());
        model.addAttribute("outcomes", Assessment.Outcome.values());
        model.addAttribute("maySupervise", in != null && Supervisors.maySupervise(in));
        model.addAttribute("superviseAll", Supervisors.maySuperviseAnywhere()
                && user.scope().kind() == ScopeKind.NATION);
        return "supervision/assessments";
    }

    @PostMapping("/supervision/assessments")
    String decide(@RequestParam(required = false) String municipality, @RequestParam(required = false) String period,
            @RequestParam(required = false) String outcome, @RequestParam(required = false) String colour,
            @RequestParam(required = false) String reason, @RequestParam(defaultValue = "-1") int version,
            @RequestParam(required = false) String province, RedirectAttributes redirect) {
        var back = "redirect:/supervision/assessments?period=" + (period == null ? "" : period)
                + (FormInput.blank(province) ? "" : "&province=" + province) + "#m-" + municipality;
        try {
            var input = new FormInput();
            var code = input.municipality("municipality", municipality);
            var half = input.halfYear("period", period);
            var decided = input.choice(Assessment.Outcome.class, "outcome", outcome, null);
            var chosenColour = input.choice(Colour.class, "colour", colour, null);
            input.check();
            assessments.decide(code, half, decided, chosenColour, reason, version);
            redirect.addFlashAttribute("notice", Notice.of("supervision.assessment.saved", registry.names()
                    .getOrDefault(code, code.value())));
        }
        catch (InvalidInput e) {
            redirect.addFlashAttribute("problems", new ArrayList<>(e.problems()));
            redirect.addFlashAttribute("failed", municipality);
            redirect.addFlashAttribute("failedReason", reason);
            redirect.addFlashAttribute("failedOutcome", outcome);
            redirect.addFlashAttribute("failedColour", colour);
        }
        catch (EditConflict e) {
            redirect.addFlashAttribute("problems", new ArrayList<>(List.of(Problem.of("version",
                    "supervision.assessment.conflict"))));
        }
        return back;
    }

    @PostMapping("/supervision/assessments/confirm-all")
    String confirmAll(@RequestParam String province, @RequestParam String period, RedirectAttributes redirect) {
        var code = province(province);
        try {
            int confirmed = assessments.confirmAll(code, HalfYear.parse(period));
            redirect.addFlashAttribute("notice", Notice.of("supervision.assessment.confirmedAll", confirmed));
        }
        catch (IllegalArgumentException e) {
            throw new SupervisionNotFound("period " + period);
        }
        catch (EditConflict e) {
            redirect.addFlashAttribute("problems", new ArrayList<>(List.of(Problem.of("version",
                    "supervision.assessment.conflict"))));
        }
        return "redirect:/supervision/assessments?period=" + period + "&province=" + province;
    }

    // ---- a municipality

    @GetMapping("/supervision/municipalities/{code}")
    String municipality(@PathVariable String code, Model model) {
        return municipality(code, model, FieldProblems.NONE, Map.of());
    }

    private String municipality(String code, Model model, FieldProblems errors, Map<String, String> input) {
        var parsed = municipalityOrNull(code);
        var municipality = parsed == null ? null : registry.find(parsed).orElse(null);
        if (municipality == null) {
            throw new SupervisionNotFound("municipality " + code);
        }
        var history = assessments.history(municipality.code());
        var cases = escalations.cases(null, municipality.code(), false);
        common(model);
        model.addAttribute("municipality", municipality);
        model.addAttribute("history", history);
        model.addAttribute("cases", cases);
        model.addAttribute("hasOpen", cases.stream().anyMatch(EscalationCase::isOpen));
        model.addAttribute("maySupervise", Supervisors.maySupervise(municipality.province()));
        model.addAttribute("ladder", ladders.of(municipality.province()));
        model.addAttribute("current", progress.at(today()).municipality(municipality.code())
                .map(m -> m.current()).orElse(null));
        model.addAttribute("errors", errors);
        model.addAttribute("problems", errors.besides(OPEN_FIELDS));
        model.addAttribute("input", input);
        return "supervision/municipality";
    }

    private static final List<String> OPEN_FIELDS = List.of("openedOn", "reason", "decisionMaker", "stepKey",
            "justification", "notes");

    @PostMapping("/supervision/municipalities/{code}/cases")
    String open(@PathVariable String code, @RequestParam Map<String, String> params, Model model,
            HttpServletResponse response) {
        var input = new FormInput();
        var municipality = input.municipality("municipality", code);
        var openedOn = dateOf(input, "openedOn", params);
        try {
            input.check();
            long id = escalations.open(new Escalations.CaseOpening(municipality, openedOn, params.get("reason"),
                    params.get("decisionMaker"), params.get("stepKey"), params.get("justification"),
                    params.get("notes")));
            return "redirect:/supervision/cases/" + id;
        }
        catch (InvalidInput e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return municipality(code, model, new FieldProblems(e.problems()), params);
        }
    }

    // ---- a case

    @GetMapping("/supervision/cases/{id}")
    String showCase(@PathVariable long id, Model model) {
        return showCase(id, model, "", FieldProblems.NONE, Map.of(), false);
    }

    private String showCase(long id, Model model, String form, FieldProblems errors, Map<String, String> input,
            boolean conflict) {
        var found = escalations.find(id);
        var ladder = ladders.of(found.province());
        common(model);
        model.addAttribute("c", found);
        model.addAttribute("ladder", ladder);
        model.addAttribute("next", found.isOpen() ? ladder.after(found.current().key()).orElse(null) : null);
        model.addAttribute("maySupervise", Supervisors.maySupervise(found.province()));
        model.addAttribute("mayRecordRequest", Supervisors.mayRecordMinisterRequest(found.province()));
        model.addAttribute("figures", progress.at(today()).municipality(found.municipality()).orElse(null));
        model.addAttribute("history", historyOf(found.municipality(), found.municipalityName()));
        model.addAttribute("closures", EscalationCase.Closure.values());
        model.addAttribute("actionKinds", EscalationCase.ActionKind.values());
        model.addAttribute("documentKinds", nl.doorstroom.supervision.DocumentKind.values());
        // The first document that belongs to the case's step, so the form offers what fits.
        model.addAttribute("defaultDocument", java.util.Arrays.stream(nl.doorstroom.supervision.DocumentKind.values())
                .filter(k -> k.step() == found.current().kind()).findFirst().map(Enum::name).orElse(""));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("input", input);
        model.addAttribute("conflict", conflict);
        model.addAttribute("problems", errors.all());
        return "supervision/case";
    }

    /** A municipality's assessments; none for one that left the register (merged), whose case still shows. */
    private nl.doorstroom.supervision.AssessmentHistory historyOf(MunicipalityCode code, String name) {
        try {
            return assessments.history(code);
        }
        catch (SupervisionNotFound e) {
            return new nl.doorstroom.supervision.AssessmentHistory(code, name, List.of());
        }
    }

    /** Runs a change of the case; on bad input the case page again with the form's problems, the input kept. */
    private String change(long id, String form, Map<String, String> params, Model model, HttpServletResponse response,
            RedirectAttributes redirect, CaseChange change, String notice) {
        try {
            change.apply(new FormInput());
            redirect.addFlashAttribute("notice", Notice.of(notice));
            return "redirect:/supervision/cases/" + id + "#" + form;
        }
        catch (InvalidInput e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return showCase(id, model, form, new FieldProblems(e.problems()), params, false);
        }
        catch (EditConflict e) {
            response.setStatus(HttpStatus.CONFLICT.value());
            return showCase(id, model, form, FieldProblems.NONE, params, true);
        }
    }

    @FunctionalInterface
    private interface CaseChange {
        void apply(FormInput input);
    }

    @PostMapping("/supervision/cases/{id}/steps")
    String move(@PathVariable long id, @RequestParam Map<String, String> params, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        return change(id, "move", params, model, response, redirect, input -> {
            var stepOn = dateOf(input, "stepOn", params);
            var deadline = dateOf(input, "deadline", params);
            input.check();
            escalations.move(id, version(params), new Escalations.StepMove(params.get("stepKey"), stepOn,
                    params.get("decisionMaker"), params.get("notes"), params.get("justification"), deadline,
                    "on".equals(params.get("urgent")) || "true".equals(params.get("urgent"))));
        }, "supervision.case.moved");
    }

    @PostMapping("/supervision/cases/{id}/closure")
    String close(@PathVariable long id, @RequestParam Map<String, String> params, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        return change(id, "close", params, model, response, redirect, input -> {
            var closure = input.choice(EscalationCase.Closure.class, "closure", params.get("closure"), null);
            var closedOn = dateOf(input, "closedOn", params);
            var places = input.integer("commitmentPlaces", params.get("commitmentPlaces"));
            var due = dateOf(input, "commitmentDue", params);
            var committedOn = dateOf(input, "commitmentOn", params);
            input.check();
            escalations.close(id, version(params), new Escalations.CaseClosing(closure, closedOn, params.get("note"),
                    params.get("commitmentText"), places, due, committedOn, params.get("commitmentBy")));
        }, "supervision.case.closedNotice");
    }

    @PostMapping("/supervision/cases/{id}/course-of-action")
    String agree(@PathVariable long id, @RequestParam Map<String, String> params, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        return change(id, "course", params, model, response, redirect, input -> {
            var kind = input.choice(EscalationCase.ActionKind.class, "kind", params.get("kind"), null);
            var places = input.integer("places", params.get("places"));
            var due = dateOf(input, "dueOn", params);
            var agreedOn = dateOf(input, "agreedOn", params);
            input.check();
            escalations.agree(id, new Escalations.CourseInput(kind, params.get("description"), places, due,
                    params.get("partners"), agreedOn));
        }, "supervision.course.saved");
    }

    @PostMapping("/supervision/cases/{id}/costs")
    String cost(@PathVariable long id, @RequestParam Map<String, String> params, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        return change(id, "costs", params, model, response, redirect, input -> {
            var on = dateOf(input, "incurredOn", params);
            BigDecimal amount = null;
            var text = params.get("amount");
            if (!FormInput.blank(text)) {
                try {
                    amount = parseAmount(text);
                }
                catch (NumberFormatException e) {
                    input.problem(Problem.of("amount", "supervision.amount.invalid"));
                }
            }
            input.check();
            escalations.recordCost(id, on, params.get("description"), amount);
        }, "supervision.cost.saved");
    }

    /** Euros as a civil servant writes them: with a decimal comma and thousands points (12.500,50) or a decimal point. */
    static BigDecimal parseAmount(String text) {
        var t = text.strip().replace("€", "").replace(" ", "");
        if (t.contains(",")) {
            t = t.replace(".", "").replace(',', '.');
        }
        else if (t.chars().filter(ch -> ch == '.').count() > 1 || t.matches("\\d{1,3}(\\.\\d{3})+")) {
            t = t.replace(".", "");
        }
        return new BigDecimal(t);
    }

    @PostMapping("/supervision/cases/{id}/minister-requests")
    String ministerRequest(@PathVariable long id, @RequestParam Map<String, String> params, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        return change(id, "minister", params, model, response, redirect, input -> {
            var on = dateOf(input, "requestedOn", params);
            input.check();
            escalations.recordMinisterRequest(id, on, params.get("reference"), params.get("note"));
        }, "supervision.minister.saved");
    }

    @PostMapping("/supervision/cases/{id}/documents/{document}/publication")
    String publication(@PathVariable long id, @PathVariable long document, @RequestParam Map<String, String> params,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        return change(id, "documents", params, model, response, redirect, input -> {
            var published = dateOf(input, "publishedOn", params);
            var sent = dateOf(input, "sentToCouncilOn", params);
            input.check();
            escalations.recordPublication(id, document, published, sent);
        }, "supervision.publication.saved");
    }

    @PostMapping("/supervision/cases/{id}/documents")
    String writeDocument(@PathVariable long id, @RequestParam Map<String, String> params, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        return change(id, "documents", params, model, response, redirect, input -> {
            var kind = input.choice(nl.doorstroom.supervision.DocumentKind.class, "documentKind",
                    params.get("documentKind"), null);
            var deadline = dateOf(input, "documentDeadline", params);
            input.check();
            escalations.writeDocument(id, kind, deadline);
        }, "supervision.document.written");
    }

    @GetMapping("/supervision/cases/{id}/documents/{document}")
    ResponseEntity<byte[]> document(@PathVariable long id, @PathVariable long document) {
        return nl.doorstroom.documents.PdfDocuments.download(escalations.pdf(id, document),
                "zaak-" + id + "-document-" + document);
    }

    // ---- the ladder

    /** One row of the ladder form, as text, so that bad input shows again as typed. */
    public record LadderRow(String key, String order, String kind, String name, String term, int proposed) {
    }

    @GetMapping("/supervision/provinces/{code}/ladder")
    String ladder(@PathVariable String code, Model model) {
        var province = province(code);
        if (!Supervisors.mayRead() || CurrentUser.get().map(u -> !u.scope().coversProvince(province)
                && u.scope().kind() != ScopeKind.NATION).orElse(true)) {
            throw new AccessDeniedException("Another province's ladder");
        }
        var ladder = ladders.of(province);
        var rows = new ArrayList<LadderRow>();
        for (int i = 0; i < ladder.steps().size(); i++) {
            var s = ladder.steps().get(i);
            rows.add(new LadderRow(s.key(), String.valueOf((i + 1) * 10), s.kind().name(), s.named() ? s.name() : "",
                    s.termDays() == null ? "" : String.valueOf(s.termDays()), s.kind().proposedTermDays()));
        }
        return ladder(province, model, rows, ladder.openAfterMissed() == null ? "" : ladder.openAfterMissed().toString(),
                ladder.version(), FieldProblems.NONE);
    }

    private String ladder(ProvinceCode province, Model model, List<LadderRow> rows, String openAfterMissed, int version,
            FieldProblems errors) {
        var shown = new ArrayList<>(rows);
        // Two empty rows to add steps of the province's own.
        int last = shown.stream().mapToInt(r -> parseOrder(r.order())).max().orElse(0);
        shown.add(new LadderRow("", String.valueOf(last + 10), "", "", "", StepKind.OTHER.proposedTermDays()));
        shown.add(new LadderRow("", String.valueOf(last + 20), "", "", "", StepKind.OTHER.proposedTermDays()));
        common(model);
        model.addAttribute("province", registry.province(province).orElseThrow());
        model.addAttribute("ladder", ladders.of(province));
        model.addAttribute("rows", shown);
        model.addAttribute("openAfterMissed", openAfterMissed);
        model.addAttribute("version", version);
        model.addAttribute("errors", errors);
        model.addAttribute("problems", errors.all());
        model.addAttribute("maySupervise", Supervisors.maySupervise(province));
        return "supervision/ladder";
    }

    private static int parseOrder(String text) {
        try {
            return Integer.parseInt(text.strip());
        }
        catch (RuntimeException e) {
            return 0;
        }
    }

    @PostMapping("/supervision/provinces/{code}/ladder")
    String changeLadder(@PathVariable String code, @RequestParam Map<String, String> params, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        var province = province(code);
        int count = Math.min(parseOrder(params.getOrDefault("rows", "0")), 40);
        var typed = new ArrayList<LadderRow>();
        for (int i = 0; i < count; i++) {
            if (params.containsKey("remove" + i)) {
                continue;
            }
            var kind = params.getOrDefault("kind" + i, "");
            if (kind.isBlank()) {
                continue;
            }
            var proposed = StepKind.OTHER.proposedTermDays();
            try {
                proposed = StepKind.valueOf(kind).proposedTermDays();
            }
            catch (IllegalArgumentException e) {
                // Reported below.
            }
            typed.add(new LadderRow(params.getOrDefault("key" + i, ""), params.getOrDefault("order" + i, ""), kind,
                    params.getOrDefault("name" + i, ""), params.getOrDefault("term" + i, ""), proposed));
        }
        // Rows in the order the user numbered them; ties keep the form's order.
        typed.sort(java.util.Comparator.comparingInt(r -> parseOrder(r.order())));
        var openAfter = params.getOrDefault("openAfterMissed", "");
        int version = version(params);
        var problems = new ArrayList<Problem>();
        var steps = new ArrayList<nl.doorstroom.supervision.LadderStep>();
        for (int i = 0; i < typed.size(); i++) {
            var row = typed.get(i);
            StepKind kind = null;
            try {
                kind = StepKind.valueOf(row.kind());
            }
            catch (IllegalArgumentException e) {
                problems.add(Problem.atRow(i + 1, "kind", "form.choice.invalid", row.kind()));
            }
            Integer term = null;
            if (!row.term().isBlank()) {
                try {
                    term = Integer.parseInt(row.term().strip());
                }
                catch (NumberFormatException e) {
                    problems.add(Problem.atRow(i + 1, "term", "form.number.notWhole", row.term()));
                }
            }
            steps.add(new nl.doorstroom.supervision.LadderStep(row.key().isBlank() ? null : row.key(),
                    kind == null ? StepKind.OTHER : kind, row.name().isBlank() ? null : row.name(), term));
        }
        var input = new FormInput();
        var after = input.integer("openAfterMissed", openAfter);
        try {
            input.check();
        }
        catch (InvalidInput e) {
            problems.addAll(e.problems());
        }
        try {
            if (!problems.isEmpty()) {
                throw new InvalidInput(problems);
            }
            ladders.change(province, steps, after, version);
            redirect.addFlashAttribute("notice", Notice.of("supervision.ladder.saved"));
            return "redirect:/supervision/provinces/" + province.value() + "/ladder";
        }
        catch (InvalidInput e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return ladder(province, model, typed, openAfter, version, new FieldProblems(e.problems()));
        }
        catch (EditConflict e) {
            response.setStatus(HttpStatus.CONFLICT.value());
            return ladder(province, model, typed, openAfter, version,
                    new FieldProblems(List.of(Problem.of("version", "supervision.ladder.conflict"))));
        }
    }

    // ---- input

    private static LocalDate dateOf(FormInput input, String field, Map<String, String> params) {
        return input.date(field, params.get(field));
    }

    private static int version(Map<String, String> params) {
        try {
            return Integer.parseInt(params.getOrDefault("version", "-2"));
        }
        catch (NumberFormatException e) {
            return -2;
        }
    }

    static ProvinceCode provinceOrNull(String text) {
        try {
            return text == null ? null : ProvinceCode.of(text.strip().toUpperCase(java.util.Locale.ROOT));
        }
        catch (IllegalArgumentException e) {
            return null;
        }
    }

    static MunicipalityCode municipalityOrNull(String text) {
        try {
            return text == null ? null : MunicipalityCode.parse(text);
        }
        catch (IllegalArgumentException e) {
            return null;
        }
    }

    static Map<String, String> copy(Map<String, String> params) {
        return new LinkedHashMap<>(params);
    }
}
