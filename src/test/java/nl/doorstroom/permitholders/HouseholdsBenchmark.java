package nl.doorstroom.permitholders;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;
import java.util.regex.Pattern;

import nl.doorstroom.DoorstroomApplication;
import nl.doorstroom.identity.AccountAdministration;
import nl.doorstroom.identity.ApiTokens;
import nl.doorstroom.identity.AuditTrail;
import nl.doorstroom.identity.DoorstroomUser;
import nl.doorstroom.identity.Role;
import nl.doorstroom.identity.Scope;
import nl.doorstroom.municipalities.MunicipalityRegistry;
import nl.doorstroom.municipalities.Populations;
import nl.doorstroom.shared.ProvinceCode;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Benchmark (not a test; {@code bench/households.sh} runs it): the application with the demo on and,
 * on top of the demo's households, synthetic ones up to {@value #HOUSEHOLDS} households and
 * {@value #EVENTS} timeline events, written by SQL ({@code generate_series}) and analysed. Prints the
 * plans of the list and count queries (to the file in {@code bench.plans}), times the facades
 * in-process, issues an API token for the {@code coa} account, writes it to the file in
 * {@code bench.ready} and keeps serving on {@code server.port} for {@code wrk} until it is stopped.
 * <p>
 * The overview's statements are copied from {@link HouseholdOverview} to be explained; the search
 * statements are built by {@link HouseholdRegister#where} itself.
 */
public class HouseholdsBenchmark {

    static final int HOUSEHOLDS = 200_000;
    static final int EVENTS = 2_000_000;
    static final ProvinceCode UTRECHT = ProvinceCode.of("PV26");

    public static void main(String[] args) throws IOException {
        var arguments = new ArrayList<>(List.of("--doorstroom.demo.enabled=true", "--logging.level.root=WARN",
                "--logging.level.nl.doorstroom=INFO", "--doorstroom.embedded-database.maximum-pool-size=10"));
        arguments.addAll(List.of(args));
        var context = new SpringApplicationBuilder(DoorstroomApplication.class).run(arguments.toArray(String[]::new));
        try {
            new HouseholdsBenchmark(context).run();
        }
        catch (RuntimeException | IOException e) {
            context.close();
            throw e;
        }
    }

    private final ConfigurableApplicationContext context;
    private final JdbcClient jdbc;
    private final LocalDate today = LocalDate.now(AuditTrail.ZONE);

    HouseholdsBenchmark(ConfigurableApplicationContext context) {
        this.context = context;
        this.jdbc = context.getBean(JdbcClient.class);
    }

    void run() throws IOException {
        seed();
        var plans = new StringBuilder();
        explainAll(plans);
        var plansFile = context.getEnvironment().getProperty("bench.plans");
        if (plansFile != null) {
            Files.writeString(Path.of(plansFile), plans);
            report("query plans written to " + plansFile);
        }
        timeFacades();
        var ready = context.getEnvironment().getProperty("bench.ready");
        if (ready != null) {
            // The token goes to a file next to the ready marker, never to the log.
            Files.writeString(Path.of(ready + ".token"), issueToken());
            Files.writeString(Path.of(ready), "ready\n");
        }
        report("serving on port " + context.getEnvironment().getProperty("local.server.port") + " until stopped");
    }

    static void report(String line) {
        System.out.println("bench| " + line);
    }

    // ---- Seeding ----------------------------------------------------------------------------------------

    private void seed() {
        long existingHouseholds = count("household");
        long started = System.nanoTime();
        var transaction = context.getBean(TransactionTemplate.class);
        transaction.executeWithoutResult(status -> {
            municipalities();
            int households = (int) (HOUSEHOLDS - existingHouseholds);
            jdbc.sql(HOUSEHOLDS_SQL).param("n", households).param("today", today).update();
            jdbc.sql("""
                    INSERT INTO household_member (household_id, position, age_band, sex, role)
                    SELECT h.id, p, CASE WHEN p < 2 THEN '30-44' WHEN p % 3 = 0 THEN '0-4' ELSE '5-11' END,
                           CASE WHEN p % 2 = 0 THEN 'M' ELSE 'F' END,
                           CASE WHEN p = 0 THEN 'HEAD' WHEN p = 1 THEN 'PARTNER' ELSE 'CHILD' END
                    FROM household h CROSS JOIN LATERAL generate_series(0, h.persons - 1) p
                    WHERE h.created_by = 'bench'""").update();
            jdbc.sql("""
                    INSERT INTO household_link (household_id, municipality_code, linked_on, linked_by)
                    SELECT id, municipality_code, linked_on, 'bench' FROM household
                    WHERE created_by = 'bench' AND municipality_code IS NOT NULL""").update();
            jdbc.sql(JOURNEY_EVENTS_SQL).update();
            long filler = EVENTS - count("household_event");
            var ids = jdbc.sql("SELECT min(id), max(id) FROM household WHERE created_by = 'bench'")
                    .query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) }).single();
            jdbc.sql(FILLER_EVENTS_SQL).param("n", Math.max(0, filler)).param("first", ids[0])
                    .param("span", ids[1] - ids[0] + 1).param("today", today).update();
            jdbc.sql("DROP TABLE bench_municipality").update();
        });
        long seeded = System.nanoTime();
        for (var table : List.of("household", "household_member", "household_criterion", "household_link",
                "household_event")) {
            // As autovacuum leaves them: statistics current, the visibility map set (index-only scans).
            jdbc.sql("VACUUM ANALYZE " + table).update();
        }
        report(String.format("seeded households=%d members=%d links=%d events=%d in %.1f s, vacuumed and analysed in %.1f s",
                count("household"), count("household_member"), count("household_link"), count("household_event"),
                (seeded - started) / 1e9, (System.nanoTime() - seeded) / 1e9));
        var stages = new StringBuilder();
        jdbc.sql("SELECT stage, count(*), count(*) FILTER (WHERE stage_due < :today) FROM household GROUP BY 1 ORDER BY 1")
                .param("today", today)
                .query((rs, n) -> stages.append(' ').append(rs.getString(1)).append('=').append(rs.getLong(2))
                        .append(" (overdue ").append(rs.getLong(3)).append(')'))
                .list();
        report("stages:" + stages);
    }

    private long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }

    /** The municipalities by population, numbered overall and within their linking region, to draw from. */
    private void municipalities() {
        var registry = context.getBean(MunicipalityRegistry.class);
        var populations = context.getBean(Populations.class);
        var population = populations.figures(populations.latest().id());
        var sorted = registry.all().stream()
                .sorted(Comparator.comparing((nl.doorstroom.municipalities.Municipality m) -> -population
                        .getOrDefault(m.code(), 0L)).thenComparing(m -> m.code().value()))
                .toList();
        jdbc.sql("CREATE TABLE bench_municipality (n INT PRIMARY KEY, code VARCHAR(6), region VARCHAR(20), rn INT,"
                + " region_count INT)").update();
        for (int i = 0; i < sorted.size(); i++) {
            var m = sorted.get(i);
            jdbc.sql("INSERT INTO bench_municipality (n, code, region) VALUES (:n, :code, :region)").param("n", i + 1)
                    .param("code", m.code().value()).param("region", m.coaRegion()).update();
        }
        jdbc.sql("""
                UPDATE bench_municipality b SET rn = r.rn, region_count = r.total
                FROM (SELECT n, row_number() OVER (PARTITION BY region ORDER BY n) AS rn,
                             count(*) OVER (PARTITION BY region) AS total FROM bench_municipality) r
                WHERE r.n = b.n""").update();
    }

    /**
     * A register of some years: most households housed, a quarter linked and waiting for a home, the
     * rest awaiting a link, offered a home or placed under the HAR. Sizes 1 to 8, about half singles.
     * Locations and links favour larger municipalities; links stay in the location's linking region.
     */
    private static final String HOUSEHOLDS_SQL = """
            INSERT INTO household (id, reference, location, location_municipality, region, permit_date, language, education,
                work_experience, limitation, persons, stage, stage_since, stage_due, municipality_code, linked_on, offered_on,
                offer_district, offer_rooms, har_since, har_place, moved_on, counted_on, counted_persons, created_by)
            WITH draw AS MATERIALIZED (
                SELECT g, random() AS r_stage, random() AS r_size, random() AS r_location, random() AS r_target,
                       random() AS r_age, random() AS r_link, random() AS r_offer, random() AS r_move
                FROM generate_series(1, :n) g
            ), staged AS (
                SELECT d.*,
                       CASE WHEN r_stage < 0.07 THEN 'AWAITING_LINK' WHEN r_stage < 0.31 THEN 'LINKED'
                            WHEN r_stage < 0.35 THEN 'OFFERED' WHEN r_stage < 0.38 THEN 'HAR' ELSE 'HOUSED' END AS stage,
                       CASE WHEN r_size < 0.50 THEN 1 WHEN r_size < 0.63 THEN 2 WHEN r_size < 0.73 THEN 3
                            WHEN r_size < 0.83 THEN 4 WHEN r_size < 0.91 THEN 5 WHEN r_size < 0.96 THEN 6
                            WHEN r_size < 0.985 THEN 7 ELSE 8 END AS persons
                FROM draw d
            ), permitted AS (
                SELECT s.*, CAST(:today AS DATE) - CASE stage
                           WHEN 'AWAITING_LINK' THEN floor(r_age * 60)::int
                           WHEN 'LINKED' THEN floor(r_age * 400)::int
                           WHEN 'OFFERED' THEN 30 + floor(r_age * 400)::int
                           WHEN 'HAR' THEN 30 + floor(r_age * 200)::int
                           ELSE 60 + floor(r_age * 1100)::int END AS permit
                FROM staged s
            ), linked AS (
                SELECT p.*, least(CAST(:today AS DATE), permit + 3 + floor(r_link * 25)::int) AS linked FROM permitted p
            ), stepped AS (
                SELECT l.*,
                       CASE WHEN stage = 'OFFERED' THEN least(CAST(:today AS DATE), linked + floor(r_offer * 100)::int)
                            WHEN stage = 'HOUSED' THEN least(CAST(:today AS DATE) - 1, linked + 14 + floor(r_offer * 150)::int)
                       END AS offered,
                       CASE WHEN stage = 'HAR' THEN least(CAST(:today AS DATE), linked + 7 + floor(r_offer * 120)::int) END AS har
                FROM linked l
            ), dated AS (
                SELECT s.*, CASE WHEN stage = 'HOUSED' THEN least(CAST(:today AS DATE), offered + 2 + floor(r_move * 20)::int)
                            END AS moved
                FROM stepped s
            )
            SELECT nextval('household_id_seq'), 'BENCH-' || lpad(g::text, 7, '0'), 'azc ' || loc.code, loc.code, loc.region,
                   permit, 'Arabisch', 'SECONDARY', 'SOME', 'NONE', persons, stage,
                   CASE stage WHEN 'AWAITING_LINK' THEN permit WHEN 'LINKED' THEN linked WHEN 'OFFERED' THEN offered
                              WHEN 'HAR' THEN har ELSE moved END,
                   CASE stage WHEN 'AWAITING_LINK' THEN permit + 14 WHEN 'LINKED' THEN linked + 70
                              WHEN 'OFFERED' THEN offered + 14 WHEN 'HAR' THEN CAST(har + INTERVAL '6 months' AS DATE) END,
                   CASE WHEN stage <> 'AWAITING_LINK' THEN target.code END,
                   CASE WHEN stage <> 'AWAITING_LINK' THEN linked END,
                   offered,
                   CASE WHEN offered IS NOT NULL THEN 'Centrum' END,
                   CASE WHEN offered IS NOT NULL THEN least(12, persons / 2 + 1) END,
                   har, CASE WHEN har IS NOT NULL THEN 'Hotel (bench)' END, moved, coalesce(har, moved),
                   CASE WHEN stage IN ('HAR', 'HOUSED') THEN persons END,
                   'bench'
            FROM dated
            JOIN bench_municipality loc
              ON loc.n = 1 + floor(power(r_location, 2) * (SELECT count(*) FROM bench_municipality))::int
            JOIN bench_municipality target
              ON target.region = loc.region AND target.rn = 1 + floor(power(r_target, 2) * loc.region_count)::int""";

    private static final String JOURNEY_EVENTS_SQL = """
            INSERT INTO household_event (household_id, kind, occurred_on, municipality_code, persons, recorded_by)
            SELECT id, 'REGISTERED', permit_date, NULL, persons, 'bench' FROM household WHERE created_by = 'bench'
            UNION ALL
            SELECT id, 'LINKED', linked_on, municipality_code, persons, 'bench' FROM household
            WHERE created_by = 'bench' AND linked_on IS NOT NULL
            UNION ALL
            SELECT id, 'OFFERED', offered_on, municipality_code, persons, 'bench' FROM household
            WHERE created_by = 'bench' AND offered_on IS NOT NULL
            UNION ALL
            SELECT id, 'HAR_PLACED', har_since, municipality_code, persons, 'bench' FROM household
            WHERE created_by = 'bench' AND har_since IS NOT NULL
            UNION ALL
            SELECT id, 'MOVED_IN', moved_on, municipality_code, persons, 'bench' FROM household
            WHERE created_by = 'bench' AND moved_on IS NOT NULL""";

    /** The rest of the timeline: changed facts, and links cancelled and made again, between permit and today. */
    private static final String FILLER_EVENTS_SQL = """
            INSERT INTO household_event (household_id, kind, occurred_on, municipality_code, persons, recorded_by)
            SELECT h.id, CASE WHEN x.r_kind < 0.6 THEN 'CHANGED' WHEN x.r_kind < 0.8 THEN 'LINK_CANCELLED' ELSE 'LINKED' END,
                   h.permit_date + floor(x.r_day * (CAST(:today AS DATE) - h.permit_date))::int,
                   coalesce(h.municipality_code, h.location_municipality), h.persons, 'bench'
            FROM generate_series(1, :n) g
            CROSS JOIN LATERAL (SELECT :first + floor(random() * :span)::bigint + 0 * g AS id, random() AS r_kind,
                                       random() AS r_day) x
            JOIN household h ON h.id = x.id""";

    // ---- Plans ------------------------------------------------------------------------------------------

    private static final Pattern INDEX = Pattern.compile("(?:Index Scan|Index Only Scan)(?: Backward)? using (\\w+)|Bitmap Index Scan on (\\w+)");
    private static final Pattern SEQ = Pattern.compile("Seq Scan on (\\w+)");
    private static final Pattern TIME = Pattern.compile("Execution Time: ([0-9.]+) ms");

    private void explainAll(StringBuilder plans) {
        var registry = context.getBean(MunicipalityRegistry.class);
        var coa = new Visibility(new DoorstroomUser(0, "bench", "Bench", Role.COA_PLANNER, Scope.nation()), null, registry);
        var supervisor = new Visibility(new DoorstroomUser(0, "bench", "Bench", Role.PROVINCE_SUPERVISOR,
                Scope.province(UTRECHT)), registry.inProvince(UTRECHT).stream().map(m -> m.code().value()).toList(),
                registry);
        var overdue = new HouseholdFilter(null, null, null, null, null, null, HouseholdFilter.Overdue.OVERDUE, null);
        var overdueInUtrecht = new HouseholdFilter(null, null, null, null, null, UTRECHT, HouseholdFilter.Overdue.OVERDUE,
                null);
        var past14 = new HouseholdFilter(null, null, null, null, null, null, HouseholdFilter.Overdue.PAST_14_WEEKS, null);
        var officer = new Visibility(new DoorstroomUser(0, "bench", "Bench", Role.MUNICIPALITY_OFFICER,
                Scope.municipality(nl.doorstroom.shared.MunicipalityCode.of("GM0344"))), List.of("GM0344"), registry);
        explainSearch(plans, "search: everything, nation (COA)", HouseholdFilter.all(), coa);
        explainSearch(plans, "search: everything, municipality GM0344 (officer)", HouseholdFilter.all(), officer);
        explainSearch(plans, "search: overdue, nation (COA)", overdue, coa);
        explainSearch(plans, "search: overdue, province PV26 (COA, filter)", overdueInUtrecht, coa);
        explainSearch(plans, "search: overdue, province PV26 (province supervisor)", overdue, supervisor);
        explainSearch(plans, "search: past 14 weeks, nation (COA)", past14, coa);
        var codes = registry.inProvince(UTRECHT).stream().map(m -> m.code().value()).toList();
        for (var area : List.of("nation", "PV26")) {
            var filter = area.equals("nation") ? "TRUE" : "municipality_code IN (:codes)";
            Map<String, Object> params = Map.of("today", today, "cutoff", today.minusDays(Norms.TOTAL_DAYS), "codes",
                    area.equals("nation") ? List.of("") : codes, "first",
                    today.minusWeeks(25));
            explain(plans, "overview.overdue " + area + ": by band", """
                    SELECT municipality_code,
                           CASE WHEN :today - stage_due <= 14 THEN 0 WHEN :today - stage_due <= 28 THEN 1
                                WHEN :today - stage_due <= 56 THEN 2 WHEN :today - stage_due <= 91 THEN 3 ELSE 4 END AS band,
                           count(*), sum(persons)
                    FROM household WHERE stage_due < :today AND\s""" + filter + " GROUP BY 1, 2", params);
            explain(plans, "overview.overdue " + area + ": past 14 weeks", "SELECT municipality_code, count(*), sum(persons)"
                    + " FROM household WHERE counted_on IS NULL AND permit_date < :cutoff AND " + filter + " GROUP BY 1",
                    params);
            explain(plans, "overview.overdue " + area + ": HAR over term", "SELECT municipality_code, count(*) FROM household"
                    + " WHERE stage = 'HAR' AND stage_due < :today AND " + filter + " GROUP BY 1", params);
            explain(plans, "overview.funnel " + area, """
                    SELECT count(*), coalesce(sum(persons), 0),
                           count(*) FILTER (WHERE stage <> 'AWAITING_LINK'),
                           coalesce(sum(persons) FILTER (WHERE stage <> 'AWAITING_LINK'), 0),
                           count(*) FILTER (WHERE offered_on IS NOT NULL),
                           coalesce(sum(persons) FILTER (WHERE offered_on IS NOT NULL), 0),
                           count(*) FILTER (WHERE stage = 'HOUSED'), coalesce(sum(persons) FILTER (WHERE stage = 'HOUSED'), 0),
                           count(*) FILTER (WHERE stage = 'HAR'), coalesce(sum(persons) FILTER (WHERE stage = 'HAR'), 0),
                           percentile_cont(0.5) WITHIN GROUP (ORDER BY linked_on - permit_date)
                               FILTER (WHERE linked_on IS NOT NULL),
                           percentile_cont(0.5) WITHIN GROUP (ORDER BY offered_on - linked_on)
                               FILTER (WHERE offered_on IS NOT NULL),
                           percentile_cont(0.5) WITHIN GROUP (ORDER BY moved_on - offered_on)
                               FILTER (WHERE moved_on IS NOT NULL AND offered_on IS NOT NULL AND har_since IS NULL),
                           percentile_cont(0.5) WITHIN GROUP (ORDER BY har_since - linked_on)
                               FILTER (WHERE har_since IS NOT NULL)
                    FROM household WHERE\s""" + filter, params);
            explain(plans, "overview.weeklyFlow " + area + " (26 weeks)", """
                    SELECT date_trunc('week', occurred_on)::date, kind, count(*), sum(persons) FROM household_event
                    WHERE kind IN ('REGISTERED', 'LINKED', 'OFFERED', 'HAR_PLACED', 'MOVED_IN')
                      AND occurred_on >= :first AND occurred_on <= :today AND\s""" + filter + " GROUP BY 1, 2", params);
        }
    }

    private void explainSearch(StringBuilder plans, String name, HouseholdFilter filter, Visibility visibility) {
        var query = HouseholdRegister.where(filter, visibility, today);
        explain(plans, name + ": count", "SELECT count(*), coalesce(sum(persons), 0) FROM household h WHERE "
                + query.clause(), query.params());
        var page = new java.util.HashMap<>(query.params());
        page.put("limit", 50);
        page.put("offset", 0L);
        explain(plans, name + ": first page of 50", "SELECT " + Households.ROW_COLUMNS + " FROM household h WHERE "
                + query.clause() + " ORDER BY stage_due NULLS LAST, id LIMIT :limit OFFSET :offset", page);
    }

    private void explain(StringBuilder plans, String name, String sql, Map<String, ?> params) {
        var lines = jdbc.sql("EXPLAIN (ANALYZE, BUFFERS) " + sql).params(params).query(String.class).list();
        plans.append("== ").append(name).append('\n').append(sql).append('\n');
        lines.forEach(l -> plans.append(l).append('\n'));
        plans.append('\n');
        Set<String> indexes = new LinkedHashSet<>();
        Set<String> scans = new LinkedHashSet<>();
        String time = "?";
        for (var line : lines) {
            var index = INDEX.matcher(line);
            while (index.find()) {
                indexes.add(index.group(1) != null ? index.group(1) : index.group(2));
            }
            var seq = SEQ.matcher(line);
            while (seq.find()) {
                scans.add(seq.group(1));
            }
            var t = TIME.matcher(line);
            if (t.find()) {
                time = t.group(1);
            }
        }
        report(String.format("plan %-58s %9s ms  indexes=%s%s", name, time, indexes.isEmpty() ? "-" : indexes,
                scans.isEmpty() ? "" : "  seq-scans=" + scans));
    }

    // ---- Facades ----------------------------------------------------------------------------------------

    private void timeFacades() {
        var register = context.getBean(HouseholdRegister.class);
        var overview = context.getBean(HouseholdOverview.class);
        var overdue = new HouseholdFilter(null, null, null, null, null, null, HouseholdFilter.Overdue.OVERDUE, null);
        var overdueInUtrecht = new HouseholdFilter(null, null, null, null, null, UTRECHT, HouseholdFilter.Overdue.OVERDUE,
                null);
        as(Role.COA_PLANNER, Scope.nation());
        time("register.search overdue, nation, page of 50 (COA)", i -> register.search(overdue, 0, 50));
        time("register.search overdue, PV26, page of 50 (COA)", i -> register.search(overdueInUtrecht, 0, 50));
        time("register.search overdue, page 100 of 50 (COA)", i -> register.search(overdue, 100, 50));
        // The overview keeps an answer for five seconds: every run asks for another day, so none is reused.
        time("overview.overdue nation (uncached)", i -> overview.overdue(null, today.minusDays(i)));
        time("overview.overdue PV26 (uncached)", i -> overview.overdue(UTRECHT, today.minusDays(i)));
        time("overview.funnel nation (uncached)",
                i -> overview.funnel(HouseholdOverview.Area.nation(), LocalDate.of(2000, 1, 1).plusDays(i)));
        time("overview.funnel PV26 (uncached)",
                i -> overview.funnel(HouseholdOverview.Area.of(UTRECHT), LocalDate.of(2000, 1, 1).plusDays(i)));
        time("overview.weeklyFlow nation 26 weeks (uncached)",
                i -> overview.weeklyFlow(HouseholdOverview.Area.nation(), 26, today.minusDays(i)));
        as(Role.PROVINCE_SUPERVISOR, Scope.province(UTRECHT));
        time("register.search overdue, page of 50 (province supervisor PV26)", i -> register.search(overdue, 0, 50));
        SecurityContextHolder.clearContext();
    }

    private static void as(Role role, Scope scope) {
        var user = new DoorstroomUser(0, "bench", "Benchmark", role, scope);
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
                List.of(new SimpleGrantedAuthority(role.authority()))));
    }

    private static void time(String name, IntConsumer call) {
        int warmup = 5;
        int runs = 25;
        var timings = new double[runs];
        for (int i = 0; i < warmup + runs; i++) {
            long start = System.nanoTime();
            call.accept(i);
            if (i >= warmup) {
                timings[i - warmup] = (System.nanoTime() - start) / 1e6;
            }
        }
        Arrays.sort(timings);
        report(String.format("facade %-62s median %7.1f ms  p90 %7.1f ms  max %7.1f ms", name, timings[runs / 2],
                timings[(int) (runs * 0.9)], timings[runs - 1]));
    }

    private String issueToken() {
        var accounts = context.getBean(AccountAdministration.class);
        as(Role.ADMINISTRATOR, Scope.nation());
        try {
            var coa = accounts.accounts().stream().filter(a -> a.username().equals("coa")).findFirst().orElseThrow();
            return context.getBean(ApiTokens.class).issue(coa.id(), "households benchmark", 1).secret();
        }
        finally {
            SecurityContextHolder.clearContext();
        }
    }
}
