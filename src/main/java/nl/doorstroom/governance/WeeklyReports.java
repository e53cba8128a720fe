package nl.doorstroom.governance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import nl.doorstroom.documents.PdfDocuments;
import nl.doorstroom.identity.AuditTrail;
import nl.doorstroom.identity.CurrentUser;
import nl.doorstroom.identity.DoorstroomUser;
import nl.doorstroom.identity.Role;
import nl.doorstroom.identity.Scope;
import nl.doorstroom.municipalities.NationalMap;
import nl.doorstroom.shared.InvalidInput;
import nl.doorstroom.shared.MunicipalityCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The weekly report of the coordination table: composed from the live data of every module as of a reference
 * date, rendered as a PDF (Dutch, or English on request) with charts and the map, and kept with the figures it
 * shows. Made on request by national coordinators, ministry analysts and administrators, and every Friday by
 * the schedule; read and downloaded by the national roles and the provinces' supervisors.
 */
@Service
public class WeeklyReports {

    private static final Logger log = LoggerFactory.getLogger(WeeklyReports.class);

    /** Roles that make a report on request. */
    public static final Set<Role> GENERATORS = EnumSet.of(Role.NATIONAL_COORDINATOR, Role.MINISTRY_ANALYST,
            Role.ADMINISTRATOR);

    /**
     * Roles that read and download kept reports. Not municipality officers and housing corporations: the report
     * carries the coordination centre's call list with its reasons, which that module shows to national roles
     * and provinces only; the report must not show more than its sources do.
     */
    public static final Set<Role> READERS = EnumSet.of(Role.NATIONAL_COORDINATOR, Role.MINISTRY_ANALYST,
            Role.COA_PLANNER, Role.ADMINISTRATOR, Role.PROVINCE_SUPERVISOR);

    /** The languages a report is written in; Dutch unless English is asked for. */
    public static final List<Locale> LANGUAGES = List.of(Locale.forLanguageTag("nl"), Locale.ENGLISH);

    static final double[] MAP_BREAKS = { 0, 30, 60, 80, 100, Double.MAX_VALUE };
    private static final int LIST_SIZE = 100;

    private final WeeklyReportComposer composer;
    private final StoredWeeklyReports stored;
    private final PdfDocuments pdfs;
    private final NationalMap nationalMap;
    private final MessageSource messages;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final GovernanceJobs jobs;

    /** The steps a report job reports: figures, charts, map, PDF. */
    static final int STEPS = 4;

    WeeklyReports(WeeklyReportComposer composer, StoredWeeklyReports stored, PdfDocuments pdfs, NationalMap nationalMap,
            MessageSource messages, AuditTrail audit, TransactionTemplate transactions, GovernanceJobs jobs) {
        this.jobs = jobs;
        this.composer = composer;
        this.stored = stored;
        this.pdfs = pdfs;
        this.nationalMap = nationalMap;
        this.messages = messages;
        this.audit = audit;
        this.transactions = transactions;
    }

    public static boolean mayGenerate() {
        return CurrentUser.get().map(u -> GENERATORS.contains(u.role())).orElse(false);
    }

    public static boolean mayRead() {
        return CurrentUser.get().map(u -> READERS.contains(u.role())).orElse(false);
    }

    private static DoorstroomUser require(Set<Role> roles, String why) {
        var user = CurrentUser.get().orElseThrow(() -> new AccessDeniedException("Not signed in"));
        if (!roles.contains(user.role())) {
            throw new AccessDeniedException(why);
        }
        return user;
    }

    /** The language asked for, Dutch by default; another one is refused naming the field. */
    public static Locale language(String tag) {
        if (tag == null || tag.isBlank()) {
            return LANGUAGES.get(0);
        }
        for (var locale : LANGUAGES) {
            if (locale.getLanguage().equalsIgnoreCase(tag.strip())) {
                return locale;
            }
        }
        throw InvalidInput.of("language", "governance.report.language.unknown", tag.strip());
    }

    /** The figures as of a date, without keeping a report (generators only). */
    public ReportFigures figuresOn(LocalDate date) {
        var user = require(GENERATORS, "Only national coordinators, analysts and administrators make reports");
        requireDate(date, today());
        return asTheNation(user.username(), () -> composer.compose(date));
    }

    /** Makes and keeps a report as of a date in a language, at the signed-in user's request. */
    public WeeklyReport generate(LocalDate date, Locale locale) {
        var user = require(GENERATORS, "Only national coordinators, analysts and administrators make reports");
        requireDate(date, today());
        long id = make(date, locale == null ? LANGUAGES.get(0) : locale, WeeklyReport.Kind.ON_DEMAND, user.username());
        return stored.find(id).orElseThrow();
    }

