package nl.doorstroom.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

class PdfDocumentsTests {

    static final String REFERENCE = "Peildatum 2026-11-28; synthetische demonstratiegegevens";

    PdfDocuments documents = new PdfDocuments(templateEngine());

    @Test
    void rendersDutchAndFrisianTextAndTheEuroSign() throws IOException {
        var model = letters(new Letter("Súdwest-Fryslân", 87, "€ 1.234,56"));

        var pdf = documents.render("documents/sample", model, Locale.forLanguageTag("nl"));

        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(text(pdf))
                .contains("Geacht college van burgemeester en wethouders van Súdwest-Fryslân,")
                .contains("Uw taakstelling is 87 vergunninghouders; de vergoeding is € 1.234,56.")
                .contains("Hoogachtend, Coördinatie Doorstroom")
                .contains("Peildatum 2026-11-28; synthetische demonstratiegegevens");
    }

    @Test
    void writesTheMessagesOfTheLocaleAskedFor() throws IOException {
        var model = letters(new Letter("Súdwest-Fryslân", 87, "€ 1,234.56"));

        var pdf = documents.render("documents/sample", model, Locale.ENGLISH);

        assertThat(text(pdf)).contains("Dear Mayor and Aldermen of Súdwest-Fryslân,")
                .doesNotContain("Geacht college");
    }

    @Test
    void startsEachDocumentOnANewPage() throws IOException {
        var model = letters(new Letter("Leeuwarden", 120, "€ 10"), new Letter("Súdwest-Fryslân", 87, "€ 20"),
                new Letter("'s-Hertogenbosch", 150, "€ 30"));

        var pdf = documents.render("documents/sample", model, Locale.forLanguageTag("nl"));

        try (var document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(3);
            var stripper = new PDFTextStripper();
            stripper.setStartPage(3);
            stripper.setEndPage(3);
            assertThat(stripper.getText(document)).contains("'s-Hertogenbosch").doesNotContain("Leeuwarden");
        }
    }

    @Test
    void escapesMarkupInTheModel() throws IOException {
        var model = letters(new Letter("<b>Ameland</b> & Co", 1, "€ 0"));

        var pdf = documents.render("documents/sample", model, Locale.forLanguageTag("nl"));

        assertThat(text(pdf)).contains("<b>Ameland</b> & Co");
    }

    @Test
    void drawsImagesEmbeddedInTheDocumentButFetchesNothingFromElsewhere() throws IOException {
        var image = new java.awt.image.BufferedImage(4, 4, java.awt.image.BufferedImage.TYPE_INT_RGB);
        var png = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "png", png);
        var embedded = "data:image/png;base64," + java.util.Base64.getEncoder().encodeToString(png.toByteArray());

        var withImage = documents.render("documents/images", Map.of("sources", List.of(embedded)), Locale.forLanguageTag("nl"));
        var withRemote = documents.render("documents/images", Map.of("sources", List.of("http://127.0.0.1:9/chart.png")),
                Locale.forLanguageTag("nl"));

        assertThat(images(withImage)).isEqualTo(1);
        assertThat(images(withRemote)).isZero();
    }

    static long images(byte[] pdf) throws IOException {
        try (var document = Loader.loadPDF(pdf)) {
            var resources = document.getPage(0).getResources();
            long count = 0;
            for (var name : resources.getXObjectNames()) {
                if (resources.getXObject(name) instanceof org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject) {
                    count++;
                }
            }
            return count;
        }
    }

    /** The letters in the sample template: one per municipality. */
    public record Letter(String municipality, int quota, String compensation) {
    }

    static Map<String, Object> letters(Letter... letters) {
        return Map.of("letters", List.of(letters), "referenceNote", REFERENCE);
    }

    static List<Letter> numbered(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> new Letter("Gemeente " + i, i, "€ " + i)).toList();
    }

    static String text(byte[] pdf) throws IOException {
        try (var document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }

    /** The application's engine as Spring Boot configures it, without starting the application. */
    static SpringTemplateEngine templateEngine() {
        var resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        var messages = new StaticMessageSource();
        var dutch = Locale.forLanguageTag("nl");
        messages.addMessage("sample.title", dutch, "Taakstelling huisvesting vergunninghouders");
        messages.addMessage("sample.salutation", dutch, "Geacht college van burgemeester en wethouders van {0},");
        messages.addMessage("sample.body", dutch, "Uw taakstelling is {0} vergunninghouders; de vergoeding is {1}.");
        messages.addMessage("sample.closing", dutch, "Hoogachtend, Coördinatie Doorstroom");
        messages.addMessage("sample.title", Locale.ENGLISH, "Housing quota for permit holders");
        messages.addMessage("sample.salutation", Locale.ENGLISH, "Dear Mayor and Aldermen of {0},");
        messages.addMessage("sample.body", Locale.ENGLISH, "Your quota is {0} permit holders; the allowance is {1}.");
        messages.addMessage("sample.closing", Locale.ENGLISH, "Yours faithfully, Doorstroom coordination");
        var engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        engine.setTemplateEngineMessageSource(messages);
        engine.setEnableSpringELCompiler(true);
        return engine;
    }
}
