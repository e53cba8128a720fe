package nl.doorstroom.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import nl.doorstroom.documents.Chart.Series;
import org.junit.jupiter.api.Test;

class ChartTests {

    @Test
    void writesWhatChartsJsReads() {
        var chart = Chart.line(List.of("2026-07", "2026-08", "2026-09"),
                        List.of(new Series("Friesland", Arrays.asList(new BigDecimal("0.125"), null, 0.5))))
                .withYAxisName("Realisatie").inPercent().withMarkLine("Taakstelling", 1);

        var json = chart.json();

        assertThat(json).isEqualTo("{\"type\":\"line\",\"categories\":[\"2026-07\",\"2026-08\",\"2026-09\"],"
                + "\"series\":[{\"name\":\"Friesland\",\"data\":[0.125,null,0.5]}],\"yAxisName\":\"Realisatie\","
                + "\"percent\":true,\"markLine\":{\"name\":\"Taakstelling\",\"value\":1}}");
    }

    @Test
    void stacksSeriesThatShareAStack() {
        var chart = Chart.bar(List.of("Urk"), List.of(new Series("Gehuisvest", List.of(4), "stand"),
                new Series("Open", List.of(2), "stand")));

        assertThat(chart.json()).contains("{\"name\":\"Gehuisvest\",\"data\":[4],\"stack\":\"stand\"}");
    }

    @Test
    void refusesASeriesThatDoesNotFitTheCategories() {
        assertThatIllegalArgumentException().isThrownBy(() -> Chart.bar(List.of("Urk", "Ameland"),
                List.of(new Series("Gehuisvest", List.of(4)))));
        assertThatIllegalArgumentException().isThrownBy(() -> new Chart("pie", List.of(), List.of(), null, null, null));
    }

    @Test
    void drawsBarsSidewaysAndLinesOverANumericAxis() {
        var tornado = Chart.bar(List.of("Mutaties"), List.of(new Series("-20%", List.of(-3), "swing"),
                new Series("+20%", List.of(2), "swing"))).sideways();
        var curve = Chart.line(List.of("40.5", "12"), List.of(new Series("Percentages", List.of(0.1, 0.6))))
                .withNumericX("Tekort");

        assertThat(tornado.json()).endsWith(",\"horizontal\":true}");
        assertThat(curve.json()).endsWith(",\"xAxisName\":\"Tekort\",\"numericX\":true}");
        assertThatIllegalArgumentException().isThrownBy(() -> Chart.line(List.of("week 1"),
                List.of(new Series("x", List.of(1)))).withNumericX("Tekort"));
    }
}
