package nl.doorstroom.forecasting;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import nl.doorstroom.forecasting.engine.CapacityChange;
import nl.doorstroom.forecasting.engine.CapacityPlan;
import nl.doorstroom.forecasting.engine.ForecastParameters;
import nl.doorstroom.forecasting.engine.StartStocks;
import nl.doorstroom.forecasting.engine.Uncertain;
import nl.doorstroom.shared.InvalidInput.Problem;

/**
 * A scenario's parameters as users edit them: plain numbers by name (a mean and, for what is uncertain, a
 * standard deviation), and the capacity plan as changes by week. {@link #toEngine()} makes the engine's
 * parameters: the inflow is lognormal (it surges), counts are normal and never below 0, shares and weekly rates
 * stay within 0 and 1; a standard deviation of 0 makes a value fixed.
 *
 * @param values by the names in {@link #FIELDS}
 * @param capacityChanges places opened (positive) or closed (negative) from a week on
 */
public record ScenarioParameters(Map<String, Double> values, List<CapacityChange> capacityChanges) {

    /** A field: its name, whether it is a share (0–1), whether it is a whole count, its largest value. */
    public record Field(String name, Kind kind, double max) {

        public String messageKey() {
            return "forecasting.field." + name;
        }
    }

    public enum Kind { WEEKS, COUNT, SHARE }

    public static final List<Field> FIELDS = List.of(
            new Field("horizonWeeks", Kind.WEEKS, 260),
            new Field("inProcedure", Kind.COUNT, 1_000_000), new Field("permitHolders", Kind.COUNT, 1_000_000),
            new Field("refused", Kind.COUNT, 1_000_000), new Field("capacity", Kind.COUNT, 1_000_000),
            new Field("inflow", Kind.COUNT, 100_000), new Field("inflowSd", Kind.COUNT, 100_000),
            new Field("familyReunification", Kind.COUNT, 100_000), new Field("familyReunificationSd", Kind.COUNT, 100_000),
            new Field("decisionRate", Kind.SHARE, 1), new Field("decisionRateSd", Kind.SHARE, 1),
            new Field("decisionCapacity", Kind.COUNT, 100_000),
            new Field("grantShare", Kind.SHARE, 1), new Field("grantShareSd", Kind.SHARE, 1),
            new Field("refusedDepartureRate", Kind.SHARE, 1), new Field("refusedDepartureRateSd", Kind.SHARE, 1),
            new Field("halfYearQuota", Kind.COUNT, 1_000_000),
            new Field("quotaPace", Kind.COUNT, 5), new Field("quotaPaceSd", Kind.COUNT, 5),
            new Field("extraPlaces", Kind.COUNT, 100_000), new Field("extraPlacesSd", Kind.COUNT, 100_000),
            new Field("harPlacements", Kind.COUNT, 100_000), new Field("harPlacementsSd", Kind.COUNT, 100_000),
            new Field("others", Kind.COUNT, 1_000_000), new Field("othersSd", Kind.COUNT, 1_000_000));

    public ScenarioParameters {
        // A value left out (null) is reported as missing by problems(), not refused here.
        var known = new LinkedHashMap<String, Double>();
        if (values != null) {
            values.forEach((k, v) -> {
                if (k != null && v != null) {
                    known.put(k, v);
                }
            });
        }
        values = java.util.Collections.unmodifiableMap(known);
        capacityChanges = capacityChanges == null ? List.of()
                : capacityChanges.stream().filter(java.util.Objects::nonNull).toList();
    }

    /**
     * A number as people write it, in Dutch (66.000 or 1.500,5) or plainly (1500.5 or 66000): a comma is a decimal
     * comma, and points followed by groups of three digits group thousands. Throws NumberFormatException otherwise.
     */
    public static double parseNumber(String text) {
        var t = text.strip().replace(" ", "").replace("\u2212", "-");
        if (t.contains(",")) {
            if (t.indexOf(',') != t.lastIndexOf(',')) {
                throw new NumberFormatException(text);
            }
            t = t.replace(".", "").replace(',', '.');
        }
        else if (t.matches("-?\\d{1,3}(\\.\\d{3})+")) {
            t = t.replace(".", "");
        }
        return Double.parseDouble(t);
    }

    public double get(String name) {
        return values.getOrDefault(name, 0.0);
    }

    public ScenarioParameters with(String name, double value) {
        var changed = new LinkedHashMap<>(values);
        changed.put(name, value);
        return new ScenarioParameters(changed, capacityChanges);
    }

