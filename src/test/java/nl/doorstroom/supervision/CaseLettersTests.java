package nl.doorstroom.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import nl.doorstroom.documents.PdfDocuments;
import nl.doorstroom.shared.HalfYear;
import nl.doorstroom.shared.MunicipalityCode;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.io.ClassPathResource;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

class CaseLettersTests {

    static final String BODY = """
            Geacht college van {{gemeente}},

            Termijn: {{termijn}}.""";

    CaseLetters letters = caseLetters();

    @ParameterizedTest
    @EnumSource(DocumentKind.class)
    void statesTheMunicipalityItsFiguresTheLegalBasisAndTheDeadline(DocumentKind kind) throws IOException {
        var figures = utrecht(56, LocalDate.of(2027, 2, 1));

        var document = letters.render(kind, BODY, figures);

        assertThat(text(document.pdf()))
                .contains("Gedeputeerde Staten van Utrecht")
                .contains("Aan het college van burgemeester en wethouders van Utrecht")
                .contains("en aan de gemeenteraad van Utrecht")
                .contains("Zaaknummer 12")
                .contains("Halfjaar 2026-II")
                .contains("Taakstelling van het halfjaar 1.234")
                .contains("Achterstand (+) of voorsprong (-) uit eerdere halfjaren 56")
                .contains("Gecorrigeerde taakstelling 1.290")
                .contains("Gehuisvest 789")
                .contains("Tekort 501")
                .contains("Halfjaren achter elkaar niet gehaald 4")
                .contains("Wettelijke grondslag:")
                .contains("Gemeentewet artikel 124")
                .contains("1-2-2027");
    }

    @Test
    void namesTheArticlesOfEachKindOfDocument() throws IOException {
        var figures = utrecht(56, LocalDate.of(2027, 2, 1));

        var warning = text(letters.render(DocumentKind.WARNING_LETTER, BODY, figures).pdf());
        var intention = text(letters.render(DocumentKind.INTENTION, BODY, figures).pdf());
        var decision = text(letters.render(DocumentKind.SUBSTITUTION_DECISION, BODY, figures).pdf());

        assertThat(warning).contains("Huisvestingswet 2014 artikelen 28 en 29").contains("Gemeentewet artikel 124 ");
        assertThat(intention).contains("Gemeentewet artikel 124, eerste en tweede lid")
                .contains("artikel 124, vierde lid (bekendmaking en toezending aan de gemeenteraad)");
        assertThat(decision).contains("artikel 124d").contains("artikel 124f (bezwaar bij gedeputeerde staten)");
    }

    @Test
    void saysThatTheIntentionAndTheDecisionArePublishedAndSentToTheCouncil() throws IOException {
        var figures = utrecht(56, LocalDate.of(2027, 2, 1));
        var published = "Dit document wordt bekendgemaakt en toegezonden aan de gemeenteraad van Utrecht (Gemeentewet artikel 124).";

        var warning = text(letters.render(DocumentKind.WARNING_LETTER, BODY, figures).pdf());
        var intention = text(letters.render(DocumentKind.INTENTION, BODY, figures).pdf());
        var decision = text(letters.render(DocumentKind.SUBSTITUTION_DECISION, BODY, figures).pdf());

        assertThat(warning).doesNotContain(published);
        assertThat(intention).contains(published);
        assertThat(decision).contains(published);
    }

    @Test
    void fillsThePlaceholdersOfTheBody() throws IOException {
        var body = "{{gemeente}} ({{gemeentecode}}), zaak {{zaaknummer}} van {{datum}}: {{tekort}} te kort in {{halfjaar}}, "
                + "termijn {{termijn}}; {{achterstand}}.";

        var document = letters.render(DocumentKind.INTENTION, body, utrecht(56, LocalDate.of(2027, 2, 1)));

        var filled = "Utrecht (GM0344), zaak 12 van 29-11-2026: 501 te kort in 2026-II, termijn 1-2-2027; "
                + "een achterstand van 56 vergunninghouders.";
        assertThat(document.text()).isEqualTo(filled);
        assertThat(text(document.pdf())).contains(filled);
    }

    @Test
    void writesAnAdvanceCarriedInAsAnAdvanceAndNoDeadlineAsNone() {
        var body = "{{achterstand}}; termijn {{termijn}}";

        var advance = letters.render(DocumentKind.WARNING_LETTER, body, utrecht(-5, null));
        var one = letters.render(DocumentKind.WARNING_LETTER, body, utrecht(1, null));
        var none = letters.render(DocumentKind.WARNING_LETTER, body, utrecht(0, null));

        assertThat(advance.text()).isEqualTo("een voorsprong van 5 vergunninghouders; termijn geen");
        assertThat(one.text()).isEqualTo("een achterstand van 1 vergunninghouder; termijn geen");
        assertThat(none.text()).isEqualTo("geen achterstand; termijn geen");
    }

    @Test
    void statesNoDeadlineLineWithoutADeadline() throws IOException {
        var document = letters.render(DocumentKind.WARNING_LETTER, BODY, utrecht(56, null));

        assertThat(text(document.pdf())).doesNotContain("uiterlijk op").contains("Termijn: geen.");
    }

