package nl.doorstroom.reception;

import static nl.doorstroom.reception.ReceptionFixtures.GRONINGEN;
import static nl.doorstroom.reception.ReceptionFixtures.UTRECHT;
import static nl.doorstroom.reception.ReceptionFixtures.csv;
import static nl.doorstroom.reception.ReceptionFixtures.newCode;
import static nl.doorstroom.reception.ReceptionFixtures.regularIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;
import java.util.Set;

import nl.doorstroom.IntegrationTest;
import nl.doorstroom.TestUsers;
import nl.doorstroom.identity.Role;
import nl.doorstroom.shared.EditConflict;
import nl.doorstroom.shared.InvalidInput;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/**
 * The facade on the embedded database: registering and changing locations, scopes, emergency measures, the
 * norm, and the national series and capacity other modules read. Figures in 2015, where the demo has none, so
 * that the sums are exact; capacity compared before and after, as the demo's locations count too.
 */
@IntegrationTest
class ReceptionLocationsIntegrationTests {

    @Autowired
    ReceptionLocations reception;

    @Test
    void aLocationIsRegisteredChangedAndAStaleChangeIsRefused() throws Exception {
        var code = newCode("LOC");
        long id = TestUsers.as(Role.COA_PLANNER, () -> reception.register(regularIn(UTRECHT, code, 400)));

        TestUsers.as(Role.COA_PLANNER, () -> {
            reception.change(id, 0, new LocationForm(code, "Azc gewijzigd", UTRECHT, LocationKind.EMERGENCY, 350, 50,
                    null, null));
            return null;
        });
        var stale = catchThrowableOfType(EditConflict.class, () -> TestUsers.as(Role.COA_PLANNER, () -> {
            reception.change(id, 0, regularIn(UTRECHT, code, 1));
            return null;
        }));
        var stored = TestUsers.as(Role.COA_PLANNER, () -> reception.location(id)).orElseThrow();

        assertThat(stale).isNotNull();
        assertThat(stored.name()).isEqualTo("Azc gewijzigd");
        assertThat(stored.kind()).isEqualTo(LocationKind.EMERGENCY);
        assertThat(stored.capacity()).isEqualTo(400);
        assertThat(stored.version()).isEqualTo(1);
        assertThat(stored.synthetic()).isFalse();
    }

    @Test
    void aLocationIsRefusedWithEveryProblemAndATakenCode() throws Exception {
        var code = newCode("DUP");
        TestUsers.as(Role.COA_PLANNER, () -> reception.register(regularIn(UTRECHT, code, 400)));

        var refused = catchThrowableOfType(InvalidInput.class, () -> TestUsers.as(Role.COA_PLANNER, () -> reception.register(
                new LocationForm(code.toLowerCase(), " ", nl.doorstroom.shared.MunicipalityCode.of("GM9999"), null, -1, 0,
                        LocalDate.of(2020, 1, 1), LocalDate.of(2019, 1, 1)))));

        assertThat(refused.problems()).extracting(p -> p.field() + ":" + p.messageKey()).containsExactlyInAnyOrder(
                "name:reception.name.missing", "municipality:reception.municipality.unknown", "kind:reception.kind.missing",
                "regularCapacity:reception.capacity.negative", "closedOn:reception.closedOn.beforeOpened",
                "code:reception.code.taken");
    }

