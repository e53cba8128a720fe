package nl.doorstroom.sites;

import static nl.doorstroom.sites.SiteFixtures.PROVINCE_UTRECHT;
import static nl.doorstroom.sites.SiteFixtures.UTRECHT;
import static nl.doorstroom.sites.SiteFixtures.ZEIST;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Properties;

import nl.doorstroom.documents.TableExport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SiteTableTests {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 29);

    @ParameterizedTest
    @ValueSource(strings = { "", "_en" })
    void aDownloadIsReadBackByTheImportAsTheSameSites(String language) throws IOException {
        var labels = labels(language);
        var sites = List.of(
                site(1, SiteKind.RECREATION_PARK, "Vakantiepark Het Bos", ZEIST, SiteOwner.STATE_REAL_ESTATE_AGENCY,
                        SiteStatus.UNDER_NEGOTIATION, new BigDecimal("52.089123"), new BigDecimal("5.233456"),
                        new BigDecimal("42.50"), "J. Jansen", "Alleen zomerhuisjes; \"geen\" winter"),
                site(2, SiteKind.CHURCH_BUILDING, "=Kerk, met komma", UTRECHT, SiteOwner.CHURCH, SiteStatus.IN_USE, null,
                        null, null, null, null));
        var table = SiteTable.of(sites, TODAY, key -> labels.getProperty(key, key), code -> code.equals(UTRECHT) ? "Utrecht" : "Zeist",
                province -> "Utrecht", "Tijdelijke locaties", labels.getProperty("sites.export.note").replace("{0}", TODAY.toString())
                        .replace("{1}", "2"));
        var csv = new ByteArrayOutputStream();
        TableExport.csv(table, csv);

        var entries = SiteFile.read(new ByteArrayInputStream(csv.toByteArray()), SiteFileTests.KNOWN, code -> true,
                codes -> List.of(), TODAY);

        assertThat(entries).hasSize(2);
        for (int i = 0; i < 2; i++) {
            assertThat(entries.get(i).form().values()).isEqualTo(sites.get(i).form().values());
            assertThat(entries.get(i).status()).isEqualTo(sites.get(i).status());
            assertThat(entries.get(i).since()).isEqualTo(sites.get(i).statusSince());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "_en" })
    void everyKindOwnerAndStatusAsTheBundlesNameItIsReadBack(String language) throws IOException {
        var labels = labels(language);

        for (var kind : SiteKind.values()) {
            assertThat(SiteKind.parse(labels.getProperty(kind.messageKey()))).contains(kind);
        }
        for (var owner : SiteOwner.values()) {
            assertThat(SiteOwner.parse(labels.getProperty(owner.messageKey()))).contains(owner);
        }
        for (var status : SiteStatus.values()) {
            assertThat(SiteStatus.parse(labels.getProperty(status.messageKey()))).contains(status);
        }
    }

    private static TemporarySite site(long id, SiteKind kind, String name, nl.doorstroom.shared.MunicipalityCode municipality,
            SiteOwner owner, SiteStatus status, BigDecimal latitude, BigDecimal longitude, BigDecimal cost, String contact,
            String notes) {
        return new TemporarySite(id, kind, name, municipality, PROVINCE_UTRECHT, "Weg " + id + ", " + name, latitude,
                longitude, owner, 10 * (int) id, TODAY.minusDays(30), TODAY.plusMonths(6), cost, status,
                TODAY.minusDays(3), contact, notes, 2, Instant.EPOCH, "test");
    }

    private static Properties labels(String language) throws IOException {
        var labels = new Properties();
        for (var bundle : List.of("/messages" + language + ".properties", "/i18n/sites" + language + ".properties")) {
            try (var in = new InputStreamReader(SiteTableTests.class.getResourceAsStream(bundle), StandardCharsets.UTF_8)) {
                labels.load(in);
            }
        }
        return labels;
    }
}
