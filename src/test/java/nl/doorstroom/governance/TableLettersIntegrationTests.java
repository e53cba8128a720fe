package nl.doorstroom.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.IOException;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import nl.doorstroom.IntegrationTest;
import nl.doorstroom.TestUsers;
import nl.doorstroom.identity.AuditTrail;
import nl.doorstroom.identity.Role;
import nl.doorstroom.municipalities.MunicipalityRegistry;
import nl.doorstroom.progress.Colour;
import nl.doorstroom.progress.MunicipalityProgress;
import nl.doorstroom.progress.ProgressMonitor;
import nl.doorstroom.shared.EditConflict;
import nl.doorstroom.shared.InvalidInput;
import nl.doorstroom.shared.MunicipalityCode;
import nl.doorstroom.shared.ProvinceCode;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;

/** The table's letters on the real database with the demo data: selection, the PDF's figures, templates, scope, audit. */
@IntegrationTest
class TableLettersIntegrationTests {

    static final LocalDate TODAY = LocalDate.now(AuditTrail.ZONE);
    static final String DEFAULT_TEMPLATE = "Oproep tot versnelling huisvesting vergunninghouders";
    static final String ADDRESSEE = "Aan het college van burgemeester en wethouders van ";

    @Autowired
    TableLetterBatches batches;
    @Autowired
    TableLetterTemplates templates;
    @Autowired
    ProgressMonitor progress;
    @Autowired
    MunicipalityRegistry registry;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;

    @Test
    void theRedMunicipalitiesOfAProvinceGetOneLetterEachWithTheProgressMonitorsFigures() throws Exception {
        var picture = progress.at(TODAY);
        var province = registry.provinces().stream().map(p -> p.code())
                .filter(p -> picture.inProvince(p).stream().filter(m -> m.current().colour() == Colour.RED).count() >= 2)
                .findFirst().orElseThrow();
        var red = picture.inProvince(province).stream().filter(m -> m.current().colour() == Colour.RED)
                .map(MunicipalityProgress::code).toList();

        var template = defaultTemplate();
        var batch = TestUsers.as(Role.NATIONAL_COORDINATOR, () -> {
            var found = batches.candidates(new TableLetterSelection(province, Colour.RED, null, false, List.of()), TODAY);
            assertThat(found).extracting(TableLetterFigures::code).containsExactlyInAnyOrderElementsOf(red);
            return batches.generate(template.id(), template.version(),
                    found.stream().map(TableLetterFigures::code).toList(), TODAY);
        });
        var pdf = TestUsers.as(Role.NATIONAL_COORDINATOR, () -> batches.pdf(batch.id()));

        assertThat(batch.municipalities()).hasSize(red.size());
        assertThat(batch.province()).isEqualTo(province);
        assertThat(batch.templateName()).isEqualTo(DEFAULT_TEMPLATE);
        var letters = letters(text(pdf));
        assertThat(letters).hasSize(red.size());
        assertThat(pagesStartingALetter(pdf)).isEqualTo(red.size());
        for (var code : batch.municipalities()) {
            var m = picture.municipality(code).orElseThrow();
            var current = m.current();
            var letter = letters.stream().filter(l -> l.startsWith(m.name() + "\n")).findFirst().orElseThrow();
            assertThat(letter).contains("Gemeentecode " + code.value())
                    .contains("De taakstelling is " + number(current.quota()) + " vergunninghouders")
                    .contains("Gecorrigeerde taakstelling " + number(current.correctedQuota()))
                    .contains("Gehuisvest " + number(current.housed()))
                    .contains("Tekort " + number(current.shortfall()))
                    .contains("Kleur rood")
                    .doesNotContain("{{");
        }
    }