    @Test
    void onlyCoaPlannersRegisterAndReadersSeeTheLocationsInTheirScope() throws Exception {
        long utrecht = TestUsers.as(Role.COA_PLANNER, () -> reception.register(regularIn(UTRECHT, newCode("U"), 300)));
        long groningen = TestUsers.as(Role.COA_PLANNER, () -> reception.register(regularIn(GRONINGEN, newCode("G"), 300)));

        var coordinator = catchThrowableOfType(AccessDeniedException.class, () -> TestUsers.as(Role.NATIONAL_COORDINATOR,
                () -> reception.register(regularIn(UTRECHT, newCode("X"), 1))));
        var corporation = catchThrowableOfType(AccessDeniedException.class, () -> TestUsers.as(Role.HOUSING_CORPORATION,
                () -> reception.search(null, Set.of())));
        var province = TestUsers.as(Role.PROVINCE_SUPERVISOR, () -> reception.search(null, Set.of()));
        var officer = TestUsers.as(Role.MUNICIPALITY_OFFICER, () -> reception.search(null, Set.of()));
        var groningenForOfficer = TestUsers.as(Role.MUNICIPALITY_OFFICER, () -> reception.location(groningen));
        var analyst = TestUsers.as(Role.MINISTRY_ANALYST, () -> reception.search(null, Set.of(LocationKind.REGULAR)));

        assertThat(coordinator).isNotNull();
        assertThat(corporation).isNotNull();
        assertThat(province).extracting(ReceptionLocation::id).contains(utrecht).doesNotContain(groningen);
        assertThat(province).allMatch(l -> l.province().value().equals("PV26"));
        assertThat(officer).extracting(ReceptionLocation::id).contains(utrecht).doesNotContain(groningen);
        assertThat(groningenForOfficer).isEmpty();
        assertThat(analyst).extracting(ReceptionLocation::id).contains(utrecht, groningen);
    }

    @Test
    void anEmergencyMeasureIsRecordedWithItsDates() throws Exception {
        long id = TestUsers.as(Role.COA_PLANNER, () -> reception.register(regularIn(UTRECHT, newCode("M"), 300)));
        var from = LocalDate.of(2015, 3, 1);

        TestUsers.as(Role.COA_PLANNER, () -> reception.recordMeasure(id, new MeasureForm(MeasureKind.WAITING_ROOM_DORMITORY,
                "IND-wachtruimte als slaapzaal", from, from.plusDays(30), 120)));
        var refused = catchThrowableOfType(InvalidInput.class, () -> TestUsers.as(Role.COA_PLANNER,
                () -> reception.recordMeasure(id, new MeasureForm(null, "", from, from.minusDays(1), -1))));
        var measures = TestUsers.as(Role.MINISTRY_ANALYST, () -> reception.measures(id));

        assertThat(measures).singleElement().satisfies(m -> {
            assertThat(m.kind()).isEqualTo(MeasureKind.WAITING_ROOM_DORMITORY);
            assertThat(m.inForceOn(from.plusDays(30))).isTrue();
            assertThat(m.inForceOn(from.plusDays(31))).isFalse();
            assertThat(m.places()).isEqualTo(120);
        });
        assertThat(refused.problems()).extracting(p -> p.field()).containsExactlyInAnyOrder("measureKind", "description",
                "endsOn", "places");
    }

    @Test
    void theNationalSeriesSumsEachLocationsLastFigureOfTheWeekByGroup() throws Exception {
        var central = newCode("TA");
        var holding = newCode("VP");
        var regular = newCode("AZC");
        var week = LocalDate.of(2015, 6, 8);
        var before = reception.nationalSeries(week, week.plusDays(6)).get(0);
        TestUsers.as(Role.COA_PLANNER, () -> {
            reception.register(new LocationForm(central, "Aanmeldcentrum test", GRONINGEN, LocationKind.CENTRAL_REGISTRATION,
                    2000, 500, LocalDate.of(2015, 1, 1), LocalDate.of(2015, 12, 31)));
            reception.register(new LocationForm(holding, "Voorportaal test", GRONINGEN, LocationKind.PRE_REGISTRATION,
                    300, 0, LocalDate.of(2015, 1, 1), LocalDate.of(2015, 12, 31)));
            reception.register(regularIn(UTRECHT, regular, 400));
            // Two figures of the regular location in the week: the last one (Friday) counts.
            return reception.importFile(csv("""
                    location;date;in_procedure;permit_holders;other
                    %1$s;2015-06-09;1900;100;150
                    %2$s;2015-06-10;0;0;250
                    %3$s;2015-06-08;300;80;10
                    %3$s;2015-06-12;310;85;12
                    %3$s;2015-06-15;999;999;999
                    """.formatted(central, holding, regular)));
        });

        var series = reception.nationalSeries(week.plusDays(2), week.plusDays(6));
        var after = series.get(0);

        assertThat(series).hasSize(1);
        assertThat(after.week()).isEqualTo(week);
        assertThat(after.inProcedure() - before.inProcedure()).isEqualTo(1900 + 0 + 310);
        assertThat(after.permitHolders() - before.permitHolders()).isEqualTo(100 + 85);
        assertThat(after.other() - before.other()).isEqualTo(150 + 250 + 12);
        assertThat(after.centralRegistration() - before.centralRegistration()).isEqualTo(2150);
        assertThat(after.preRegistrationWaiting() - before.preRegistrationWaiting()).isEqualTo(250);
        assertThat(after.regularCapacity() - before.regularCapacity()).isEqualTo(2000 + 300 + 400);
        assertThat(after.emergencyCapacity() - before.emergencyCapacity()).isEqualTo(500);
        assertThat(after.locationsReporting() - before.locationsReporting()).isEqualTo(3);
    }

