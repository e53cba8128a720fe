package nl.doorstroom.governance;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import nl.doorstroom.documents.TemplateText;
import nl.doorstroom.shared.InvalidInput.Problem;

/**
 * The rules of a table letter's template: which {@code {{placeholders}}} its subject and body may use, how long
 * they may be, which characters the PDF can show, and how a text is filled and cut into paragraphs.
 */
final class TableLetterText {

    static final String NAME = "letterName";
    static final String SUBJECT = "letterSubject";
    static final String BODY = "body";

    static final int MAX_NAME = 200;
    static final int MAX_SUBJECT = 300;
    static final int MAX_BODY = 20_000;

    /** The placeholders, in the order the page explains them; each has {@code governance.letter.placeholder.<name>}. */
    static final List<String> NAMES = List.of("gemeente", "gemeentecode", "provincie", "periode", "taakstelling",
            "achterstand", "gecorrigeerde_taakstelling", "gehuisvest", "tekort", "realisatie", "kleur", "datum",
            "opvangplekken_coa", "opvangplekken_gemeente", "toezeggingen_afgerond", "toezeggingen_nagekomen");

    private TableLetterText() {
    }

    static String messageKey(String placeholder) {
        return "governance.letter.placeholder." + placeholder;
    }

    /** Everything wrong with a template, each unknown placeholder and unprintable character named once. */
    static List<Problem> problems(String name, String subject, String body) {
        var problems = new ArrayList<Problem>();
        if (name == null || name.isBlank()) {
            problems.add(Problem.of(NAME, "governance.letter.template.name.blank"));
        }
        else if (name.strip().length() > MAX_NAME) {
            problems.add(Problem.of(NAME, "governance.letter.template.tooLong", name.strip().length(), MAX_NAME));
        }
        if (subject == null || subject.isBlank()) {
            problems.add(Problem.of(SUBJECT, "governance.letter.template.subject.blank"));
        }
        else {
            if (subject.strip().length() > MAX_SUBJECT) {
                problems.add(Problem.of(SUBJECT, "governance.letter.template.tooLong", subject.strip().length(),
                        MAX_SUBJECT));
            }
            textProblems(SUBJECT, subject, problems);
        }
        if (body == null || body.isBlank()) {
            problems.add(Problem.of(BODY, "governance.letter.template.body.blank"));
        }
        else {
            if (body.length() > MAX_BODY) {
                problems.add(Problem.of(BODY, "governance.letter.template.tooLong", body.length(), MAX_BODY));
            }
            textProblems(BODY, body, problems);
        }
        return problems;
    }

    private static void textProblems(String field, String text, List<Problem> problems) {
        placeholders(text).stream().filter(p -> !NAMES.contains(p)).forEach(p -> problems.add(
                Problem.of(field, "governance.letter.template.unknownPlaceholder", "{{" + p + "}}")));
        unprintable(text).forEach(c -> problems.add(Problem.of(field, "governance.letter.template.unprintable", c,
                String.format("U+%04X", c.codePointAt(0)))));
    }

    /** The placeholder names in a text, in order of first use. */
    static LinkedHashSet<String> placeholders(String text) {
        return TemplateText.placeholders(text);
    }

    /** The text with each known placeholder replaced by its value; anything else is left as written. */
    static String fill(String text, Map<String, String> values) {
        return TemplateText.fill(text, values);
    }

    /** The paragraphs of a text (a blank line starts a new one), each as its lines. */
    static List<List<String>> paragraphs(String text) {
        return TemplateText.paragraphs(text);
    }

    /** The characters of a text the PDF cannot show, each once. */
    static List<String> unprintable(String text) {
        return TemplateText.unprintable(text);
    }
}