    /** What is wrong, by field: missing, negative, above its largest value, a share above 1, a whole count not whole. */
    public List<Problem> problems() {
        var problems = new ArrayList<Problem>();
        for (var f : FIELDS) {
            var v = values.get(f.name());
            if (v == null || v.isNaN()) {
                problems.add(Problem.of(f.name(), "forecasting.value.missing"));
            }
            else if (v < 0 || v > f.max()) {
                problems.add(Problem.of(f.name(), "forecasting.value.range", 0, f.max()));
            }
            else if (f.kind() == Kind.WEEKS && (v < 1 || v != Math.rint(v))) {
                problems.add(Problem.of(f.name(), "forecasting.value.weeks"));
            }
        }
        var horizon = values.get("horizonWeeks");
        for (int i = 0; i < capacityChanges.size(); i++) {
            var c = capacityChanges.get(i);
            if (horizon != null && c.week() > horizon) {
                problems.add(Problem.atRow(i + 1, "capacityChanges", "forecasting.capacity.afterHorizon", c.week()));
            }
        }
        if (values.getOrDefault("inflow", 1.0) <= 0) {
            problems.add(Problem.of("inflow", "forecasting.inflow.positive"));
        }
        return problems;
    }

    /** The engine's parameters. */
    public ForecastParameters toEngine() {
        var plan = new CapacityPlan(get("capacity"), capacityChanges);
        double decisionCapacity = get("decisionCapacity");
        return new ForecastParameters((int) get("horizonWeeks"),
                new StartStocks(get("inProcedure"), get("permitHolders"), get("refused")), plan,
                get("inflowSd") == 0 ? Uncertain.fixed(get("inflow")) : Uncertain.lognormal(get("inflow"), get("inflowSd")),
                count("familyReunification"), share("decisionRate"),
                // 0: the IND decides without a weekly limit.
                Uncertain.fixed(decisionCapacity <= 0 ? Double.POSITIVE_INFINITY : decisionCapacity),
                share("grantShare"), share("refusedDepartureRate"), get("halfYearQuota"), count("quotaPace"),
                count("extraPlaces"), count("harPlacements"), count("others"));
    }

    private Uncertain count(String name) {
        double sd = get(name + "Sd");
        return sd == 0 ? Uncertain.fixed(get(name)) : Uncertain.normal(get(name), sd);
    }

    private Uncertain share(String name) {
        double sd = get(name + "Sd");
        return sd == 0 ? Uncertain.fixed(get(name)) : Uncertain.share(get(name), sd);
    }

    /** The editable numbers of engine parameters (the inverse of {@link #toEngine()} for the kinds it makes). */
    public static ScenarioParameters of(ForecastParameters p) {
        var v = new LinkedHashMap<String, Double>();
        v.put("horizonWeeks", (double) p.horizonWeeks());
        v.put("inProcedure", p.start().inProcedure());
        v.put("permitHolders", p.start().permitHolders());
        v.put("refused", p.start().refused());
        v.put("capacity", p.capacity().base());
        put(v, "inflow", p.inflow());
        put(v, "familyReunification", p.familyReunification());
        put(v, "decisionRate", p.decisionRate());
        v.put("decisionCapacity", Double.isInfinite(p.decisionCapacity().mean()) ? 0 : p.decisionCapacity().mean());
        put(v, "grantShare", p.grantShare());
        put(v, "refusedDepartureRate", p.refusedDepartureRate());
        v.put("halfYearQuota", p.halfYearQuota());
        put(v, "quotaPace", p.quotaPace());
        put(v, "extraPlaces", p.extraPlaces());
        put(v, "harPlacements", p.harPlacements());
        put(v, "others", p.others());
        return new ScenarioParameters(v, p.capacity().changes());
    }

    private static void put(Map<String, Double> v, String name, Uncertain u) {
        v.put(name, u.mean());
        double sd = 0;
        if (u instanceof Uncertain.Normal n) {
            sd = n.sd();
        }
        else if (u instanceof Uncertain.LogNormal l) {
            sd = l.sd();
        }
        v.put(name + "Sd", sd);
    }

    /** The capacity plan as a user writes it: "10:1500; 26:1000; 30:-800" (week: places). */
    public String capacityChangesText() {
        var text = new StringBuilder();
        for (var c : capacityChanges) {
            text.append(text.isEmpty() ? "" : "; ").append(c.week()).append(':').append(Math.round(c.places()));
        }
        return text.toString();
    }

    /** Reads "week: places" pairs separated by ";" or new lines; problems name the pair. */
    public static List<CapacityChange> parseCapacityChanges(String text, List<Problem> problems) {
        var changes = new ArrayList<CapacityChange>();
        if (text == null || text.isBlank()) {
            return changes;
        }
        var parts = text.split("[;\\n]");
        int row = 0;
        for (var part : parts) {
            if (part.isBlank()) {
                continue;
            }
            row++;
            var pair = part.strip().split("\\s*:\\s*");
            try {
                if (pair.length != 2) {
                    throw new NumberFormatException();
                }
                int week = Integer.parseInt(pair[0].strip());
                double places = parseNumber(pair[1]);
                if (week < 1) {
                    throw new NumberFormatException();
                }
                changes.add(new CapacityChange(week, places));
            }
            catch (RuntimeException e) {
                problems.add(Problem.atRow(row, "capacityChanges", "forecasting.capacity.pair", part.strip()));
            }
        }
        return changes;
    }
}