    @Test
    void capacityByMunicipalityCountsTheLocationsOpenOnTheDay() throws Exception {
        var day = LocalDate.of(2015, 6, 1);
        var before = reception.capacityByMunicipality(day).getOrDefault(GRONINGEN, new MunicipalCapacity(GRONINGEN, 0, 0, 0));
        var afterClosing = reception.capacityByMunicipality(LocalDate.of(2016, 1, 1))
                .getOrDefault(GRONINGEN, new MunicipalCapacity(GRONINGEN, 0, 0, 0));

        TestUsers.as(Role.COA_PLANNER, () -> reception.register(new LocationForm(newCode("CAP"), "Noodopvang test", GRONINGEN,
                LocationKind.EMERGENCY, 200, 40, LocalDate.of(2015, 1, 1), LocalDate.of(2015, 12, 31))));
        var after = reception.capacityByMunicipality(day).get(GRONINGEN);
        var closed = reception.capacityByMunicipality(LocalDate.of(2016, 1, 1))
                .getOrDefault(GRONINGEN, new MunicipalCapacity(GRONINGEN, 0, 0, 0));

        assertThat(after.locations() - before.locations()).isEqualTo(1);
        assertThat(after.regularCapacity() - before.regularCapacity()).isEqualTo(200);
        assertThat(after.emergencyCapacity() - before.emergencyCapacity()).isEqualTo(40);
        assertThat(closed).isEqualTo(afterClosing);
    }

    @Test
    void theNormIsSetAsANewVersionByANationalCoordinatorOnly() throws Exception {
        var current = reception.terApelNorm();

        var set = TestUsers.as(Role.NATIONAL_COORDINATOR,
                () -> reception.setTerApelNorm(current.version(), 2100, LocalDate.of(2026, 1, 1)));
        var stale = catchThrowableOfType(EditConflict.class, () -> TestUsers.as(Role.NATIONAL_COORDINATOR,
                () -> reception.setTerApelNorm(current.version(), 1900, LocalDate.of(2026, 1, 1))));
        var planner = catchThrowableOfType(AccessDeniedException.class, () -> TestUsers.as(Role.COA_PLANNER,
                () -> reception.setTerApelNorm(set.version(), 1900, LocalDate.of(2026, 1, 1))));
        var back = TestUsers.as(Role.NATIONAL_COORDINATOR,
                () -> reception.setTerApelNorm(set.version(), current.persons(), LocalDate.of(2026, 2, 1)));

        assertThat(set.version()).isEqualTo(current.version() + 1);
        assertThat(set.persons()).isEqualTo(2100);
        assertThat(stale).isNotNull();
        assertThat(planner).isNotNull();
        assertThat(back.persons()).isEqualTo(current.persons());
        assertThat(reception.normHistory()).extracting(ReceptionNorm::version).startsWith(back.version(), set.version());
    }
}
