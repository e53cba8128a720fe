package nl.doorstroom.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import nl.doorstroom.identity.DoorstroomUser;
import nl.doorstroom.identity.Role;
import nl.doorstroom.identity.Scope;
import nl.doorstroom.shared.MunicipalityCode;
import nl.doorstroom.shared.ProvinceCode;
import org.junit.jupiter.api.Test;

/** The work list's organisation of each role (the mapping documented on {@link TableMembers}). */
class TableMembersTests {

    static Set<String> organisationsOf(Role role, Scope scope) {
        var user = new DoorstroomUser(1, "u", "U", role, scope);
        return TableMembers.organisationsOf(user, code -> code.value().equals("GM0344") ? "Utrecht" : "Elders",
                code -> code.value().equals("PV26") ? "Utrecht" : "Elders");
    }

    @Test
    void nationalRolesMapToTheirOrganisationAtTheTable() {
        assertThat(organisationsOf(Role.COA_PLANNER, Scope.nation())).containsExactly("COA");
        assertThat(organisationsOf(Role.NATIONAL_COORDINATOR, Scope.nation())).containsExactly("Coördinatiecentrum");
        assertThat(organisationsOf(Role.MINISTRY_ANALYST, Scope.nation()))
                .containsExactly(TableMembers.JENV, TableMembers.BZK, TableMembers.SZW);
        assertThat(organisationsOf(Role.ADMINISTRATOR, Scope.nation())).isEmpty();
    }

    @Test
    void scopedRolesMapToTheirProvinceMunicipalityOrOrganisation() {
        assertThat(organisationsOf(Role.PROVINCE_SUPERVISOR, Scope.province(ProvinceCode.of("PV26"))))
                .containsExactly("Provincie Utrecht", TableMembers.IPO);
        assertThat(organisationsOf(Role.MUNICIPALITY_OFFICER, Scope.municipality(MunicipalityCode.of("GM0344"))))
                .containsExactly("Gemeente Utrecht");
        assertThat(organisationsOf(Role.HOUSING_CORPORATION,
                Scope.organisation("Woonstichting Voorbeeld", Set.of(MunicipalityCode.of("GM0344")))))
                .containsExactly("Woonstichting Voorbeeld");
    }

    @Test
    void onlyTheChairsSideEditsAndMunicipalitiesAndCorporationsSeeTheirOwnPartOnly() {
        assertThat(TableMembers.EDITORS).containsExactlyInAnyOrder(Role.NATIONAL_COORDINATOR, Role.MINISTRY_ANALYST,
                Role.ADMINISTRATOR);
        assertThat(TableMembers.READERS).containsExactlyInAnyOrder(Role.values());
        assertThat(TableMembers.seesEverything(new DoorstroomUser(1, "m", "M", Role.MUNICIPALITY_OFFICER,
                Scope.municipality(MunicipalityCode.of("GM0344"))))).isFalse();
        assertThat(TableMembers.seesEverything(new DoorstroomUser(1, "p", "P", Role.PROVINCE_SUPERVISOR,
                Scope.province(ProvinceCode.of("PV26"))))).isTrue();
    }
}
