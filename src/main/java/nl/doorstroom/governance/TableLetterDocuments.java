package nl.doorstroom.governance;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import nl.doorstroom.documents.PdfDocuments;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Writes the table's letters as one PDF in Dutch, one letter per municipality, each on a new page: the template's
 * subject and body filled with the municipality's figures, and those figures in a table beneath whatever the text
 * says, so a letter never states a figure the reader cannot check.
 */
@Component
class TableLetterDocuments {

    /** The letters are Dutch: the national table writes to Dutch municipalities. */
    static final Locale DUTCH = Locale.forLanguageTag("nl");

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d-M-yyyy", DUTCH);

    /** One letter as the PDF template shows it. */
    record Letter(String subject, String addressee, String code, String provinceName, List<List<String>> paragraphs,
            List<Figure> figures) {
    }

    /** A row of the figures table: its label's key under {@code governance.letter.figure.} and the value. */
    record Figure(String key, String value) {
    }

    private final PdfDocuments pdfs;
    private final MessageSource messages;

    TableLetterDocuments(PdfDocuments pdfs, MessageSource messages) {
        this.pdfs = pdfs;
        this.messages = messages;
    }

    byte[] render(TableLetterTemplate template, List<TableLetterFigures> figures, LocalDate date, boolean synthetic) {
        return renderLetters(template, letters(template, figures, date, done -> {
        }), date, synthetic);
    }

    /** The letters written from the template, one per municipality; told after each (for a job's progress). */
    List<Letter> letters(TableLetterTemplate template, List<TableLetterFigures> figures, LocalDate date,
            java.util.function.IntConsumer written) {
        var letters = new ArrayList<Letter>();
        for (var f : figures) {
            var values = values(f, date);
            var subject = printable(TableLetterText.fill(template.subject(), values));
            var body = printable(TableLetterText.fill(template.body(), values));
            letters.add(new Letter(subject, printable(message("governance.letter.pdf.addressee", f.name())),
                    f.code().value(), printable(f.provinceName()), TableLetterText.paragraphs(body), figures(f)));
            written.accept(letters.size());
        }
        return letters;
    }

    /**
     * The letters as one PDF. One render for the batch: openhtmltopdf lays out a document at once, and separate
     * PDFs per chunk would need merging that the documents module does not offer.
     */
    byte[] renderLetters(TableLetterTemplate template, List<Letter> letters, LocalDate date, boolean synthetic) {
        var model = new HashMap<String, Object>();
        model.put("title", printable(template.name()));
        model.put("letters", letters);
        model.put("date", date(date));
        model.put("synthetic", synthetic);
        model.put("generated", message("governance.letter.pdf.generated", date(date), template.name(),
                String.valueOf(template.version())));
        return pdfs.render("governance/letter-batch", model, DUTCH);
    }

    /** The value of every placeholder for a municipality, as it reads in a Dutch sentence. */
    Map<String, String> values(TableLetterFigures f, LocalDate date) {
        var values = new HashMap<String, String>();
        values.put("gemeente", f.name());
        values.put("gemeentecode", f.code().value());
        values.put("provincie", f.provinceName());
        values.put("periode", f.period().toString());
        values.put("taakstelling", number(f.quota()));
        values.put("achterstand", number(f.carriedIn()));
        values.put("gecorrigeerde_taakstelling", number(f.correctedQuota()));
        values.put("gehuisvest", number(f.housed()));
        values.put("tekort", number(f.shortfall()));
        values.put("realisatie", percent(f.realisationPercent()));
        values.put("kleur", message(f.colour().messageKey()));
        values.put("datum", date(date));
        values.put("opvangplekken_coa", number(f.coaPlaces()));
        values.put("opvangplekken_gemeente", f.municipalPlaces() == null ? message("governance.letter.notReported")
                : number(f.municipalPlaces()));
        values.put("toezeggingen_afgerond", number(f.commitmentsDecided()));
        values.put("toezeggingen_nagekomen", number(f.commitmentsKept()));
        return values;
    }

    private List<Figure> figures(TableLetterFigures f) {
        var values = values(f, null);
        var rows = new ArrayList<Figure>();
        rows.add(new Figure("period", values.get("periode")));
        rows.add(new Figure("quota", values.get("taakstelling")));
        rows.add(new Figure("carriedIn", values.get("achterstand")));
        rows.add(new Figure("correctedQuota", values.get("gecorrigeerde_taakstelling")));
        rows.add(new Figure("housed", values.get("gehuisvest")));
        rows.add(new Figure("shortfall", values.get("tekort")));
        rows.add(new Figure("realisation", values.get("realisatie")));
        rows.add(new Figure("colour", values.get("kleur")));
        rows.add(new Figure("coaPlaces", values.get("opvangplekken_coa")));
        rows.add(new Figure("municipalPlaces", values.get("opvangplekken_gemeente")));
        return rows;
    }

    static String number(long value) {
        return NumberFormat.getIntegerInstance(DUTCH).format(value);
    }

    /** One decimal and a percent sign, Dutch style ({@code 62,5%}); not applicable when nothing had to be housed. */
    String percent(Double value) {
        if (value == null) {
            return message("governance.letter.notApplicable");
        }
        var format = NumberFormat.getNumberInstance(DUTCH);
        format.setMinimumFractionDigits(1);
        format.setMaximumFractionDigits(1);
        return format.format(value) + "%";
    }

    private static String date(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    /** What the base-14 fonts cannot show becomes a question mark, so a pasted character never breaks a letter. */
    static String printable(String text) {
        if (text == null) {
            return null;
        }
        var encoder = java.nio.charset.Charset.forName("windows-1252").newEncoder();
        var out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> out.append(c == '\n' || c == '\r' || c == '\t'
                || (!Character.isISOControl(c) && encoder.canEncode(Character.toString(c))) ? Character.toString(c) : "?"));
        return out.toString();
    }

    private String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments, DUTCH);
    }
}
