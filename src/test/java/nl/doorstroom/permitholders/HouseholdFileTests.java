package nl.doorstroom.permitholders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import nl.doorstroom.shared.InvalidInput;
import nl.doorstroom.shared.MunicipalityCode;
import org.junit.jupiter.api.Test;

class HouseholdFileTests {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 28);
    static final Set<String> KNOWN = Set.of("GM0344", "GM0307", "GM0599");

    static List<HouseholdFile.Entry> read(String csv) {
        return HouseholdFile.read(new StringReader(csv), code -> KNOWN.contains(code.value()), TODAY,
                references -> Set.of());
    }

    @Test
    void readsMembersCriteriaAndTheProfileWithDutchHeaders() {
        var entries = read("""
                referentie;locatie;locatie_gemeente;vergunningsdatum;taal;opleiding;werkervaring;beperking;leden;criteria
                COA-1001;azc Amersfoort;0307;05-01-2026;Arabisch;HIGHER;SOME;MOBILITY;30-44/V/hoofd|5-11/M/kind;WORK:GM0599:16|RELATIVE:344
                """);

        var form = entries.get(0).form();
        assertThat(form.reference()).isEqualTo("COA-1001");
        assertThat(form.locationMunicipality()).isEqualTo(MunicipalityCode.of("GM0307"));
        assertThat(form.permitDate()).isEqualTo(LocalDate.of(2026, 1, 5));
        assertThat(form.profile().education()).isEqualTo(Profile.Education.HIGHER);
        assertThat(form.members()).containsExactly(new Member(Member.AgeBand.A30_44, Member.Sex.F, Member.Role.HEAD),
                new Member(Member.AgeBand.A5_11, Member.Sex.M, Member.Role.CHILD));
        assertThat(form.criteria()).extracting(FirmCriterion::code).containsExactly("WORK:GM0599:16", "RELATIVE:GM0344");
    }

    @Test
    void reportsEveryBadRowByRowAndColumn() {
        var refusal = catchThrowableOfType(InvalidInput.class, () -> read("""
                reference,location,location_municipality,permit_date,members,education
                123456789,azc A,GM0344,2026-01-05,30-44/F/HEAD,
                COA-2,azc A,GM0344,2026-13-05,30-44/F/HEAD,
                COA-3,azc A,GM0344,2026-01-05,30-44/F/BOSS,
                COA-4,azc A,GM0344,2026-01-05,30-44/F/HEAD,DOCTORATE
                COA-4,azc A,GM0344,2026-01-05,30-44/F/HEAD,
                """));

        assertThat(refusal.problems()).extracting(p -> p.row() + " " + p.field() + " " + p.messageKey()).containsExactly(
                "2 reference household.reference.identifying",
                "3 permit_date household.permitDate.invalid",
                "4 household_members household.member.format",
                "5 education household.choice.unknown",
                "6 reference households.reference.duplicateInFile");
    }

    @Test
    void aMissingRequiredColumnIsNamedAsTheFileSpellsIt() {
        var refusal = catchThrowableOfType(InvalidInput.class, () -> read("""
                reference,location,permit_date
                COA-1,azc A,2026-01-05
                """));

        assertThat(refusal.problems()).extracting(p -> p.arguments().get(0))
                .containsExactly("location_municipality", "members");
    }
}
