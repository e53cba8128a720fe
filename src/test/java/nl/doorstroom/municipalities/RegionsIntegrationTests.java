package nl.doorstroom.municipalities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;

import nl.doorstroom.municipalities.Regions.RegionForm;
import nl.doorstroom.shared.EditConflict;
import nl.doorstroom.shared.InvalidInput;
import nl.doorstroom.shared.MunicipalityCode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@nl.doorstroom.IntegrationTest
class RegionsIntegrationTests {

    static final MunicipalityCode UTRECHT = MunicipalityCode.of("GM0344");
    static final MunicipalityCode ZEIST = MunicipalityCode.of("GM0355");
    static final MunicipalityCode NIEUWEGEIN = MunicipalityCode.of("GM0356");

    @Autowired
    Regions regions;

    @org.junit.jupiter.api.BeforeEach
    void signInAsCoordinator() {
        org.springframework.security.core.context.SecurityContextHolder.getContext()
                .setAuthentication(nl.doorstroom.TestUsers.signedIn(nl.doorstroom.identity.Role.NATIONAL_COORDINATOR));
    }

    @org.junit.jupiter.api.AfterEach
    void signOut() {
        org.springframework.security.core.context.SecurityContextHolder.clearContext();
    }

    @Test
    void shipsTheFiveCoaLinkingRegionsCoveringEveryMunicipalityOnce() {
        var coa = regions.all().stream().filter(r -> r.kind() == Region.RegionKind.COA_LINKING).toList();

        assertThat(coa).hasSize(5);
        assertThat(coa.stream().mapToInt(r -> r.members().size()).sum()).isEqualTo(342);
    }

    @Test
    void definesAndChangesARegionOfNeighbours() {
        var region = regions.define(new RegionForm("Regio Utrecht-Zuid", "Samenwerking", Set.of(UTRECHT, ZEIST)));

        var changed = regions.change(region.code(), region.version(),
                new RegionForm("Regio Utrecht-Zuid", null, Set.of(UTRECHT, NIEUWEGEIN)));

        assertThat(changed.members()).containsExactly(UTRECHT, NIEUWEGEIN);
        assertThat(changed.version()).isEqualTo(region.version() + 1);
    }

    @Test
    void aChangeBasedOnAStaleVersionIsRefusedNotSilentlyApplied() {
        var region = regions.define(new RegionForm("Regio Gelijktijdig", null, Set.of(UTRECHT)));
        regions.change(region.code(), region.version(), new RegionForm("Eerste wijziging", null, Set.of(ZEIST)));

        assertThatThrownBy(() -> regions.change(region.code(), region.version(),
                new RegionForm("Tweede wijziging", null, Set.of(NIEUWEGEIN)))).isInstanceOf(EditConflict.class);
        assertThat(regions.find(region.code()).orElseThrow().name()).isEqualTo("Eerste wijziging");
    }

    @Test
    void coaLinkingRegionsAreReferenceDataAndCannotBeChanged() {
        assertThatThrownBy(() -> regions.change("COA-1", 0, new RegionForm("X", null, Set.of(UTRECHT))))
                .isInstanceOf(InvalidInput.class);
    }

    @Test
    void refusesARegionWithoutNameOrMembers() {
        assertThatThrownBy(() -> regions.define(new RegionForm(" ", null, Set.of())))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems())
                        .extracting(InvalidInput.Problem::field).containsExactly("name", "members"));
    }
}
