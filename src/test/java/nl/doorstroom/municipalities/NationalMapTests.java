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
}
