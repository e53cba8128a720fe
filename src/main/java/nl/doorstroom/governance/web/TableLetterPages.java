package nl.doorstroom.governance.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;

import jakarta.servlet.http.HttpServletResponse;
import nl.doorstroom.documents.PdfDocuments;
import nl.doorstroom.governance.OpenDataFigures;
import nl.doorstroom.governance.TableLetterBatches;
import nl.doorstroom.governance.TableLetterSelection;
import nl.doorstroom.governance.TableLetterTemplate;
import nl.doorstroom.governance.TableLetterTemplates;
import nl.doorstroom.governance.TableLetterWriters;
import nl.doorstroom.identity.CurrentUser;
import nl.doorstroom.identity.ScopeKind;
import nl.doorstroom.municipalities.MunicipalityRegistry;
import nl.doorstroom.progress.Colour;
import nl.doorstroom.quota.Quotas;
import nl.doorstroom.shared.EditConflict;
import nl.doorstroom.shared.FieldProblems;
import nl.doorstroom.shared.HalfYear;
import nl.doorstroom.shared.InvalidInput;
import nl.doorstroom.shared.InvalidInput.Problem;
import nl.doorstroom.shared.MunicipalityCode;
import nl.doorstroom.shared.Notice;
import nl.doorstroom.shared.ProvinceCode;
import nl.doorstroom.supervision.StepKind;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The table's letters: the templates, the batches written (to download), the quota letters of each published
 * half-year (written by the quota module), a template to read or change, and choosing municipalities to write to.
 * {@link TableLetterWriters} decides who does what.
 */
@Controller
class TableLetterPages {

    private static final String LETTERS = "/governance/letters";

    private final TableLetterTemplates templates;
    private final TableLetterBatches batches;
    private final MunicipalityRegistry registry;
    private final Quotas quotas;

    TableLetterPages(TableLetterTemplates templates, TableLetterBatches batches, MunicipalityRegistry registry,
            Quotas quotas) {
        this.templates = templates;
        this.batches = batches;
        this.registry = registry;
        this.quotas = quotas;
    }

    /** A placeholder as written in a text, with the key of its explanation. */
    record Placeholder(String written, String messageKey) {
    }

    /** A batch as the list shows it: the names of the municipalities addressed. */
    record BatchRow(nl.doorstroom.governance.TableLetterBatch batch, String municipalities) {
    }

    @ExceptionHandler(NoSuchElementException.class)
    void notFound(HttpServletResponse response) throws IOException {
        response.sendError(HttpStatus.NOT_FOUND.value());
    }

    @GetMapping(LETTERS)
    String letters(Model model) {
        var names = registry.names();
        model.addAttribute("templates", templates.templates());
        model.addAttribute("batches", batches.batches(100).stream().map(b -> new BatchRow(b, String.join(", ",
                b.municipalities().stream().map(c -> names.getOrDefault(c, c.value())).toList()))).toList());
        var periods = new ArrayList<>(quotas.periods());
        java.util.Collections.reverse(periods);
        model.addAttribute("quotaPeriods", periods);
        model.addAttribute("mayKeep", TableLetterWriters.mayKeepTemplates());
        return "governance/letters";
    }

    @GetMapping(LETTERS + "/templates/new")
    String newTemplate(Model model) {
        requireKeeper();
        return form(model, null, "", "", "", -1, FieldProblems.NONE, null);
    }

    @PostMapping(LETTERS + "/templates")
    String add(@RequestParam(required = false) String letterName, @RequestParam(required = false) String letterSubject,
            @RequestParam(required = false) String body, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        try {
            var saved = templates.add(letterName, letterSubject, body);
            redirect.addFlashAttribute("notice", Notice.of("governance.letter.template.added", saved.name()));
            return "redirect:" + LETTERS + "/templates/" + saved.id();
        }
        catch (InvalidInput e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return form(model, null, letterName, letterSubject, body, -1, new FieldProblems(e.problems()), null);
        }
    }

    @GetMapping(LETTERS + "/templates/{id}")
    String template(@PathVariable long id, Model model) {
        var current = templates.template(id);
        return form(model, current, current.name(), current.subject(), current.body(), current.version(),
                FieldProblems.NONE, null);
    }

