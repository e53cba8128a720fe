package nl.doorstroom.sites;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;

import nl.doorstroom.IntegrationTest;
import nl.doorstroom.TestUsers;
import nl.doorstroom.identity.AuditTrail;
import nl.doorstroom.identity.Role;
import nl.doorstroom.shared.EditConflict;
import nl.doorstroom.shared.InvalidInput;
import nl.doorstroom.shared.InvalidInput.Problem;
import nl.doorstroom.shared.MunicipalityCode;
import nl.doorstroom.shared.ProvinceCode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/**
 * The inventory on embedded PostgreSQL with the demo data: scopes of every role, the optimistic lock, the
 * status line with its history, duplicates against the register, all-or-nothing imports and the audit trail.
 */
@IntegrationTest
class SiteInventoryIntegrationTests {

    static final MunicipalityCode UTRECHT = MunicipalityCode.of("GM0344");
    static final MunicipalityCode ZEIST = MunicipalityCode.of("GM0355");
    static final MunicipalityCode AMSTERDAM = MunicipalityCode.of("GM0363");
    static final AtomicInteger SEQUENCE = new AtomicInteger();

    @Autowired
    SiteInventory inventory;

    @Autowired
    JdbcClient jdbc;

    @Test
    void eachRoleSeesTheSitesOfItsScopeOnly() throws Exception {
        var name = unique("Hotel Scope");
        long inUtrecht = TestUsers.as(Role.NATIONAL_COORDINATOR, () -> inventory.register(hotel(name, UTRECHT), null));
        long inZeist = TestUsers.as(Role.NATIONAL_COORDINATOR, () -> inventory.register(hotel(name, ZEIST), null));
        long inAmsterdam = TestUsers.as(Role.NATIONAL_COORDINATOR, () -> inventory.register(hotel(name, AMSTERDAM), null));

        var coordinator = visible(Role.NATIONAL_COORDINATOR, inUtrecht, inZeist, inAmsterdam);
        var coa = visible(Role.COA_PLANNER, inUtrecht, inZeist, inAmsterdam);
        var analyst = visible(Role.MINISTRY_ANALYST, inUtrecht, inZeist, inAmsterdam);
        var province = visible(Role.PROVINCE_SUPERVISOR, inUtrecht, inZeist, inAmsterdam);
        var municipality = visible(Role.MUNICIPALITY_OFFICER, inUtrecht, inZeist, inAmsterdam);

        assertThat(coordinator).containsExactly(inUtrecht, inZeist, inAmsterdam);
        assertThat(coa).containsExactly(inUtrecht, inZeist, inAmsterdam);
        assertThat(analyst).containsExactly(inUtrecht, inZeist, inAmsterdam);
        assertThat(province).containsExactly(inUtrecht, inZeist);
        assertThat(municipality).containsExactly(inUtrecht);
        assertThat(TestUsers.as(Role.PROVINCE_SUPERVISOR, () -> inventory.site(inAmsterdam))).isEmpty();
        assertThat(TestUsers.as(Role.PROVINCE_SUPERVISOR, () -> inventory.inProvince(ProvinceCode.of("PV27")))).isEmpty();
        assertThat(TestUsers.as(Role.MUNICIPALITY_OFFICER, () -> inventory.inProvince(ProvinceCode.of("PV26"))))
                .allSatisfy(s -> assertThat(s.municipality()).isEqualTo(UTRECHT));
    }

