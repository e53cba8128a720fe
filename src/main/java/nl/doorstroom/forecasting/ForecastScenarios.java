package nl.doorstroom.forecasting;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import nl.doorstroom.forecasting.engine.ForecastParameters;
import nl.doorstroom.forecasting.engine.Scenario;
import nl.doorstroom.identity.AuditTrail;
import nl.doorstroom.identity.CurrentUser;
import nl.doorstroom.progress.ProgressMonitor;
import nl.doorstroom.shared.EditConflict;
import nl.doorstroom.shared.InvalidInput;
import nl.doorstroom.shared.InvalidInput.Problem;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Forecast scenarios: each a set of parameters with a start date, its author and date, saved so that a forecast
 * can be made again and compared. New scenarios start from the recent data ({@link #baseline()}).
 */
@Service
public class ForecastScenarios {

    public static final int MAX_NAME = 120;
    public static final int MAX_DESCRIPTION = 2000;

    private final JdbcClient jdbc;
    private final StoredForecasts stored;
    private final ProgressMonitor progress;
    private final AuditTrail audit;
    private final nl.doorstroom.reception.ReceptionLocations reception;
    private final nl.doorstroom.coordination.WeeklyTarget weekly;

    ForecastScenarios(JdbcClient jdbc, StoredForecasts stored, ProgressMonitor progress, AuditTrail audit,
            nl.doorstroom.reception.ReceptionLocations reception, nl.doorstroom.coordination.WeeklyTarget weekly) {
        this.weekly = weekly;
        this.reception = reception;
        this.jdbc = jdbc;
        this.stored = stored;
        this.progress = progress;
        this.audit = audit;
    }

    static LocalDate today() {
        return LocalDate.now(AuditTrail.ZONE);
    }

    @Transactional(readOnly = true)
    public List<ForecastScenario> all() {
        Forecasters.requireReader();
        return stored.scenarios();
    }

    /** Whether any scenario exists (the demo adds its own only when none does). */
    @Transactional(readOnly = true)
    public boolean any() {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM forecast_scenario)").query(Boolean.class).single();
    }

    @Transactional(readOnly = true)
    public ForecastScenario find(long id) {
        Forecasters.requireReader();
        return stored.scenario(id).orElseThrow(() -> new ForecastNotFound("scenario " + id));
    }

    /**
     * The parameters as the data stand today: the engine's illustrative national picture, with the half-year's
     * corrected quota of all municipalities from the progress monitor (what must be housed), and the stocks and
     * capacity from the reception figures where they are known.
     */
    @Transactional(readOnly = true)
    public ScenarioParameters baseline() {
        var parameters = ForecastParameters.nationalExample();
        var nation = progress.at(today()).nation();
        if (!nation.isEmpty()) {
            var current = nation.get(nation.size() - 1);
            if (current.correctedQuota() > 0) {
                parameters = parameters.withHalfYearQuota(current.correctedQuota());
            }
            // The pace municipalities realise: housed against what the quota's even pace asks by now.
            if (current.expected() >= 1) {
                double pace = Math.min(3, (double) current.housed() / current.expected());
                parameters = parameters.withQuotaPace(nl.doorstroom.forecasting.engine.Uncertain.normal(pace, 0.1 * pace));
            }
        }
        // The extra places a week the coordination centre realised over the last four whole weeks (for its readers).
        if (nl.doorstroom.coordination.Coordinators.mayRead()) {
            double extra = weekly.figures(12, today()).recentPace();
            if (extra > 0) {
                parameters = parameters.withExtraPlaces(nl.doorstroom.forecasting.engine.Uncertain.normal(extra, 0.3 * extra));
            }
        }
        // The stocks and the capacity of the last week COA reported: asylum seekers in procedure, permit holders,
        // others (refused and everyone else) as the model's constant, and regular plus emergency places.
        var series = complete(reception.nationalSeries(today().minusWeeks(8), today()));
        if (!series.isEmpty()) {
            var last = series.get(series.size() - 1);
            if (last.total() > 0) {
                parameters = parameters.withStart(new nl.doorstroom.forecasting.engine.StartStocks(last.inProcedure(),
                        last.permitHolders(), 0)).withOthers(nl.doorstroom.forecasting.engine.Uncertain.fixed(last.other()));
            }
            if (last.capacity() > 0) {
                parameters = parameters.withCapacity(new nl.doorstroom.forecasting.engine.CapacityPlan(last.capacity(),
                        List.of()));
            }
        }
        return ScenarioParameters.of(parameters);
    }

    /**
     * How far to trust the forecast: forecasts of national occupancy made as of every past week of the reception
     * history (from 26 weeks in), each carrying the last observed level forward with the mean weekly change of the
     * eight weeks before, compared with what happened, per horizon.
     */
    @Transactional(readOnly = true)
    public Backtesting backtest() {
        Forecasters.requireReader();
        var series = complete(reception.nationalSeries(today().minusYears(3), today()));
        var observed = series.stream().mapToDouble(w -> w.total()).toArray();
        if (observed.length < 30) {
            return new Backtesting(series.size(), null, null, List.of());
        }
        var scores = nl.doorstroom.forecasting.engine.Backtest.run(observed,
                nl.doorstroom.forecasting.engine.Forecaster.drift(8), 26);
        return new Backtesting(series.size(), series.get(0).week(), series.get(series.size() - 1).week(), scores);
    }

    /**
     * The weeks with figures: from the first week any location reported (before it, reception would read as empty),
     * and without a last week that fewer locations reported than the week before (still being reported). Locations
     * opening and closing over time change the count too, so only the ends are trimmed.
     */
    static List<nl.doorstroom.reception.WeeklyReception> complete(List<nl.doorstroom.reception.WeeklyReception> series) {
        int first = 0;
        while (first < series.size() && series.get(first).locationsReporting() == 0) {
            first++;
        }
        int end = series.size();
        if (end - first >= 2 && series.get(end - 1).locationsReporting() < series.get(end - 2).locationsReporting()) {
            end--;
        }
        return first >= end ? List.of() : List.copyOf(series.subList(first, end));
    }

    /**
     * A backtest over the weeks from {@code from} to {@code to}.
     *
     * @param scores per horizon: forecasts compared, mean absolute percentage error, share within 10%
     */
    public record Backtesting(int weeks, LocalDate from, LocalDate to,
            List<nl.doorstroom.forecasting.engine.HorizonScore> scores) {
    }

    @Transactional
    public long create(String name, String description, ScenarioParameters parameters, LocalDate startOn) {
        Forecasters.requireForecaster();
        check(name, description, parameters, startOn);
        long id = jdbc.sql("""
                INSERT INTO forecast_scenario (name, description, parameters, start_on, created_by, changed_by)
                VALUES (:n, :d, :p, :s, :by, :by) RETURNING id""")
                .param("n", name.strip()).param("d", blank(description) ? null : description.strip())
                .param("p", StoredForecasts.json(parameters)).param("s", startOn).param("by", CurrentUser.actor())
                .query(Long.class).single();
        audit.recordChange("forecast.scenario.created", "forecast-scenario", id, name.strip());
        return id;
    }

    /** Changes a scenario; refused when someone changed it since the version read. */
    @Transactional
    public ForecastScenario change(long id, int expectedVersion, String name, String description,
            ScenarioParameters parameters, LocalDate startOn) {
        Forecasters.requireForecaster();
        stored.scenario(id).orElseThrow(() -> new ForecastNotFound("scenario " + id));
        check(name, description, parameters, startOn);
        int rows = jdbc.sql("""
                UPDATE forecast_scenario SET name = :n, description = :d, parameters = :p, start_on = :s, changed_by = :by,
                       changed_at = now(), version = version + 1
                WHERE id = :id AND version = :v""")
                .param("n", name.strip()).param("d", blank(description) ? null : description.strip())
                .param("p", StoredForecasts.json(parameters)).param("s", startOn).param("by", CurrentUser.actor())
                .param("id", id).param("v", expectedVersion).update();
        if (rows != 1) {
            throw new EditConflict("scenario " + id);
        }
        audit.recordChange("forecast.scenario.changed", "forecast-scenario", id, name.strip());
        return stored.scenario(id).orElseThrow();
    }

    /**
     * The four scenarios the table compares, from the baseline of today: as things are, 500 extra places a
     * week (the coordination centre's goal), the allocation share raised (20% more housed on the quota's pace),
     * and the inflow 20% higher.
     */
    @Transactional
    public List<Long> createStandard() {
        return createStandard("", false);
    }

    /** The four standard scenarios for the demo: named "(demo)" and labelled synthetic. */
    @Transactional
    public List<Long> createStandardSynthetic() {
        return createStandard(" (demo)", true);
    }

    private List<Long> createStandard(String suffix, boolean synthetic) {
        Forecasters.requireForecaster();
        var ids = new ArrayList<Long>();
        var base = baseline().toEngine();
        var standard = Scenario.standard(base);
        for (int i = 0; i < standard.size(); i++) {
            // Scenarios are the table's own documents, named in its language.
            long id = create(STANDARD_NAMES.get(i) + suffix, STANDARD_DESCRIPTIONS.get(i),
                    ScenarioParameters.of(standard.get(i).parameters()), today());
            if (synthetic) {
                jdbc.sql("UPDATE forecast_scenario SET synthetic = true WHERE id = :id").param("id", id).update();
            }
            ids.add(id);
        }
        return ids;
    }

    static final List<String> STANDARD_NAMES = List.of("Basis", "+500 extra plaatsen per week",
            "Toewijzingspercentage verhoogd", "Instroom +20%");
    static final List<String> STANDARD_DESCRIPTIONS = List.of("De cijfers van vandaag, zonder nieuw beleid.",
            "Het coördinatiecentrum realiseert 500 extra plaatsen per week boven de reguliere uitstroom.",
            "Gemeenten huisvesten 20% meer op het tempo van de taakstelling (hoger toewijzingspercentage).",
            "De instroom van asielzoekers is 20% hoger dan nu.");

    private static void check(String name, String description, ScenarioParameters parameters, LocalDate startOn) {
        var problems = new ArrayList<Problem>();
        if (blank(name)) {
            problems.add(Problem.of("name", "forecasting.name.required"));
        }
        else if (name.strip().length() > MAX_NAME) {
            problems.add(Problem.of("name", "forecasting.text.tooLong", MAX_NAME));
        }
        if (!blank(description) && description.strip().length() > MAX_DESCRIPTION) {
            problems.add(Problem.of("description", "forecasting.text.tooLong", MAX_DESCRIPTION));
        }
        if (startOn == null) {
            problems.add(Problem.of("startOn", "forecasting.startOn.required"));
        }
        problems.addAll(parameters.problems());
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
    }

    static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