    @Test
    void showsMarkupInTheBodyAsText() throws IOException {
        var body = "<b>Vet</b> & <script>alert('x')</script> {{gemeente}}";

        var document = letters.render(DocumentKind.WARNING_LETTER, body, utrecht(56, null));

        assertThat(text(document.pdf())).contains("<b>Vet</b> & <script>alert('x')</script> Utrecht");
    }

    @Test
    void startsANewParagraphAtABlankLineAndKeepsTheLinesOfTheCourseOfAction() throws IOException {
        var body = "Eerste alinea.\n\n\nAfspraken:\n{{handelingsperspectief}}";

        var document = letters.render(DocumentKind.WARNING_LETTER, body, utrecht(56, null));

        assertThat(document.text()).isEqualTo("Eerste alinea.\n\n\nAfspraken:\n- 20 woningen extra\n- woonunits Zuid");
        assertThat(lines(document.pdf())).contains("Eerste alinea.", "Afspraken:", "- 20 woningen extra", "- woonunits Zuid");
    }

    @Test
    void replacesWhatTheFontsCannotShow() throws IOException {
        var body = "Tekort ≥ 5 → nu − later 😀 {{gemeente}}";

        var document = letters.render(DocumentKind.WARNING_LETTER, body, utrecht(56, null));

        assertThat(text(document.pdf())).contains("Tekort >= 5 -> nu - later ? Utrecht");
    }

    @Test
    void marksSyntheticFiguresInTheFooter() throws IOException {
        var synthetic = new LetterFigures(12, MunicipalityCode.of("GM0344"), "Utrecht", "Utrecht", LocalDate.of(2026, 11, 29),
                new HalfYear(2026, 2), 1234, 56, 1290, 789, 501, 4, null, "", true);

        var real = text(letters.render(DocumentKind.WARNING_LETTER, BODY, utrecht(56, null)).pdf());
        var demo = text(letters.render(DocumentKind.WARNING_LETTER, BODY, synthetic).pdf());

        assertThat(real).doesNotContain("synthetische demonstratiegegevens");
        assertThat(demo).contains("Gegenereerd door Doorstroom op 29-11-2026; synthetische demonstratiegegevens");
    }

    @Test
    void titlesTheDocumentByKindMunicipalityAndCase() {
        var document = letters.render(DocumentKind.WARNING_LETTER, BODY, utrecht(56, null));

        assertThat(document.title()).isEqualTo("Schriftelijke waarschuwing — Utrecht — zaak 12");
        assertThat(new String(document.pdf(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    }

    @ParameterizedTest
    @EnumSource(DocumentKind.class)
    void theDefaultTextLeavesNoPlaceholderUnfilled(DocumentKind kind) throws IOException {
        var body = defaultText(kind);

        var document = letters.render(kind, body, utrecht(56, LocalDate.of(2027, 2, 1)));

        assertThat(LetterText.problems(kind, body)).isEmpty();
        assertThat(document.text()).doesNotContain("{{").contains("Geacht college,").contains("1.290")
                .contains("een achterstand van 56 vergunninghouders");
        assertThat(text(document.pdf())).contains("Hoogachtend");
    }

    @Test
    void marksAnExampleAsAnExample() throws IOException {
        var sample = letters.sample(DocumentKind.INTENTION, defaultText(DocumentKind.INTENTION), "Utrecht",
                LocalDate.of(2026, 11, 29));

        assertThat(sample.title()).isEqualTo("Voorbeeld: Voornemen tot indeplaatsstelling — Voorbeeldgemeente — zaak 101");
        assertThat(text(sample.pdf())).contains("VOORBEELD met verzonnen cijfers").contains("Gedeputeerde Staten van Utrecht");
    }

    static LetterFigures utrecht(long carriedIn, LocalDate deadline) {
        return new LetterFigures(12, MunicipalityCode.of("GM0344"), "Utrecht", "Utrecht", LocalDate.of(2026, 11, 29),
                new HalfYear(2026, 2), 1234, carriedIn, 1290, 789, 501, 4, deadline, "- 20 woningen extra\n- woonunits Zuid",
                false);
    }

    static String defaultText(DocumentKind kind) throws IOException {
        try (var in = new ClassPathResource("supervision/letters/" + LetterTemplates.fileName(kind) + ".txt").getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static String text(byte[] pdf) throws IOException {
        return raw(pdf).replaceAll("\\s+", " ");
    }

    static java.util.List<String> lines(byte[] pdf) throws IOException {
        return raw(pdf).lines().map(String::strip).toList();
    }

    private static String raw(byte[] pdf) throws IOException {
        try (var document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    /** CaseLetters with the application's templates and the supervision bundle, without starting the application. */
    static CaseLetters caseLetters() {
        var messages = new ResourceBundleMessageSource();
        messages.setBasenames("i18n/supervision-documents");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        var resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        var engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        engine.setTemplateEngineMessageSource(messages);
        return new CaseLetters(new PdfDocuments(engine), messages);
    }
}