    /**
     * Queues the making of a report as of a date in a language at the signed-in user's request, and answers the
     * job at once; {@link GovernanceJobs} shows its progress, cancels it, and names the report when done.
     */
    public GovernanceJob start(LocalDate date, Locale locale) {
        var user = require(GENERATORS, "Only national coordinators, analysts and administrators make reports");
        requireDate(date, today());
        var language = locale == null ? LANGUAGES.get(0) : locale;
        long id = jobs.submit(GovernanceJob.Kind.WEEKLY_REPORT, STEPS, progress -> {
            var made = prepare(date, language, user.username(), progress);
            return () -> store(made, WeeklyReport.Kind.ON_DEMAND, user.username());
        });
        return jobs.find(id);
    }

    /**
     * Makes the scheduled (Dutch) report as of a date, unless one is kept for that date already; across nodes
     * the database lets only one in. Empty when there was one.
     */
    Optional<WeeklyReport> generateScheduled(LocalDate date) {
        if (stored.scheduledExists(date)) {
            return Optional.empty();
        }
        try {
            long id = make(date, LANGUAGES.get(0), WeeklyReport.Kind.SCHEDULED, WeeklyReport.SCHEDULE);
            return stored.find(id);
        }
        catch (DuplicateKeyException e) {
            // Another node made it a moment ago.
            return Optional.empty();
        }
    }

    private long make(LocalDate date, Locale locale, WeeklyReport.Kind kind, String by) {
        return store(prepare(date, locale, by, GovernanceJobs.Progress.NONE), kind, by);
    }

    /** A report composed and rendered, not yet kept. */
    private record Made(LocalDate date, Locale locale, ReportFigures figures, String json, byte[] pdf, int pdfMillis,
            long composeMillis) {
    }

    /** The slow part, in the steps a job reports: figures, charts, map, PDF. */
    private Made prepare(LocalDate date, Locale locale, String by, GovernanceJobs.Progress progress) {
        progress.step("governance.job.step.figures", 0);
        long started = System.nanoTime();
        var composed = asTheNation(by, () -> composer.compose(date));
        long composedAt = System.nanoTime();
        // The PDF shows the figures as they are stored: rendered from the JSON read back.
        var json = StoredWeeklyReports.json(composed);
        var figures = StoredWeeklyReports.figures(json);
        var pdf = render(figures, locale, progress);
        int pdfMillis = (int) ((System.nanoTime() - composedAt) / 1_000_000);
        return new Made(date, locale, figures, json, pdf, pdfMillis, (composedAt - started) / 1_000_000);
    }

    private long store(Made made, WeeklyReport.Kind kind, String by) {
        long id = transactions.execute(tx -> {
            long added = stored.add(made.date(), made.locale(), kind, by, made.figures().synthetic(), made.json(),
                    made.pdf(), made.pdfMillis());
            audit.record(by, "governance.report.generated", "weekly-report", added,
                    "date=" + made.date() + " locale=" + made.locale().getLanguage() + " kind=" + kind);
            return added;
        });
        log.info("Weekly report {} as of {} ({}): figures in {} ms, PDF ({} kB) in {} ms", id, made.date(), kind,
                made.composeMillis(), made.pdf().length / 1024, made.pdfMillis());
        return id;
    }

    /** The kept reports, newest first. */
    public List<WeeklyReport> latest() {
        require(READERS, "This role does not read the weekly reports");
        return stored.latest(LIST_SIZE);
    }

    public WeeklyReport find(long id) {
        require(READERS, "This role does not read the weekly reports");
        return stored.find(id).orElseThrow(() -> new WeeklyReportNotFound(id));
    }

    /** A kept report's PDF; every download is recorded in the audit trail. */
    public byte[] pdf(long id) {
        var user = require(READERS, "This role does not read the weekly reports");
        var pdf = stored.pdf(id).orElseThrow(() -> new WeeklyReportNotFound(id));
        audit.record(user.username(), "governance.report.downloaded", "weekly-report", id, null);
        return pdf;
    }

    /** Renders figures (as stored) to the PDF in a language. */
    byte[] render(ReportFigures figures, Locale locale) {
        return render(figures, locale, GovernanceJobs.Progress.NONE);
    }

