package nl.doorstroom.housingmarket.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import nl.doorstroom.documents.Chart;
import nl.doorstroom.documents.Table;
import nl.doorstroom.housingmarket.SimulationResult;
import nl.doorstroom.housingmarket.engine.Comparison;
import nl.doorstroom.housingmarket.engine.SimulatedWeek;
import nl.doorstroom.housingmarket.engine.Simulation;
import nl.doorstroom.housingmarket.engine.Sensitivity;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;

/** The charts and their tables of a simulation, in the page's language. */
public final class SimulationViews {

    /** One weekly measure per share: a chart and the same figures in a table. */
    public record Figure(String id, String heading, String label, String chart, Table table) {
    }

    private final MessageSource messages;
    private final Locale locale;

    SimulationViews(MessageSource messages) {
        this.messages = messages;
        this.locale = LocaleContextHolder.getLocale();
    }

    String text(String key, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    public static String percent(double share) {
        double value = Math.round(share * 1000) / 10.0;
        return (value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value)).replace('.', ',') + "%";
    }

    public String shareName(Comparison.Run run, Comparison comparison) {
        boolean current = Math.abs(run.share() - comparison.current().share()) < 1e-9;
        return current ? text("housingmarket.simulation.share.current", percent(run.share())) : percent(run.share());
    }

    List<Figure> weekly(SimulationResult result) {
        var comparison = result.comparison();
        var figures = new ArrayList<Figure>();
        figures.add(figure(result, "housed", week -> round(week.housedPersons()), Table.Kind.DECIMAL));
        figures.add(figure(result, "shortfall", week -> round(week.shortfall()), Table.Kind.DECIMAL));
        figures.add(figure(result, "queue", week -> round(week.queue()), Table.Kind.DECIMAL));
        var extra = new ArrayList<List<Double>>();
        comparison.runs().forEach(run -> extra.add(run.extraWaitMonths()));
        figures.add(figure(result, "wait", week -> week.waitMonths() == null ? null : round(week.waitMonths()),
                Table.Kind.DECIMAL));
        figures.add(extraWaitFigure(result));
        return figures;
    }

    private Figure figure(SimulationResult result, String measure, Function<SimulatedWeek, Double> value,
            Table.Kind kind) {
        var comparison = result.comparison();
        var categories = weeks(result);
        var series = new ArrayList<Chart.Series>();
        var columns = new ArrayList<Table.Column>();
        columns.add(new Table.Column(text("housingmarket.simulation.week"), Table.Kind.INTEGER));
        for (var run : comparison.runs()) {
            var name = shareName(run, comparison);
            series.add(new Chart.Series(name, run.simulation().weeks().stream().map(value).toList()));
            columns.add(new Table.Column(name, kind));
        }
        return new Figure(measure, text("housingmarket.simulation.measure." + measure),
                text("housingmarket.simulation.measure." + measure + ".label", result.areaName()),
                Chart.line(categories, series).withYAxisName(text("housingmarket.simulation.measure." + measure + ".unit"))
                        .json(),
                table(result, text("housingmarket.simulation.measure." + measure), columns, series));
    }

    private Figure extraWaitFigure(SimulationResult result) {
        var comparison = result.comparison();
        var series = new ArrayList<Chart.Series>();
        var columns = new ArrayList<Table.Column>();
        columns.add(new Table.Column(text("housingmarket.simulation.week"), Table.Kind.INTEGER));
        for (var run : comparison.runs()) {
            var name = shareName(run, comparison);
            series.add(new Chart.Series(name, run.extraWaitMonths().stream().map(v -> v == null ? null : round(v))
                    .toList()));
            columns.add(new Table.Column(name, Table.Kind.DECIMAL));
        }
        String measure = "extraWait";
        return new Figure(measure, text("housingmarket.simulation.measure." + measure),
                text("housingmarket.simulation.measure." + measure + ".label", result.areaName()),
                Chart.line(weeks(result), series).withYAxisName(text("housingmarket.simulation.measure.wait.unit")).json(),
                table(result, text("housingmarket.simulation.measure." + measure), columns, series));
    }

    private Table table(SimulationResult result, String title, List<Table.Column> columns, List<Chart.Series> series) {
        var rows = new ArrayList<List<Object>>();
        for (int w = 0; w < result.weeks(); w++) {
            var row = new ArrayList<Object>();
            row.add(w + 1);
            for (var s : series) {
                row.add(s.data().get(w));
            }
            rows.add(row);
        }
        return new Table(title, columns, rows, note(result));
    }

    String note(SimulationResult result) {
        return text(result.figures() != null && result.figures().synthetic() ? "housingmarket.simulation.note.synthetic"
                : "housingmarket.simulation.note", result.areaName(), result.startOn().toString(),
                String.valueOf(result.marketYear()));
    }

    private List<String> weeks(SimulationResult result) {
        var weeks = new ArrayList<String>();
        for (int w = 1; w <= result.weeks(); w++) {
            weeks.add(String.valueOf(w));
        }
        return weeks;
    }

    /** The trade-off: one point per share, x the shortfall at the end, y the extra waiting time in months. */
    String tradeOffChart(SimulationResult result) {
        var runs = new ArrayList<>(result.comparison().runs());
        runs.sort(java.util.Comparator.comparingDouble(Comparison.Run::shortfallAtEnd));
        var categories = runs.stream().map(r -> String.valueOf(round(r.shortfallAtEnd()))).toList();
        var data = runs.stream().map(r -> r.extraWaitAtEnd() == null ? null : round(r.extraWaitAtEnd())).toList();
        return Chart.line(categories, List.of(new Chart.Series(text("housingmarket.simulation.tradeoff.series"), data)))
                .withYAxisName(text("housingmarket.simulation.tradeoff.y"))
                .withNumericX(text("housingmarket.simulation.tradeoff.x")).json();
    }

    /** The tornado: per input the change of the shortfall at the end with the input 20% lower and 20% higher. */
    String tornadoChart(SimulationResult result) {
        var swings = result.comparison().sensitivity();
        var categories = swings.stream().map(s -> text(s.factor().messageKey())).toList();
        var low = swings.stream().map(s -> round(s.shortfallLow() - s.baseShortfall())).toList();
        var high = swings.stream().map(s -> round(s.shortfallHigh() - s.baseShortfall())).toList();
        return Chart.bar(categories, List.of(new Chart.Series(text("housingmarket.simulation.tornado.low"), low, "swing"),
                new Chart.Series(text("housingmarket.simulation.tornado.high"), high, "swing")))
                .withYAxisName(text("housingmarket.simulation.tornado.axis")).sideways().json();
    }

    List<Sensitivity.Swing> swings(SimulationResult result) {
        return result.comparison().sensitivity();
    }

    static Double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    static List<Simulation> simulations(Comparison comparison) {
        return comparison.runs().stream().map(Comparison.Run::simulation).toList();
    }
}