    @Test
    void anUnknownPlaceholderIsRefusedNamingIt() throws Exception {
        var name = "Test onbekend veld " + System.nanoTime();

        assertThatThrownBy(() -> TestUsers.as(Role.MINISTRY_ANALYST,
                () -> templates.add(name, "Aan {{gemeente}}", "Geacht college van {{gemeente}}, {{burgemeester}}.")))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems()).singleElement()
                        .satisfies(p -> assertThat(p.arguments()).containsExactly("{{burgemeester}}")));
        var page = mvc.perform(post("/governance/letters/templates").param("letterName", name)
                        .param("letterSubject", "Aan {{gemeente}}").param("body", "Beste {{wethouder}},")
                        .with(authentication(TestUsers.signedIn(Role.NATIONAL_COORDINATOR))).with(csrf()))
                .andReturn().getResponse();

        assertThat(page.getStatus()).isEqualTo(400);
        assertThat(page.getContentAsString()).contains("Het veld {{wethouder}} bestaat niet");
        assertThat(jdbc.sql("SELECT count(*) FROM table_letter_template WHERE name = :name").param("name", name)
                .query(Long.class).single()).isZero();
    }

    @Test
    void aChangeBasedOnAStaleVersionIsRefused() throws Exception {
        var added = TestUsers.as(Role.ADMINISTRATOR,
                () -> templates.add("Test versie " + System.nanoTime(), "Onderwerp {{gemeente}}", "Eerste tekst."));
        TestUsers.as(Role.NATIONAL_COORDINATOR,
                () -> templates.change(added.id(), added.version(), added.name(), added.subject(), "Tweede tekst."));

        assertThatThrownBy(() -> TestUsers.as(Role.MINISTRY_ANALYST,
                () -> templates.change(added.id(), added.version(), added.name(), added.subject(), "Derde tekst.")))
                .isInstanceOf(EditConflict.class);
        var page = mvc.perform(post("/governance/letters/templates/" + added.id()).param("version", "0")
                        .param("letterName", added.name()).param("letterSubject", added.subject()).param("body", "Vierde.")
                        .with(authentication(TestUsers.signedIn(Role.NATIONAL_COORDINATOR))).with(csrf()))
                .andReturn().getResponse();
        assertThat(page.getStatus()).isEqualTo(409);
        assertThat(page.getContentAsString()).contains("Vierde.").contains("Tweede tekst.");
        assertThat(TestUsers.as(Role.NATIONAL_COORDINATOR, () -> templates.template(added.id())))
                .satisfies(t -> {
                    assertThat(t.body()).isEqualTo("Tweede tekst.");
                    assertThat(t.version()).isEqualTo(1);
                });
    }

    @Test
    void aProvinceSupervisorWritesToTheOwnProvinceOnly() throws Exception {
        var utrecht = ProvinceCode.of("PV26");
        var amsterdam = MunicipalityCode.of("GM0363");
        var zeist = MunicipalityCode.of("GM0355");
        var template = defaultTemplate();

        var found = TestUsers.as(Role.PROVINCE_SUPERVISOR, () -> batches.candidates(TableLetterSelection.everyone(), TODAY));
        assertThat(found).isNotEmpty().allSatisfy(f -> assertThat(registry.find(f.code()).orElseThrow().province())
                .isEqualTo(utrecht));
        assertThatThrownBy(() -> TestUsers.as(Role.PROVINCE_SUPERVISOR,
                () -> batches.generate(template.id(), null, List.of(zeist, amsterdam), TODAY)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> TestUsers.as(Role.PROVINCE_SUPERVISOR,
                () -> templates.change(template.id(), template.version(), template.name(), template.subject(), "Anders.")))
                .isInstanceOf(AccessDeniedException.class);
        var own = TestUsers.as(Role.PROVINCE_SUPERVISOR, () -> batches.generate(template.id(), null, List.of(zeist), TODAY));
        var mixed = TestUsers.as(Role.NATIONAL_COORDINATOR,
                () -> batches.generate(template.id(), null, List.of(zeist, amsterdam), TODAY));

        var seen = TestUsers.as(Role.PROVINCE_SUPERVISOR, () -> batches.batches(500));
        assertThat(seen).extracting(TableLetterBatch::id).contains(own.id()).doesNotContain(mixed.id());
        assertThat(seen).allSatisfy(b -> assertThat(b.province()).isEqualTo(utrecht));
        assertThat(mvc.perform(get("/governance/letters/batches/" + mixed.id() + "/pdf")
                .with(authentication(TestUsers.signedIn(Role.PROVINCE_SUPERVISOR)))).andReturn().getResponse()
                .getStatus()).isEqualTo(404);
    }

    @Test
    void aBatchWithoutMunicipalitiesOrWithAnUnknownOneIsRefused() throws Exception {
        var template = defaultTemplate();

        assertThatThrownBy(() -> TestUsers.as(Role.NATIONAL_COORDINATOR,
                () -> batches.generate(template.id(), null, List.of(), TODAY)))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems()).extracting(p -> p.messageKey())
                        .containsExactly("governance.letter.batch.none"));
        assertThatThrownBy(() -> TestUsers.as(Role.NATIONAL_COORDINATOR,
                () -> batches.generate(template.id(), null, List.of(MunicipalityCode.of("GM9999")), TODAY)))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems()).singleElement()
                        .satisfies(p -> assertThat(p.arguments()).containsExactly("GM9999")));
        assertThatThrownBy(() -> TestUsers.as(Role.NATIONAL_COORDINATOR,
                () -> batches.generate(template.id(), template.version() + 1, List.of(MunicipalityCode.of("GM0344")), TODAY)))
                .isInstanceOf(EditConflict.class);
    }

    @Test
    void everyDownloadOfABatchIsAudited() throws Exception {
        var template = defaultTemplate();
        var batch = TestUsers.as(Role.MINISTRY_ANALYST, () -> batches.generate(template.id(), null,
                List.of(MunicipalityCode.of("GM0344"), MunicipalityCode.of("GM0014")), TODAY));
        long before = downloads(batch.id());

        var response = mvc.perform(get("/governance/letters/batches/" + batch.id() + "/pdf")
                .with(authentication(TestUsers.signedIn(Role.NATIONAL_COORDINATOR)))).andReturn().getResponse();
        mvc.perform(get("/governance/letters/batches/" + batch.id() + "/pdf")
                .with(authentication(TestUsers.signedIn(Role.ADMINISTRATOR)))).andReturn();

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).isEqualTo("application/pdf");
        assertThat(letters(text(response.getContentAsByteArray()))).hasSize(2);
        assertThat(downloads(batch.id())).isEqualTo(before + 2);
        assertThat(jdbc.sql("""
                SELECT actor FROM audit_event WHERE action = 'table-letter-batch.downloaded' AND subject_id = :id
                ORDER BY id""").param("id", String.valueOf(batch.id())).query(String.class).list())
                .containsExactly("test-national_coordinator", "test-administrator");
    }

    @Test
    void theLettersPageOffersTheQuotaLettersOfEveryPublishedHalfYear() throws Exception {
        var page = mvc.perform(get("/governance/letters").with(authentication(TestUsers.signedIn(Role.NATIONAL_COORDINATOR))))
                .andReturn().getResponse().getContentAsString();

        assertThat(page).contains("/quota/periods/2023-I/letters").contains(DEFAULT_TEMPLATE);
    }

    private long downloads(long batchId) {
        return jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'table-letter-batch.downloaded' AND subject_id = :id")
                .param("id", String.valueOf(batchId)).query(Long.class).single();
    }

    private TableLetterTemplate defaultTemplate() throws Exception {
        return TestUsers.as(Role.NATIONAL_COORDINATOR, () -> templates.templates().stream()
                .filter(t -> t.name().equals(DEFAULT_TEMPLATE)).findFirst().orElseThrow());
    }

    /** Each letter's text from its addressee's municipality name on, the name first. */
    static List<String> letters(String text) {
        var parts = text.split(java.util.regex.Pattern.quote(ADDRESSEE));
        var letters = new ArrayList<String>();
        for (int i = 1; i < parts.length; i++) {
            letters.add(parts[i]);
        }
        return letters;
    }

    private static int pagesStartingALetter(byte[] pdf) throws IOException {
        try (var document = Loader.loadPDF(pdf)) {
            int starts = 0;
            for (int page = 1; page <= document.getNumberOfPages(); page++) {
                var stripper = new PDFTextStripper();
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                if (stripper.getText(document).contains("Landelijke regietafel migratie en integratie")) {
                    starts++;
                }
            }
            return starts;
        }
    }

    static String text(byte[] pdf) throws IOException {
        try (var document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    private static String number(long value) {
        return NumberFormat.getIntegerInstance(Locale.forLanguageTag("nl")).format(value);
    }
}
