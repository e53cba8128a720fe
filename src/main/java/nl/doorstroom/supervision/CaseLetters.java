package nl.doorstroom.supervision;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import nl.doorstroom.documents.PdfDocuments;
import nl.doorstroom.shared.HalfYear;
import nl.doorstroom.shared.MunicipalityCode;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Writes a case document (a warning letter, an announced intention, a substitution decision) as a PDF in
 * Dutch: the province's text with its placeholders filled from the case, framed by what every such document
 * states whatever the text says: who writes to whom, the date and case, the municipality's figures, the legal
 * basis, the deadline, and for the intention and the decision that they are published and sent to the council
 * (Gemeentewet art. 124).
 */
@Component
public class CaseLetters {

    /** Case documents are Dutch: they are sent by a Dutch province to a Dutch municipality. */
    static final Locale DUTCH = Locale.forLanguageTag("nl");

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d-M-yyyy", DUTCH);

    /**
     * A written document.
     *
     * @param title for lists and file names, e.g. "Schriftelijke waarschuwing — Utrecht — zaak 12"
     * @param text the province's text as filled in, without the fixed parts of the document
     */
    public record Rendered(String title, String text, byte[] pdf) {
    }

    /** One row of the figures table: its label's key under {@code supervision.letter.figure.} and the value. */
    record Figure(String key, String value) {
    }

    private final PdfDocuments pdfs;
    private final MessageSource messages;

    CaseLetters(PdfDocuments pdfs, MessageSource messages) {
        this.pdfs = pdfs;
        this.messages = messages;
    }

    /** The document of a kind from a province's text (see {@link LetterTemplates#template}) and the case's figures. */
    public Rendered render(DocumentKind kind, String templateBody, LetterFigures figures) {
        return render(kind, templateBody, figures, false);
    }

    /** The document with made-up figures, marked as an example on every page, to see what a text looks like. */
    Rendered sample(DocumentKind kind, String templateBody, String provinceName, LocalDate date) {
        var period = HalfYear.containing(date);
        var deadline = date.plusDays(kind.step().proposedTermDays());
        var figures = new LetterFigures(101, MunicipalityCode.of("GM0000"), message("supervision.letter.sample.municipality"),
                provinceName, date, period, 120, 35, 155, 92, 63, 4, deadline,
                message("supervision.letter.sample.courseOfAction"), true);
        return render(kind, templateBody, figures, true);
    }

    private Rendered render(DocumentKind kind, String templateBody, LetterFigures figures, boolean sample) {
        var kindName = message(kind.messageKey());
        var municipality = figures.municipalityName() == null ? figures.code().value() : figures.municipalityName();
        var text = LetterText.fill(templateBody == null ? "" : templateBody, values(kind, figures, municipality));
        var title = message("supervision.document.title", kindName, municipality, String.valueOf(figures.caseId()));
        if (sample) {
            title = message("supervision.letter.sample.title", title);
        }

        var model = new HashMap<String, Object>();
        model.put("title", printable(title));
        model.put("kindName", printable(kindName));
        model.put("subject", printable(message("supervision.letter.subject." + kind.name(), municipality)));
        model.put("letterhead", printable(message("supervision.letter.letterhead", figures.provinceName())));
        model.put("addressee", printable(message("supervision.letter.addressee", municipality)));
        model.put("council", printable(message("supervision.letter.council", municipality)));
        model.put("date", date(figures.date()));
        model.put("caseNumber", String.valueOf(figures.caseId()));
        model.put("municipalityCode", figures.code().value());
        model.put("paragraphs", LetterText.paragraphs(LetterText.printable(text)));
        model.put("figuresHeading", printable(message("supervision.letter.figures", municipality)));
        model.put("figures", figures(figures));
        model.put("legalBasis", printable(message("supervision.letter.legalBasis",
                message("supervision.legalBasis." + kind.name()))));
        model.put("deadline", figures.deadline() == null ? null
                : message("supervision.letter.deadline." + kind.name(), date(figures.deadline())));
        // The intention and the decision are published and sent to the council (Gemeentewet art. 124(4)).
        model.put("published", kind.published() ? printable(message("supervision.letter.published", municipality)) : null);
        model.put("synthetic", figures.synthetic());
        model.put("sample", sample);
        model.put("generated", message("supervision.letter.generated", date(figures.date())));
        var pdf = pdfs.render("supervision/document", model, DUTCH);
        return new Rendered(title, text, pdf);
    }

    /** The value of every placeholder for this document, as it reads in a Dutch sentence. */
    private Map<String, String> values(DocumentKind kind, LetterFigures f, String municipality) {
        var values = new HashMap<String, String>();
        values.put("gemeente", municipality);
        values.put("gemeentecode", f.code().value());
        values.put("provincie", nz(f.provinceName()));
        values.put("datum", date(f.date()));
        values.put("zaaknummer", String.valueOf(f.caseId()));
        values.put("halfjaar", f.period() == null ? "" : f.period().toString());
        values.put("taakstelling", number(f.quota()));
        values.put("achterstand", carriedIn(f.carriedIn()));
        values.put("gecorrigeerde_taakstelling", number(f.correctedQuota()));
        values.put("gehuisvest", number(f.housed()));
        values.put("tekort", number(f.shortfall()));
        values.put("perioden_gemist", number(f.missedInARow()));
        values.put("termijn", f.deadline() == null ? message("supervision.letter.noDeadline") : date(f.deadline()));
        values.put("handelingsperspectief", f.courseOfAction() == null || f.courseOfAction().isBlank()
                ? message("supervision.letter.noCourseOfAction") : f.courseOfAction().strip());
        values.put("wettelijke_grondslag", message("supervision.legalBasis." + kind.name()));
        return values;
    }

    /** A shortfall carried in reads as one, an advance (negative) as an advance, nothing as none. */
    private String carriedIn(long carriedIn) {
        if (carriedIn == 0) {
            return message("supervision.letter.carriedIn.none");
        }
        var size = Math.abs(carriedIn);
        var key = "supervision.letter.carriedIn." + (carriedIn > 0 ? "shortfall" : "advance") + (size == 1 ? "One" : "");
        return message(key, number(size));
    }

    private List<Figure> figures(LetterFigures f) {
        var rows = new ArrayList<Figure>();
        rows.add(new Figure("period", f.period() == null ? "" : f.period().toString()));
        rows.add(new Figure("quota", number(f.quota())));
        rows.add(new Figure("carriedIn", number(f.carriedIn())));
        rows.add(new Figure("correctedQuota", number(f.correctedQuota())));
        rows.add(new Figure("housed", number(f.housed())));
        rows.add(new Figure("shortfall", number(f.shortfall())));
        rows.add(new Figure("missedInARow", number(f.missedInARow())));
        return rows;
    }

    private static String number(long value) {
        return NumberFormat.getIntegerInstance(DUTCH).format(value);
    }

    private static String date(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    private static String nz(String text) {
        return text == null ? "" : text;
    }

    private static String printable(String text) {
        return LetterText.printable(text);
    }

    private String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments, DUTCH);
    }
}
