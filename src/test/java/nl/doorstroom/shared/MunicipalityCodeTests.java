package nl.doorstroom.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class MunicipalityCodeTests {

    @Test
    void readsEveryFormCbsPublishes() {
        assertThat(MunicipalityCode.parse("GM0363")).isEqualTo(MunicipalityCode.of("GM0363"));
        assertThat(MunicipalityCode.parse("0363")).isEqualTo(MunicipalityCode.of("GM0363"));
        assertThat(MunicipalityCode.parse(" 363 ")).isEqualTo(MunicipalityCode.of("GM0363"));
        assertThat(MunicipalityCode.parse("gm0014")).isEqualTo(MunicipalityCode.of("GM0014"));
    }

    @Test
    void refusesWhatIsNotACode() {
        assertThatIllegalArgumentException().isThrownBy(() -> MunicipalityCode.parse("Amsterdam"));
        assertThatIllegalArgumentException().isThrownBy(() -> MunicipalityCode.parse("36300"));
        assertThatIllegalArgumentException().isThrownBy(() -> MunicipalityCode.of("GM363"));
        assertThatIllegalArgumentException().isThrownBy(() -> ProvinceCode.of("PV2"));
    }
}
