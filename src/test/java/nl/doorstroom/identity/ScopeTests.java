package nl.doorstroom.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Set;

import nl.doorstroom.shared.MunicipalityCode;
import nl.doorstroom.shared.ProvinceCode;
import org.junit.jupiter.api.Test;

class ScopeTests {

    static final MunicipalityCode UTRECHT = MunicipalityCode.of("GM0344");
    static final MunicipalityCode ZEIST = MunicipalityCode.of("GM0355");
    static final MunicipalityCode AMSTERDAM = MunicipalityCode.of("GM0363");
    static final ProvinceCode PROVINCE_UTRECHT = ProvinceCode.of("PV26");
    static final ProvinceCode NOORD_HOLLAND = ProvinceCode.of("PV27");

    @Test
    void nationSeesEveryMunicipality() {
        assertThat(Scope.nation().covers(AMSTERDAM, NOORD_HOLLAND)).isTrue();
    }

    @Test
    void provinceSeesOnlyItsOwnMunicipalities() {
        var scope = Scope.province(PROVINCE_UTRECHT);

        assertThat(scope.covers(ZEIST, PROVINCE_UTRECHT)).isTrue();
        assertThat(scope.covers(AMSTERDAM, NOORD_HOLLAND)).isFalse();
        assertThat(scope.coversProvince(NOORD_HOLLAND)).isFalse();
    }

    @Test
    void municipalitySeesOnlyItself() {
        var scope = Scope.municipality(UTRECHT);

        assertThat(scope.covers(UTRECHT, PROVINCE_UTRECHT)).isTrue();
        assertThat(scope.covers(ZEIST, PROVINCE_UTRECHT)).isFalse();
        assertThat(scope.coversProvince(PROVINCE_UTRECHT)).isFalse();
    }

    @Test
    void housingCorporationSeesTheMunicipalitiesItServes() {
        var scope = Scope.organisation("Woonstichting", Set.of(UTRECHT, ZEIST));

        assertThat(scope.covers(ZEIST, PROVINCE_UTRECHT)).isTrue();
        assertThat(scope.covers(AMSTERDAM, NOORD_HOLLAND)).isFalse();
    }

    @Test
    void refusesIncompleteScopes() {
        assertThatIllegalArgumentException().isThrownBy(() -> Scope.organisation("Woonstichting", Set.of()));
        assertThatIllegalArgumentException().isThrownBy(() -> Scope.organisation(" ", Set.of(UTRECHT)));
    }
}
