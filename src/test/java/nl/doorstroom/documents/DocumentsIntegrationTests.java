package nl.doorstroom.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.IOException;
import java.util.Locale;

import nl.doorstroom.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.test.web.servlet.MockMvc;

/** The module in the running application: its scripts are served, its bundle is read, its PDFs render. */
@IntegrationTest
class DocumentsIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    MessageSource messages;

    @Autowired
    PdfDocuments documents;

    @ParameterizedTest
    @ValueSource(strings = { "/webjars/echarts/dist/echarts.min.js", "/webjars/htmx.org/dist/htmx.min.js",
            "/js/charts.js" })
    void servesTheScriptsByTheirVersionlessPaths(String path) throws Exception {
        var response = mvc.perform(get(path)).andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).contains("javascript");
    }

    @Test
    void readsItsOwnMessageBundleBesideTheApplicationsOne() {
        assertThat(messages.getMessage("documents.downloads", null, Locale.forLanguageTag("nl")))
                .isEqualTo("Download deze gegevens:");
        assertThat(messages.getMessage("documents.downloads", null, Locale.ENGLISH)).isEqualTo("Download this data:");
        assertThat(messages.getMessage("layout.logout", null, Locale.ENGLISH)).isEqualTo("Log out");
    }

    @Test
    void rendersPdfsWithTheApplicationsTemplateEngine() throws IOException {
        var model = PdfDocumentsTests.letters(new PdfDocumentsTests.Letter("Súdwest-Fryslân", 87, "€ 12"));

        var pdf = documents.render("documents/sample", model, Locale.forLanguageTag("nl"));

        // The sample's messages live in the unit test's message source, not in the application's bundles.
        assertThat(PdfDocumentsTests.text(pdf)).contains("Aan het college van Súdwest-Fryslân", "??sample.title_nl??");
    }
}
