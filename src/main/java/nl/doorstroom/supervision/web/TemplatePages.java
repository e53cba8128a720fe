package nl.doorstroom.supervision.web;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;

import jakarta.servlet.http.HttpServletResponse;
import nl.doorstroom.documents.PdfDocuments;
import nl.doorstroom.municipalities.MunicipalityRegistry;
import nl.doorstroom.shared.EditConflict;
import nl.doorstroom.shared.FieldProblems;
import nl.doorstroom.shared.InvalidInput;
import nl.doorstroom.shared.InvalidInput.Problem;
import nl.doorstroom.shared.Notice;
import nl.doorstroom.shared.ProvinceCode;
import nl.doorstroom.supervision.DocumentKind;
import nl.doorstroom.supervision.LetterTemplate;
import nl.doorstroom.supervision.LetterTemplates;
import org.springframework.context.MessageSource;
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
 * The pages where a province keeps the texts of its case documents: the three kinds with their text, one
 * text to read or change, and an example PDF of it. {@link LetterTemplates} decides who reads and changes.
 */
@Controller
class TemplatePages {

    private static final String LETTERS = "/supervision/provinces/{code}/letters";

    private final LetterTemplates templates;
    private final MunicipalityRegistry registry;
    private final MessageSource messages;

    TemplatePages(LetterTemplates templates, MunicipalityRegistry registry, MessageSource messages) {
        this.templates = templates;
        this.registry = registry;
        this.messages = messages;
    }

    /** A placeholder as written in a text, with the key of its explanation. */
    record Placeholder(String written, String messageKey) {
    }

    /** A row of the list: the text and its kind's name in addresses. */
    record Row(LetterTemplate template, String path) {
    }

    @ExceptionHandler(NoSuchElementException.class)
    void notFound(HttpServletResponse response) throws IOException {
        response.sendError(HttpStatus.NOT_FOUND.value());
    }

    @GetMapping(LETTERS)
    String letters(@PathVariable String code, Model model) {
        var province = province(code);
        var rows = templates.templates(province).stream()
                .map(t -> new Row(t, LetterTemplates.fileName(t.kind()))).toList();
        common(model, province);
        model.addAttribute("rows", rows);
        return "supervision/letters";
    }

    @GetMapping(LETTERS + "/{kind}")
    String template(@PathVariable String code, @PathVariable String kind, Model model) {
        var province = province(code);
        var current = current(province, kind(kind));
        return form(model, current, current.body(), current.version(), FieldProblems.NONE, null);
    }

    @PostMapping(LETTERS + "/{kind}")
    String change(@PathVariable String code, @PathVariable String kind, @RequestParam(required = false) String body,
            @RequestParam(required = false) String version, Model model, RedirectAttributes redirect,
            HttpServletResponse response, Locale locale) {
        var province = province(code);
        var documentKind = kind(kind);
        var typed = body == null ? "" : body;
        int read = parseVersion(version);
        try {
            var saved = templates.change(province, documentKind, typed, read);
            redirect.addFlashAttribute("notice", Notice.of("supervision.template.changed",
                    messages.getMessage(documentKind.messageKey(), null, locale), saved.version()));
            return "redirect:" + path(province, documentKind);
        }
        catch (InvalidInput e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return form(model, current(province, documentKind), typed, read, new FieldProblems(e.problems()), null);
        }
        catch (EditConflict e) {
            return conflict(model, province, documentKind, typed, response);
        }
    }

    @PostMapping(LETTERS + "/{kind}/reset")
    String reset(@PathVariable String code, @PathVariable String kind, @RequestParam(required = false) String version,
            Model model, RedirectAttributes redirect, HttpServletResponse response, Locale locale) {
        var province = province(code);
        var documentKind = kind(kind);
        try {
            templates.reset(province, documentKind, parseVersion(version));
            redirect.addFlashAttribute("notice", Notice.of("supervision.template.resetDone",
                    messages.getMessage(documentKind.messageKey(), null, locale)));
            return "redirect:" + path(province, documentKind);
        }
        catch (EditConflict e) {
            return conflict(model, province, documentKind, null, response);
        }
    }

    @GetMapping(LETTERS + "/{kind}/preview")
    ResponseEntity<byte[]> preview(@PathVariable String code, @PathVariable String kind) {
        var province = province(code);
        var documentKind = kind(kind);
        var example = templates.preview(province, documentKind);
        return PdfDocuments.download(example.pdf(), "voorbeeld-" + LetterTemplates.fileName(documentKind) + "-" + province.value());
    }

    /** Someone changed the text since it was read: the typed text stays, the stored one is shown beside it. */
    private String conflict(Model model, ProvinceCode province, DocumentKind kind, String typed, HttpServletResponse response) {
        response.setStatus(HttpStatus.CONFLICT.value());
        var current = current(province, kind);
        var errors = new FieldProblems(List.of(Problem.of("version", "supervision.template.conflict")));
        return form(model, current, typed == null ? current.body() : typed, current.version(), errors,
                typed == null ? null : current);
    }

    private String form(Model model, LetterTemplate current, String body, int version, FieldProblems errors,
            LetterTemplate stored) {
        common(model, current.province());
        model.addAttribute("template", current);
        model.addAttribute("path", LetterTemplates.fileName(current.kind()));
        model.addAttribute("body", body);
        model.addAttribute("version", version);
        model.addAttribute("errors", errors);
        model.addAttribute("problems", errors.besides(List.of("body")));
        model.addAttribute("stored", stored);
        model.addAttribute("placeholders", LetterTemplates.PLACEHOLDERS.stream()
                .map(p -> new Placeholder("{{" + p + "}}", LetterTemplates.placeholderMessageKey(p))).toList());
        return "supervision/letter-template";
    }

    private void common(Model model, ProvinceCode province) {
        model.addAttribute("province", province.value());
        model.addAttribute("provinceName", registry.province(province).orElseThrow().name());
        model.addAttribute("mayChange", LetterTemplates.mayChange(province));
    }

    private LetterTemplate current(ProvinceCode province, DocumentKind kind) {
        return templates.templates(province).stream().filter(t -> t.kind() == kind).findFirst().orElseThrow();
    }

    private static String path(ProvinceCode province, DocumentKind kind) {
        return "/supervision/provinces/" + province.value() + "/letters/" + LetterTemplates.fileName(kind);
    }

    private static ProvinceCode province(String code) {
        try {
            return ProvinceCode.of(code);
        }
        catch (IllegalArgumentException e) {
            throw new NoSuchElementException("Not a province code: " + code);
        }
    }

    private static DocumentKind kind(String path) {
        return Arrays.stream(DocumentKind.values()).filter(k -> LetterTemplates.fileName(k).equals(path)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("No kind of document " + path));
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
