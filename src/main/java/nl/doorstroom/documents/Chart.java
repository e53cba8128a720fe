package nl.doorstroom.documents;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.json.JsonMapper;

/**
 * A line or bar chart (bars also sideways; a line also over a numeric x axis) as {@code static/js/charts.js} draws it: give {@link #json()} to the
 * {@code chart(id, label, json)} fragment in {@code fragments/documents.html}. Values are numbers or
 * {@code null} (a gap); with {@code percent} they are fractions (0.875 is shown as 87.5%), as in a
 * {@link Table.Kind#PERCENT} column. The page shows the same figures in a table as well.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Chart(String type, List<String> categories, List<Series> series, String yAxisName, Boolean percent,
        MarkLine markLine, String xAxisName, Boolean horizontal, Boolean numericX) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public Chart {
        if (!"line".equals(type) && !"bar".equals(type)) {
            throw new IllegalArgumentException("A chart is a line or a bar chart: " + type);
        }
        categories = List.copyOf(categories);
        series = List.copyOf(series);
        for (var s : series) {
            if (s.data().size() != categories.size()) {
                throw new IllegalArgumentException("Series " + s.name() + " has " + s.data().size()
                        + " values for " + categories.size() + " categories");
            }
        }
    }

    public Chart(String type, List<String> categories, List<Series> series, String yAxisName, Boolean percent,
            MarkLine markLine) {
        this(type, categories, series, yAxisName, percent, markLine, null, null, null);
    }

    public static Chart line(List<String> categories, List<Series> series) {
        return new Chart("line", categories, series, null, null, null);
    }

    public static Chart bar(List<String> categories, List<Series> series) {
        return new Chart("bar", categories, series, null, null, null);
    }

    public Chart withYAxisName(String name) {
        return new Chart(type, categories, series, name, percent, markLine, xAxisName, horizontal, numericX);
    }

    /** Values are fractions, shown as percentages. */
    public Chart inPercent() {
        return new Chart(type, categories, series, yAxisName, true, markLine, xAxisName, horizontal, numericX);
    }

    /** A labelled horizontal line, such as the quota or a target. */
    public Chart withMarkLine(String name, Number value) {
        return new Chart(type, categories, series, yAxisName, percent, new MarkLine(name, value), xAxisName, horizontal,
                numericX);
    }

    /** Bars drawn sideways: categories down the side, values along the bottom (a tornado chart). */
    public Chart sideways() {
        return new Chart(type, categories, series, yAxisName, percent, markLine, xAxisName, true, numericX);
    }

    /**
     * The categories are numbers (written as text) placed at their value on the x axis, so a line joins points
     * (x, y) at their true distances, as a trade-off curve needs.
     */
    public Chart withNumericX(String name) {
        for (var category : categories) {
            Double.parseDouble(category);
        }
        return new Chart(type, categories, series, yAxisName, percent, markLine, name, horizontal, true);
    }

    /** The chart for the {@code data-chart} attribute; Thymeleaf escapes it there. */
    public String json() {
        return JSON.writeValueAsString(this);
    }

    /** One line, or one set of bars; series with the same {@code stack} are stacked. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Series(String name, List<? extends Number> data, String stack) {

        public Series {
            Objects.requireNonNull(name, "name");
            // Not List.copyOf: a gap is null.
            data = Collections.unmodifiableList(new ArrayList<>(data));
        }

        public Series(String name, List<? extends Number> data) {
            this(name, data, null);
        }
    }

    public record MarkLine(String name, Number value) {

        public MarkLine {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
        }
    }
}
