package nl.doorstroom.documents;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text of a letter template written by users: its {@code {{placeholders}}}, filling them, its paragraphs, and
 * the characters the PDF fonts (Windows-1252) cannot show. Used by every module that keeps letter templates.
 */
public final class TemplateText {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^{}]*?)\\s*}}");
    /** A blank line (possibly with spaces) between two paragraphs. */
    private static final Pattern BLANK_LINE = Pattern.compile("\\R[ \\t\\x0B\\f]*\\R\\s*");
    /** The PDF's fonts show Windows-1252. */
    private static final Charset PRINTABLE = Charset.forName("windows-1252");

    private TemplateText() {
    }

    /** The placeholder names in a text, in order of first use. */
    public static LinkedHashSet<String> placeholders(String text) {
        var names = new LinkedHashSet<String>();
        var matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    /** The text with each known placeholder replaced by its value; anything else is left as written. */
    public static String fill(String text, Map<String, String> values) {
        var matcher = PLACEHOLDER.matcher(text);
        var filled = new StringBuilder(text.length() + 256);
        while (matcher.find()) {
            var value = values.get(matcher.group(1));
            matcher.appendReplacement(filled, Matcher.quoteReplacement(value == null ? matcher.group() : value));
        }
        matcher.appendTail(filled);
        return filled.toString();
    }

    /** The paragraphs of a text (a blank line starts a new one), each as its lines. */
    public static List<List<String>> paragraphs(String text) {
        var paragraphs = new ArrayList<List<String>>();
        for (var paragraph : BLANK_LINE.split(text.strip())) {
            var lines = paragraph.lines().map(String::stripTrailing).filter(l -> !l.isBlank()).toList();
            if (!lines.isEmpty()) {
                paragraphs.add(lines);
            }
        }
        return paragraphs;
    }

    /** The characters of a text the PDF cannot show, each once. */
    public static List<String> unprintable(String text) {
        var encoder = PRINTABLE.newEncoder();
        var found = new LinkedHashSet<String>();
        text.codePoints().filter(c -> c != '\n' && c != '\r' && c != '\t')
                .filter(c -> Character.isISOControl(c) || !encoder.canEncode(Character.toString(c)))
                .forEach(c -> found.add(Character.toString(c)));
        return List.copyOf(found);
    }
}
