package nl.doorstroom.supervision;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import nl.doorstroom.documents.TemplateText;
import nl.doorstroom.shared.InvalidInput.Problem;

/**
 * The rules of a letter's text: which {@code {{placeholders}}} it may use, what it must contain, and how it
 * is filled and cut into paragraphs.
 */
final class LetterText {

    static final String FIELD = "body";

    static final int MAX_LENGTH = 20_000;

    static final String DEADLINE = "termijn";

    /** The placeholders, in the order the page explains them; each has {@code supervision.placeholder.<name>}. */
    static final List<String> NAMES = List.of("gemeente", "gemeentecode", "provincie", "datum", "zaaknummer",
            "halfjaar", "taakstelling", "achterstand", "gecorrigeerde_taakstelling", "gehuisvest", "tekort",
            "perioden_gemist", DEADLINE, "handelingsperspectief", "wettelijke_grondslag");

    /** The PDF is set in the base-14 fonts, which hold Windows-1252 only (see PdfDocuments). */
    private static final Charset PRINTABLE = Charset.forName("windows-1252");

    private LetterText() {
    }

    static String messageKey(String placeholder) {
        return "supervision.placeholder." + placeholder;
    }

    /** Everything wrong with a body for a kind of document, each unknown placeholder and character named once. */
    static List<Problem> problems(DocumentKind kind, String body) {
        var problems = new ArrayList<Problem>();
        if (body == null || body.isBlank()) {
            problems.add(Problem.of(FIELD, "supervision.template.body.blank"));
            return problems;
        }
        if (body.length() > MAX_LENGTH) {
            problems.add(Problem.of(FIELD, "supervision.template.body.tooLong", body.length(), MAX_LENGTH));
        }
        var used = placeholders(body);
        used.stream().filter(name -> !NAMES.contains(name))
                .forEach(name -> problems.add(Problem.of(FIELD, "supervision.template.body.unknownPlaceholder", name,
                        "{{" + name + "}}")));
        // The decision states the deadline within which the municipality can still comply (Gemeentewet art.
        // 124(2)); the intention announces it, so the council and the public know it as well (art. 124(4)).
        if (kind.deadlineRequired() && !used.contains(DEADLINE)) {
            problems.add(Problem.of(FIELD, "supervision.template.body.missingDeadline"));
        }
        unprintable(body).forEach(c -> problems.add(Problem.of(FIELD, "supervision.template.body.unprintable", c,
                String.format("U+%04X", c.codePointAt(0)))));
        return problems;
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

    /**
     * The text with what the PDF cannot show replaced: the usual look-alikes by their Windows-1252 form, anything
     * else by a question mark, so a pasted minus sign or arrow never breaks a document.
     */
    static String printable(String text) {
        if (text == null) {
            return null;
        }
        var encoder = PRINTABLE.newEncoder();
        var out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (c == '\n' || c == '\r' || c == '\t' || (!Character.isISOControl(c)
                    && encoder.canEncode(Character.toString(c)))) {
                out.appendCodePoint(c);
                return;
            }
            out.append(switch (c) {
                case 0x2212, 0x2010, 0x2011, 0x2012 -> "-";
                case 0x2264 -> "<=";
                case 0x2265 -> ">=";
                case 0x2192 -> "->";
                case 0x2190 -> "<-";
                case 0x202F, 0x2009, 0x200A, 0x2007 -> " ";
                case 0x200B, 0x200C, 0x200D, 0xFEFF -> "";
                default -> "?";
            });
        });
        return out.toString();
    }
}