    @PostMapping(LETTERS + "/templates/{id}")
    String change(@PathVariable long id, @RequestParam(required = false) String letterName,
            @RequestParam(required = false) String letterSubject, @RequestParam(required = false) String body,
            @RequestParam(required = false) String version, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        int read = parseVersion(version);
        try {
            var saved = templates.change(id, read, letterName, letterSubject, body);
            redirect.addFlashAttribute("notice", Notice.of("governance.letter.template.changed", saved.name(),
                    saved.version()));
            return "redirect:" + LETTERS + "/templates/" + id;
        }
        catch (InvalidInput e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return form(model, templates.template(id), letterName, letterSubject, body, read,
                    new FieldProblems(e.problems()), null);
        }
        catch (EditConflict e) {
            // Someone changed it since it was read: what was typed stays, the stored text is shown beside it.
            response.setStatus(HttpStatus.CONFLICT.value());
            var current = templates.template(id);
            return form(model, current, letterName, letterSubject, body, current.version(),
                    new FieldProblems(List.of(Problem.of("version", "governance.letter.template.conflict"))), current);
        }
    }

    @GetMapping(LETTERS + "/new")
    String choose(@RequestParam(required = false) String province, @RequestParam(required = false) String colour,
            @RequestParam(required = false) String step, @RequestParam(required = false) String codes,
            @RequestParam(required = false) String template, Model model) {
        var problems = new ArrayList<Problem>();
        var selection = selection(province, colour, step, codes, problems);
        var date = OpenDataFigures.today();
        var allTemplates = templates.templates();
        model.addAttribute("templates", allTemplates);
        model.addAttribute("templateId", template == null || template.isBlank()
                ? (allTemplates.isEmpty() ? null : String.valueOf(allTemplates.get(0).id())) : template.strip());
        model.addAttribute("candidates", problems.isEmpty() ? batches.candidates(selection, date) : List.of());
        model.addAttribute("errors", new FieldProblems(problems));
        model.addAttribute("provinceText", province == null ? "" : province.strip());
        model.addAttribute("colourText", colour == null ? "" : colour.strip());
        model.addAttribute("stepText", step == null ? "" : step.strip());
        model.addAttribute("codesText", codes == null ? "" : codes.strip());
        model.addAttribute("provinces", provincesOfWriter());
        model.addAttribute("colours", Colour.values());
        model.addAttribute("steps", StepKind.values());
        model.addAttribute("date", date);
        model.addAttribute("period", HalfYear.containing(date).toString());
        return "governance/letter-new";
    }