    private byte[] render(ReportFigures figures, Locale locale, GovernanceJobs.Progress progress) {
        var model = new HashMap<String, Object>();
        model.put("f", figures);
        progress.step("governance.job.step.charts", 1);
        long started = System.nanoTime();
        model.putAll(charts(figures, locale));
        progress.step("governance.job.step.map", 2);
        model.putAll(map(figures, locale));
        long charted = System.nanoTime();
        progress.step("governance.job.step.pdf", 3);
        var pdf = pdfs.render("governance/weekly-report", model, locale);
        log.info("Weekly report as of {}: charts in {} ms, PDF rendered in {} ms", figures.referenceDate(),
                (charted - started) / 1_000_000, (System.nanoTime() - charted) / 1_000_000);
        return pdf;
    }

    private Map<String, Object> charts(ReportFigures f, Locale locale) {
        var charts = new HashMap<String, Object>();
        var number = java.text.NumberFormat.getIntegerInstance(locale);
        if (!f.halfYears().isEmpty()) {
            var periods = f.halfYears().stream().map(ReportFigures.HalfYearBar::period).toList();
            charts.put("quotaChart", ReportCharts.bars(periods, List.of(
                    new ReportCharts.Series(text("governance.report.quota.corrected", locale),
                            f.halfYears().stream().map(ReportFigures.HalfYearBar::correctedQuota).toList(),
                            ReportCharts.FIRST, false),
                    new ReportCharts.Series(text("governance.report.quota.housed", locale),
                            f.halfYears().stream().map(ReportFigures.HalfYearBar::housed).toList(),
                            ReportCharts.SECOND, false)), number::format));
        }
        var weeks = f.reception().recentWeeks();
        if (!weeks.isEmpty()) {
            var labels = weeks.stream().map(w -> w.week().getDayOfMonth() + "-" + w.week().getMonthValue()).toList();
            charts.put("terApelChart", ReportCharts.lines(labels, List.of(
                    new ReportCharts.Series(text("governance.report.reception.terApel", locale),
                            weeks.stream().map(ReportFigures.TerApelWeek::terApel).toList(), ReportCharts.FIRST, false),
                    new ReportCharts.Series(text("governance.report.reception.norm", locale),
                            weeks.stream().map(w -> (long) w.norm()).toList(), ReportCharts.SECOND, true)),
                    number::format));
        }
        return charts;
    }

    private Map<String, Object> map(ReportFigures f, Locale locale) {
        var charts = new HashMap<String, Object>();
        var number = java.text.NumberFormat.getIntegerInstance(locale);
        if (!f.map().isEmpty()) {
            var values = new HashMap<MunicipalityCode, Double>();
            // Nothing to house counts as met, as on the progress map.
            f.map().forEach(m -> values.put(MunicipalityCode.of(m.code()),
                    m.percent() == null ? 100.0 : m.percent().doubleValue()));
            var view = nationalMap.choropleth(values, v -> v >= Double.MAX_VALUE / 2 ? "\u221e" : number.format(v) + "%",
                    MAP_BREAKS);
            charts.put("mapImage", ReportCharts.map(view, text("governance.report.map.noFigure", locale)));
            var classes = new ArrayList<Map<String, Object>>();
            for (var c : view.legend()) {
                long count = view.areas().stream().filter(a -> a.colourClass() == c.index()).count();
                classes.add(Map.of("lower", c.lower(), "upper", c.upper(), "count", count,
                        "last", c.index() == view.legend().size() - 1));
            }
            charts.put("mapClasses", classes);
        }
        return charts;
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }

    /**
     * Runs the composition with the nation's view, whoever asked: the report shows national figures, and the
     * same date gives the same figures for every requester (and for the schedule, which has no user).
     */
    private static <T> T asTheNation(String actor, Supplier<T> work) {
        var previous = SecurityContextHolder.getContext();
        var composer = new DoorstroomUser(0, actor, "Weekly report", Role.NATIONAL_COORDINATOR, Scope.nation());
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(composer, null,
                List.of(new SimpleGrantedAuthority(Role.NATIONAL_COORDINATOR.authority()))));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        }
        finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    static LocalDate today() {
        return LocalDate.now(AuditTrail.ZONE);
    }

    /** A reference date is required and not in the future (the figures of a day to come are not known). */
    static void requireDate(LocalDate date, LocalDate today) {
        if (date == null) {
            throw InvalidInput.of("referenceDate", "governance.report.date.missing");
        }
        if (date.isAfter(today)) {
            throw InvalidInput.of("referenceDate", "governance.report.date.future", date.toString());
        }
    }
}
