package nl.doorstroom.municipalities;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

class NationalMapTests {

    @Test
    void quantileClassesHoldAboutAsManyMunicipalitiesEach() {
        var random = new Random(20261128L);
        var values = random.doubles(342, 1_000, 1_000_000).sorted().toArray();
        var breaks = NationalMap.quantileBreaks(values, 5);

        var counts = new int[5];
        Arrays.stream(values).forEach(v -> counts[NationalMap.classOf(v, breaks)]++);

        assertThat(breaks).hasSize(6).isSorted();
        assertThat(breaks[0]).isEqualTo(values[0]);
        assertThat(breaks[5]).isEqualTo(values[341]);
        assertThat(Arrays.stream(counts).boxed().toList()).allSatisfy(count -> assertThat(count).isBetween(66, 71));
    }

    @Test
    void everyValueFallsInAClassAndLargerValuesNeverInALowerOne() {
        var random = new Random(7L);
        for (int run = 0; run < 200; run++) {
            var values = random.doubles(1 + random.nextInt(400), 0, 1_000).sorted().toArray();
            var breaks = NationalMap.quantileBreaks(values, 5);
            int previous = 0;
            for (var value : values) {
                int colourClass = NationalMap.classOf(value, breaks);
                assertThat(colourClass).isBetween(0, 4).isGreaterThanOrEqualTo(previous);
                previous = colourClass;
            }
        }
    }

    @Test
    void drawsEveryShippedMunicipalityFromTheBoundaries() throws Exception {
        try (var in = getClass().getResourceAsStream("/reference/municipalities-nl-2024.topojson")) {
            var outlines = Boundaries.read(in);

            assertThat(outlines.paths()).hasSize(342);
            assertThat(outlines.paths().values()).allSatisfy(path -> assertThat(path).startsWith("M").endsWith("z"));
            assertThat(outlines.viewBox()).matches("0 0 \\d+ \\d+");
        }
    }

    @Test
    void everyMunicipalityHasACentreInsideTheMapAndAPlaceInDegreesRoundTrips() throws Exception {
        try (var in = getClass().getResourceAsStream("/reference/municipalities-nl-2024.topojson")) {
            var outlines = Boundaries.read(in);
            var box = outlines.viewBox().split(" ");
            double width = Double.parseDouble(box[2]), height = Double.parseDouble(box[3]);

            assertThat(outlines.centroids()).hasSize(342);
            assertThat(outlines.centroids().values()).allSatisfy(c -> {
                assertThat(c[0]).isBetween(0.0, width);
                assertThat(c[1]).isBetween(0.0, height);
                var degrees = outlines.unproject(c[0], c[1]);
                var back = outlines.project(degrees[0], degrees[1]);
                assertThat(back[0]).isCloseTo(c[0], org.assertj.core.data.Offset.offset(1e-6));
                assertThat(back[1]).isCloseTo(c[1], org.assertj.core.data.Offset.offset(1e-6));
            });
        }
    }

    @Test
    void theCentreOfUtrechtAndOfAmsterdamLieInThoseCities() throws Exception {
        try (var in = getClass().getResourceAsStream("/reference/municipalities-nl-2024.topojson")) {
            var outlines = Boundaries.read(in);

            var utrecht = centre(outlines, "GM0344");
            var amsterdam = centre(outlines, "GM0363");

            // Utrecht Centraal lies at 52.089 N, 5.110 E; the Dam in Amsterdam at 52.373 N, 4.893 E.
            assertThat(utrecht[0]).isBetween(52.03, 52.14);
            assertThat(utrecht[1]).isBetween(5.03, 5.18);
            assertThat(amsterdam[0]).isBetween(52.30, 52.42);
            assertThat(amsterdam[1]).isBetween(4.80, 5.02);
        }
    }

    private static double[] centre(Boundaries.Outlines outlines, String code) {
        var c = outlines.centroids().get(nl.doorstroom.shared.MunicipalityCode.of(code));
        return outlines.unproject(c[0], c[1]);
    }
}