    @PostMapping(LETTERS + "/batches")
    String generate(@RequestParam(required = false) String template,
            @RequestParam(required = false) String templateVersion,
            @RequestParam(name = "municipality", required = false) List<String> municipalities, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        // Who may write is checked before the input, so a role that may not write never learns what it got wrong.
        if (!TableLetterWriters.mayWrite()) {
            throw new org.springframework.security.access.AccessDeniedException("This role does not write the table's letters");
        }
        var codes = new ArrayList<MunicipalityCode>();
        var problems = new ArrayList<Problem>();
        for (var text : municipalities == null ? List.<String>of() : municipalities) {
            try {
                codes.add(MunicipalityCode.of(text.strip()));
            }
            catch (IllegalArgumentException e) {
                problems.add(Problem.of("letterMunicipalities", "governance.letter.batch.unknown", text.strip()));
            }
        }
        long templateId;
        try {
            templateId = Long.parseLong(template == null ? "" : template.strip());
        }
        catch (NumberFormatException e) {
            throw InvalidInput.of("letterTemplate", "governance.letter.batch.noTemplate");
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        Integer version = templateVersion == null || templateVersion.isBlank() ? null : parseVersion(templateVersion);
        try {
            var job = batches.start(templateId, version, codes, OpenDataFigures.today());
            redirect.addFlashAttribute("notice", Notice.of("governance.letter.batch.queued", codes.size()));
            return "redirect:/governance/jobs/" + job.id();
        }
        catch (EditConflict e) {
            throw InvalidInput.of("letterTemplate", "governance.letter.batch.templateChanged");
        }
    }

    @GetMapping(LETTERS + "/batches/{id}/pdf")
    ResponseEntity<byte[]> pdf(@PathVariable long id) {
        var batch = batches.batch(id);
        return PdfDocuments.download(batches.pdf(id), "brieven-" + batch.letterDate() + "-" + batch.id());
    }

    private String form(Model model, TableLetterTemplate current, String name, String subject, String body,
            int version, FieldProblems errors, TableLetterTemplate stored) {
        model.addAttribute("template", current);
        model.addAttribute("letterName", name);
        model.addAttribute("letterSubject", subject);
        model.addAttribute("body", body);
        model.addAttribute("version", version);
        model.addAttribute("errors", errors);
        model.addAttribute("problems", errors.besides(List.of("letterName", "letterSubject", "body")));
        model.addAttribute("stored", stored);
        model.addAttribute("mayKeep", TableLetterWriters.mayKeepTemplates());
        model.addAttribute("placeholders", TableLetterTemplates.PLACEHOLDERS.stream()
                .map(p -> new Placeholder("{{" + p + "}}", TableLetterTemplates.placeholderMessageKey(p))).toList());
        return "governance/letter-template";
    }

    private TableLetterSelection selection(String province, String colour, String step, String codes,
            List<Problem> problems) {
        ProvinceCode chosenProvince = null;
        if (province != null && !province.isBlank()) {
            try {
                chosenProvince = ProvinceCode.of(province.strip());
                if (!registry.exists(chosenProvince)) {
                    problems.add(Problem.of("province", "governance.letter.filter.province", province.strip()));
                }
            }
            catch (IllegalArgumentException e) {
                problems.add(Problem.of("province", "governance.letter.filter.province", province.strip()));
            }
        }
        Colour chosenColour = null;
        if (colour != null && !colour.isBlank()) {
            chosenColour = Arrays.stream(Colour.values()).filter(c -> c.name().equalsIgnoreCase(colour.strip()))
                    .findFirst().orElse(null);
            if (chosenColour == null) {
                problems.add(Problem.of("letterColour", "governance.letter.filter.colour", colour.strip()));
            }
        }
        StepKind chosenStep = null;
        boolean anyOpenCase = false;
        if (step != null && !step.isBlank()) {
            if (step.strip().equalsIgnoreCase("ANY")) {
                anyOpenCase = true;
            }
            else {
                chosenStep = Arrays.stream(StepKind.values()).filter(s -> s.name().equalsIgnoreCase(step.strip()))
                        .findFirst().orElse(null);
                if (chosenStep == null) {
                    problems.add(Problem.of("letterStep", "governance.letter.filter.step", step.strip()));
                }
            }
        }
        var picked = new ArrayList<MunicipalityCode>();
        if (codes != null) {
            for (var text : codes.split("[\\s,;]+")) {
                if (text.isBlank()) {
                    continue;
                }
                try {
                    var code = MunicipalityCode.parse(text.strip());
                    if (!registry.exists(code)) {
                        throw new IllegalArgumentException(text);
                    }
                    picked.add(code);
                }
                catch (IllegalArgumentException e) {
                    problems.add(Problem.of("letterCodes", "governance.letter.batch.unknown", text.strip()));
                }
            }
        }
        return new TableLetterSelection(chosenProvince, chosenColour, chosenStep, anyOpenCase, picked);
    }

    /** The provinces a writer may choose: the own for a province supervisor, all for the table's national members. */
    private List<nl.doorstroom.municipalities.Province> provincesOfWriter() {
        var user = CurrentUser.get().orElseThrow();
        if (user.scope().kind() == ScopeKind.PROVINCE) {
            return registry.province(user.scope().province()).stream().toList();
        }
        return registry.provinces();
    }

    private static void requireKeeper() {
        if (!TableLetterWriters.mayKeepTemplates()) {
            throw new org.springframework.security.access.AccessDeniedException("Only the table's national members keep templates");
        }
    }

    private static int parseVersion(String text) {
        try {
            return text == null || text.isBlank() ? -1 : Integer.parseInt(text.strip());
        }
        catch (NumberFormatException e) {
            return -1;
        }
    }
}