    @Test
    void housingCorporationsAndAdministratorsSeeNoSites() throws Exception {
        assertThatThrownBy(() -> TestUsers.as(Role.HOUSING_CORPORATION, () -> inventory.search(SiteFilter.ALL)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> TestUsers.as(Role.ADMINISTRATOR, () -> inventory.search(SiteFilter.ALL)))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aMinistryAnalystReadsButChangesNothing() throws Exception {
        assertThatThrownBy(() -> TestUsers.as(Role.MINISTRY_ANALYST, () -> inventory.register(hotel(unique("Hotel"), UTRECHT), null)))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aProvinceAddsSitesInItsOwnMunicipalitiesOnly() throws Exception {
        var name = unique("Hotel Provincie");

        long own = TestUsers.as(Role.PROVINCE_SUPERVISOR, () -> inventory.register(hotel(name, ZEIST), null));
        var elsewhere = refusal(() -> TestUsers.as(Role.PROVINCE_SUPERVISOR, () -> inventory.register(hotel(name, AMSTERDAM), null)));

        assertThat(TestUsers.as(Role.PROVINCE_SUPERVISOR, () -> inventory.site(own))).isPresent();
        assertThat(elsewhere).extracting(Problem::field, Problem::messageKey)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("municipality", "sites.municipality.outsideScope"));
    }

    @Test
    void everyReadOfASiteOrAListOfSitesIsAuditedWithTheirIds() throws Exception {
        long id = TestUsers.as(Role.NATIONAL_COORDINATOR, () -> inventory.register(hotel(unique("Hotel Inzage"), ZEIST), null));

        TestUsers.as(Role.PROVINCE_SUPERVISOR, () -> inventory.site(id));
        TestUsers.as(Role.PROVINCE_SUPERVISOR, () -> inventory.inMunicipality(ZEIST));

        assertThat(jdbc.sql("""
                SELECT count(*) FROM audit_event WHERE action = 'site.read' AND subject_id = :id""")
                .param("id", String.valueOf(id)).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("""
                SELECT count(*) FROM audit_event WHERE action = 'sites.listed' AND detail ~ :ids""")
                .param("ids", "(=|,)" + id + "(,|$)").query(Long.class).single()).isPositive();
    }

    @Test
    void aMunicipalityCannotMoveItsSiteIntoAnotherMunicipality() throws Exception {
        long id = TestUsers.as(Role.MUNICIPALITY_OFFICER, () -> inventory.register(hotel(unique("Hotel Gemeente"), UTRECHT), null));
        var moved = hotel(unique("Hotel Gemeente"), ZEIST);

        var problems = refusal(() -> TestUsers.as(Role.MUNICIPALITY_OFFICER, () -> {
            inventory.change(id, 0, moved);
            return null;
        }));

        assertThat(problems).extracting(Problem::messageKey).containsExactly("sites.municipality.outsideScope");
    }

    @Test
    void aChangeBasedOnAnOlderVersionIsRefusedAndChangesNothing() throws Exception {
        var name = unique("Hotel Gelijktijdig");
        long id = TestUsers.as(Role.NATIONAL_COORDINATOR, () -> inventory.register(hotel(name, UTRECHT), null));
        var first = withCapacity(hotel(name, UTRECHT), 55);
        var second = withCapacity(hotel(name, UTRECHT), 70);

        TestUsers.as(Role.PROVINCE_SUPERVISOR, () -> {
            inventory.change(id, 0, first);
            return null;
        });

        assertThatThrownBy(() -> TestUsers.as(Role.NATIONAL_COORDINATOR, () -> {
            inventory.change(id, 0, second);
            return null;
        })).isInstanceOf(EditConflict.class);
        assertThatThrownBy(() -> TestUsers.as(Role.NATIONAL_COORDINATOR, () -> {
            inventory.moveStatus(id, 0, SiteStatus.CONTACTED, today(), null);
            return null;
        })).isInstanceOf(EditConflict.class);
        var stored = TestUsers.as(Role.NATIONAL_COORDINATOR, () -> inventory.site(id)).orElseThrow();
        assertThat(stored.capacity()).isEqualTo(55);
        assertThat(stored.version()).isEqualTo(1);
        assertThat(stored.status()).isEqualTo(SiteStatus.IDENTIFIED);
    }

    @Test
    void aSiteWalksTheStatusLineAndEveryStepIsKeptWithWhoWhenAndWhy() throws Exception {
        long id = TestUsers.as(Role.COA_PLANNER, () -> inventory.register(hotel(unique("Hotel Lijn"), UTRECHT), null,
                today().minusDays(20)));

        TestUsers.as(Role.COA_PLANNER, () -> {
            inventory.moveStatus(id, 0, SiteStatus.CONTACTED, today().minusDays(10), "Eerste gesprek");
            inventory.moveStatus(id, 1, SiteStatus.DROPPED, today(), "Eigenaar trekt zich terug");
            return null;
        });

        var history = TestUsers.as(Role.COA_PLANNER, () -> inventory.history(id));
        assertThat(history).extracting(StatusChange::from, StatusChange::to, StatusChange::occurredOn, StatusChange::reason)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(null, SiteStatus.IDENTIFIED, today().minusDays(20), null),
                        org.assertj.core.groups.Tuple.tuple(SiteStatus.IDENTIFIED, SiteStatus.CONTACTED,
                                today().minusDays(10), "Eerste gesprek"),
                        org.assertj.core.groups.Tuple.tuple(SiteStatus.CONTACTED, SiteStatus.DROPPED, today(),
                                "Eigenaar trekt zich terug"));
        assertThat(history).allSatisfy(h -> assertThat(h.changedBy()).isEqualTo("test-coa_planner"));
        var site = TestUsers.as(Role.COA_PLANNER, () -> inventory.site(id)).orElseThrow();
        assertThat(site.status()).isEqualTo(SiteStatus.DROPPED);
        assertThat(site.statusSince()).isEqualTo(today());
    }

    @Test
    void aStepOffTheLineOrADropWithoutReasonIsRefused() throws Exception {
        long id = TestUsers.as(Role.NATIONAL_COORDINATOR, () -> inventory.register(hotel(unique("Hotel Stap"), UTRECHT), null));

        var skip = refusal(() -> TestUsers.as(Role.NATIONAL_COORDINATOR, () -> {
            inventory.moveStatus(id, 0, SiteStatus.IN_USE, today(), null);
            return null;
        }));
        var drop = refusal(() -> TestUsers.as(Role.NATIONAL_COORDINATOR, () -> {
            inventory.moveStatus(id, 0, SiteStatus.DROPPED, today(), " ");
            return null;
        }));

        assertThat(skip).extracting(Problem::messageKey).containsExactly("site.status.notAllowed.IDENTIFIED");
        assertThat(drop).extracting(Problem::messageKey).containsExactly("site.reason.required");
    }

    @Test
    void theSamePlaceIsRefusedNamingTheSiteAlreadyRegistered() throws Exception {
        var name = unique("Hotel Dubbel");
        long first = TestUsers.as(Role.NATIONAL_COORDINATOR, () -> inventory.register(hotel(name, UTRECHT), null));
        var sameName = hotel(name.toUpperCase() + "!", UTRECHT);
        var elsewhere = hotel(name, ZEIST);

        var problems = refusal(() -> TestUsers.as(Role.NATIONAL_COORDINATOR, () -> inventory.register(sameName, null)));
        long other = TestUsers.as(Role.NATIONAL_COORDINATOR, () -> inventory.register(elsewhere, null));

        assertThat(problems).extracting(Problem::field, Problem::messageKey, Problem::arguments).containsExactly(
                org.assertj.core.groups.Tuple.tuple("name", "sites.duplicate.nameRegistered", java.util.List.of(first, name)));
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void anImportWithOneBadRowStoresNothing() throws Exception {
        var name = unique("Hotel Import");
        var file = "name;kind;municipality;address;owner;capacity\n"
                + name + " A;HOTEL;GM0344;Importweg 1 " + name + ";PRIVATE;40\n"
                + name + " B;HOTEL;GM0344;Importweg 2 " + name + ";PRIVATE;nul\n";

        var problems = refusal(() -> TestUsers.as(Role.PROVINCE_SUPERVISOR, () -> inventory.importFile(stream(file))));

        assertThat(problems).extracting(Problem::row, Problem::field).containsExactly(
                org.assertj.core.groups.Tuple.tuple(3, "capacity"));
        assertThat(jdbc.sql("SELECT count(*) FROM temporary_site WHERE name LIKE :n").param("n", name + "%")
                .query(Long.class).single()).isZero();
    }

    @Test
    void anImportAddsEveryRowAndADuplicateOfTheRegisterIsShownNotMerged() throws Exception {
        var name = unique("Hotel Lijst");
        var file = "name;kind;municipality;address;owner;capacity;status\n"
                + name + " A;HOTEL;Utrecht;Lijstweg 1 " + name + ";PRIVATE;40;AGREED\n"
                + name + " B;vakantiepark;GM0355;Lijstweg 2 " + name + ";particulier;100;\n";

        int imported = TestUsers.as(Role.PROVINCE_SUPERVISOR, () -> inventory.importFile(stream(file)));
        var again = refusal(() -> TestUsers.as(Role.PROVINCE_SUPERVISOR, () -> inventory.importFile(stream(file))));

        assertThat(imported).isEqualTo(2);
        var found = TestUsers.as(Role.PROVINCE_SUPERVISOR, () -> inventory.search(SiteFilter.ALL)).stream()
                .filter(s -> s.name().startsWith(name)).toList();
        assertThat(found).extracting(TemporarySite::status).containsExactlyInAnyOrder(SiteStatus.AGREED, SiteStatus.IDENTIFIED);
        assertThat(again).extracting(Problem::row, Problem::messageKey).containsExactly(
                org.assertj.core.groups.Tuple.tuple(2, "sites.duplicate.nameRegistered"),
                org.assertj.core.groups.Tuple.tuple(3, "sites.duplicate.nameRegistered"));
    }

    @Test
    void capacityPerMunicipalityCountsAgreedAndInUseButNotDroppedSites() throws Exception {
        var before = inventory.capacityIn(ZEIST);
        var name = unique("Hotel Capaciteit");
        TestUsers.as(Role.NATIONAL_COORDINATOR, () -> {
            inventory.register(withCapacity(hotel(name + " 1", ZEIST), 10), SiteStatus.AGREED);
            inventory.register(withCapacity(hotel(name + " 2", ZEIST), 20), SiteStatus.IN_USE);
            inventory.register(withCapacity(hotel(name + " 3", ZEIST), 30), SiteStatus.CONTACTED);
            long dropped = inventory.register(withCapacity(hotel(name + " 4", ZEIST), 40), SiteStatus.UNDER_NEGOTIATION);
            inventory.moveStatus(dropped, 0, SiteStatus.DROPPED, today(), "Te duur");
            return null;
        });

        var after = inventory.capacityIn(ZEIST);

        assertThat(after.agreedPersons() - before.agreedPersons()).isEqualTo(10);
        assertThat(after.inUsePersons() - before.inUsePersons()).isEqualTo(20);
        assertThat(after.pursuedPersons() - before.pursuedPersons()).isEqualTo(30);
        assertThat(after.sites() - before.sites()).isEqualTo(3);
    }

    @Test
    void everyChangeIsAuditedWithoutTheContactPersonOrTheReason() throws Exception {
        var form = new SiteForm(SiteKind.CHURCH_BUILDING, unique("Kerk Audit"), UTRECHT, unique("Kerkplein"), null, null,
                SiteOwner.CHURCH, 12, today(), null, null, "Ds. Geheim", "Vrije tekst");
        long id = TestUsers.as(Role.NATIONAL_COORDINATOR, () -> inventory.register(form, null));
        TestUsers.as(Role.NATIONAL_COORDINATOR, () -> {
            inventory.change(id, 0, withCapacity(form, 14));
            inventory.moveStatus(id, 1, SiteStatus.DROPPED, today(), "Ds. Geheim wil niet");
            return null;
        });

        var details = jdbc.sql("SELECT action || ' ' || coalesce(detail, '') FROM audit_event "
                + "WHERE subject_type = 'temporary-site' AND subject_id = :id ORDER BY id").param("id", String.valueOf(id))
                .query(String.class).list();

        assertThat(details).hasSize(3);
        assertThat(details.get(0)).startsWith("site.registered").contains("kind=CHURCH_BUILDING", "capacity=12");
        assertThat(details.get(1)).startsWith("site.changed").contains("fields=capacity");
        assertThat(details.get(2)).startsWith("site.status-changed").contains("to=DROPPED");
        assertThat(details).noneMatch(d -> d.contains("Geheim") || d.contains("Vrije"));
    }

    private java.util.List<Long> visible(Role role, long... ids) throws Exception {
        var mine = java.util.Arrays.stream(ids).boxed().toList();
        return TestUsers.as(role, () -> inventory.search(SiteFilter.ALL)).stream().map(TemporarySite::id).filter(mine::contains)
                .toList();
    }

    static SiteForm hotel(String name, MunicipalityCode municipality) {
        return new SiteForm(SiteKind.HOTEL, name, municipality, "Adres van " + name, new BigDecimal("52.09"),
                new BigDecimal("5.12"), SiteOwner.PRIVATE, 40, today(), null, new BigDecimal("85.00"), "J. Test", null);
    }

    static SiteForm withCapacity(SiteForm form, int capacity) {
        return new SiteForm(form.kind(), form.name(), form.municipality(), form.address(), form.latitude(),
                form.longitude(), form.owner(), capacity, form.availableFrom(), form.availableUntil(),
                form.costPerNight(), form.contactPerson(), form.notes());
    }

    static String unique(String prefix) {
        return prefix + " " + System.nanoTime() % 1_000_000_000L + "-" + SEQUENCE.incrementAndGet();
    }

    static LocalDate today() {
        return LocalDate.now(AuditTrail.ZONE);
    }

    static ByteArrayInputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    static java.util.List<Problem> refusal(java.util.concurrent.Callable<?> call) throws Exception {
        try {
            call.call();
        }
        catch (InvalidInput e) {
            return e.problems();
        }
        throw new AssertionError("Accepted");
    }
}
