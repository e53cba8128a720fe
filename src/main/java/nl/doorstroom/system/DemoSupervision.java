package nl.doorstroom.system;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import nl.doorstroom.identity.AuditTrail;
import nl.doorstroom.identity.DoorstroomUser;
import nl.doorstroom.identity.Role;
import nl.doorstroom.identity.Scope;
import nl.doorstroom.municipalities.Municipality;
import nl.doorstroom.municipalities.MunicipalityRegistry;
import nl.doorstroom.municipalities.Province;
import nl.doorstroom.progress.Colour;
import nl.doorstroom.progress.MunicipalityProgress;
import nl.doorstroom.progress.PeriodProgress;
import nl.doorstroom.progress.ProgressMonitor;
import nl.doorstroom.shared.ProvinceCode;
import nl.doorstroom.supervision.Assessment;
import nl.doorstroom.supervision.Assessments;
import nl.doorstroom.supervision.EscalationCase;
import nl.doorstroom.supervision.EscalationLadder;
import nl.doorstroom.supervision.EscalationLadders;
import nl.doorstroom.supervision.Escalations;
import nl.doorstroom.supervision.LadderStep;
import nl.doorstroom.supervision.StepKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Synthetic supervision for the demo (issue 7): in every province a few municipalities that are behind in the
 * demo's progress figures have a case, opened on a past date and moved up the ladder step by step, so that
 * the cases stand at every step, some past their term today and some not. Exactly one reached "substitution
 * carried out" (after a decision with a deadline), with its costs; the minister asked the province to act on
 * one or two (art. 124a); a few have an agreed course of action; three are closed, one on a commitment (art.
 * 124d). Gelderland keeps its own ladder with its own terms and opens a case after four missed half-years.
 * Part of the last assessed half-year of Utrecht and Gelderland is decided. Seeded, all or nothing, through
 * the facades, signed in as each province's supervisor; every case is marked synthetic and every free text
 * says so. Loaded on the first start that finds no case, also into an existing demo database.
 */
@Component
@Order(70)
@ConditionalOnProperty(name = "doorstroom.demo.enabled", havingValue = "true")
class DemoSupervision implements ApplicationRunner {

    static final long SEED = 20231103L;
    static final String NOTE = DemoCoordination.NOTE;
    static final ProvinceCode GELDERLAND = ProvinceCode.of("PV25");
    static final ProvinceCode UTRECHT = ProvinceCode.of("PV26");
    /** Cases per province, where that many municipalities are behind. */
    static final int PER_PROVINCE = 3;
    /** Behind: realisation below this share of the corrected quota, or red. */
    static final double BEHIND_PERCENT = 60;

    private static final Logger log = LoggerFactory.getLogger(DemoSupervision.class);

    /** Steps of the default ladder in order; the index is how far a case has come. */
    private static final List<StepKind> LADDER = List.of(StepKind.SIGNAL, StepKind.OFFICIAL_TALKS,
            StepKind.ADMINISTRATIVE_TALKS, StepKind.WARNING, StepKind.SUBSTITUTION_DECISION,
            StepKind.SUBSTITUTION_CARRIED_OUT);

    private static final Map<StepKind, String> STEP_NOTES = new EnumMap<>(Map.of(
            StepKind.SIGNAL, "Signaalbrief verstuurd over de achterstand in de huisvesting van vergunninghouders",
            StepKind.OFFICIAL_TALKS, "Ambtelijk overleg over de oorzaken van de achterstand en mogelijke maatregelen",
            StepKind.ADMINISTRATIVE_TALKS, "Bestuurlijk overleg met de wethouder Wonen; de gemeente stelt een plan van "
                    + "aanpak op",
            StepKind.WARNING, "Schriftelijke waarschuwing met vooraankondiging van indeplaatsstelling verstuurd",
            StepKind.SUBSTITUTION_DECISION, "Besluit tot indeplaatsstelling; tot het einde van de begunstigingstermijn "
                    + "kan de gemeente alsnog voldoen",
            StepKind.SUBSTITUTION_CARRIED_OUT, "De provincie voert de huisvesting van vergunninghouders uit in plaats "
                    + "van de gemeente, op kosten van de gemeente"));

    /** What the demo loaded. */
    record Loaded(int cases, int provinces, int open, int overdue, int closed, Map<StepKind, Integer> byStep,
            int courses, int ministerRequests, int assessments, boolean ladderChanged) {
    }

    /** One case to load: its municipality and figures, how far it comes, whether it is overdue today, how it ends. */
    private record Plan(Municipality municipality, PeriodProgress figures, double severity, int reach, boolean overdue,
            EscalationCase.Closure closure) {

        Plan with(int newReach, boolean newOverdue, EscalationCase.Closure newClosure) {
            return new Plan(municipality, figures, severity, newReach, newOverdue, newClosure);
        }
    }

    private final Escalations escalations;
    private final EscalationLadders ladders;
    private final Assessments assessments;
    private final ProgressMonitor progress;
    private final MunicipalityRegistry registry;
    private final TransactionTemplate transaction;

    DemoSupervision(Escalations escalations, EscalationLadders ladders, Assessments assessments,
            ProgressMonitor progress, MunicipalityRegistry registry, TransactionTemplate transaction) {
        this.escalations = escalations;
        this.ladders = ladders;
        this.assessments = assessments;
        this.progress = progress;
        this.registry = registry;
        this.transaction = transaction;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (escalations.anyCase()) {
            return;
        }
        long started = System.nanoTime();
        var loaded = transaction.execute(status -> load(LocalDate.now(AuditTrail.ZONE)));
        if (loaded != null && loaded.cases() > 0) {
            log.info("Demo supervision loaded in {} ms: {} synthetic cases in {} provinces ({} open, {} overdue today, {} "
                    + "closed), open by step {}, {} courses of action, {} requests of the minister, {} assessments "
                    + "decided{}", (System.nanoTime() - started) / 1_000_000, loaded.cases(), loaded.provinces(),
                    loaded.open(), loaded.overdue(), loaded.closed(), loaded.byStep(), loaded.courses(),
                    loaded.ministerRequests(), loaded.assessments(),
                    loaded.ladderChanged() ? ", own ladder for Gelderland" : "");
        }
    }

    Loaded load(LocalDate today) {
        var random = new Random(SEED);
        var picture = progress.at(today);
        var provinces = registry.provinces();
        boolean ladderChanged = as(Role.PROVINCE_SUPERVISOR, GELDERLAND, () -> gelderlandLadder());

        // In every province the municipalities furthest behind, a few picked from the worst.
        var plans = new ArrayList<Plan>();
        for (var province : provinces) {
            var behind = new ArrayList<Plan>();
            for (var m : picture.inProvince(province.code())) {
                var figures = figuresOf(m);
                if (figures != null && behind(figures)) {
                    behind.add(new Plan(registry.find(m.code()).orElseThrow(), figures, severity(figures), 0, false, null));
                }
            }
            behind.sort(Comparator.comparingDouble(Plan::severity).reversed()
                    .thenComparing(p -> p.municipality().code().value()));
            var worst = new ArrayList<>(behind.subList(0, Math.min(behind.size(), PER_PROVINCE * 3)));
            java.util.Collections.shuffle(worst, random);
            plans.addAll(worst.subList(0, Math.min(worst.size(), PER_PROVINCE)));
        }
        if (plans.isEmpty()) {
            return new Loaded(0, 0, 0, 0, 0, Map.of(), 0, 0, 0, ladderChanged);
        }
        plans = assign(plans, random);

        int overdue = 0;
        int closed = 0;
        var byStep = new EnumMap<StepKind, Integer>(StepKind.class);
        int courses = 0;
        int ministerRequests = 0;
        for (int i = 0; i < plans.size(); i++) {
            var plan = plans.get(i);
            var province = plan.municipality().province();
            var provinceName = registry.province(province).map(Province::name).orElse(plan.municipality().provinceName());
            var opened = as(Role.PROVINCE_SUPERVISOR, province, () -> {
                var walked = walk(plan, provinceName, today, random);
                // The facade opens a case as a real one; the demo's are marked synthetic in the same transaction.
                escalations.markSynthetic(walked.id());
                return walked;
            });
            long id = opened.id();
            var current = opened.current();
            if (plan.closure() == null) {
                byStep.merge(current.kind(), 1, Integer::sum);
                if (opened.overdueOn(today)) {
                    overdue++;
                }
                int reachNow = LADDER.indexOf(current.kind());
                // A course of action agreed at the administrative talks, for some of the cases that got that far.
                if (reachNow >= 2 && courses < 5 && reachNow <= 4 && random.nextInt(3) > 0) {
                    var talks = opened.steps().stream().filter(s -> s.kind() == StepKind.ADMINISTRATIVE_TALKS)
                            .findFirst().orElseThrow().stepOn();
                    var kind = courseKind(courses);
                    as(Role.PROVINCE_SUPERVISOR, province, () -> agree(opened, talks, kind, random));
                    courses++;
                }
                // The minister asks the province to act (art. 124a) where a warning or decision stands.
                if (ministerRequests < 2 && (current.kind() == StepKind.WARNING
                        || current.kind() == StepKind.SUBSTITUTION_DECISION && ministerRequests == 0)) {
                    var on = between(current.stepOn(), today, random);
                    int n = ministerRequests + 1;
                    as(Role.MINISTRY_ANALYST, null, () -> escalations.recordMinisterRequest(id, on,
                            "Kenmerk " + on.getYear() + "-VRO-" + String.format("%05d", 1200 + n) + NOTE,
                            "De minister verzoekt Gedeputeerde Staten van " + provinceName + " gebruik te maken van "
                                    + "hun bevoegdheid tot indeplaatsstelling bij " + plan.municipality().name() + NOTE));
                    ministerRequests++;
                }
                if (current.kind() == StepKind.SUBSTITUTION_CARRIED_OUT) {
                    as(Role.PROVINCE_SUPERVISOR, province, () -> costs(opened, today, random));
                }
            }
            else {
                as(Role.PROVINCE_SUPERVISOR, province, () -> close(plan, opened, today, random));
                closed++;
            }
        }
        int decided = as(Role.PROVINCE_SUPERVISOR, UTRECHT, () -> decideAssessments(UTRECHT, random))
                + as(Role.PROVINCE_SUPERVISOR, GELDERLAND, () -> decideAssessments(GELDERLAND, random));
        int provinceCount = (int) plans.stream().map(p -> p.municipality().province()).distinct().count();
        return new Loaded(plans.size(), provinceCount, plans.size() - closed, overdue, closed, byStep, courses,
                ministerRequests, decided, ladderChanged);
    }

    /** The figures a case is about: the last assessed half-year, else the one that runs. */
    private static PeriodProgress figuresOf(MunicipalityProgress m) {
        return m.history().isEmpty() ? null : m.lastAssessed().orElse(m.current());
    }

    private static boolean behind(PeriodProgress p) {
        var percent = p.realisationPercent();
        return p.shortfall() > 0 && (p.colour() == Colour.RED || percent != null && percent < BEHIND_PERCENT);
    }

    private static double severity(PeriodProgress p) {
        var percent = p.realisationPercent();
        return (100 - (percent == null ? 100 : Math.min(100, percent))) + Math.min(40, p.shortfall() / 5.0);
    }

    /**
     * How far each case comes: the most severe cases highest up the ladder, with some noise; exactly one
     * case reaches "substitution carried out"; three end closed; about two in five are past their term today.
     */
    private static ArrayList<Plan> assign(List<Plan> plans, Random random) {
        var ordered = new ArrayList<>(plans);
        var noise = new java.util.HashMap<Plan, Double>();
        ordered.forEach(p -> noise.put(p, p.severity() + random.nextDouble() * 40));
        ordered.sort(Comparator.comparingDouble((Plan p) -> noise.get(p)).reversed()
                .thenComparing(p -> p.municipality().code().value()));
        int n = ordered.size();
        var assigned = new ArrayList<Plan>();
        for (int i = 0; i < n; i++) {
            // Shares of the cases from the top of the ladder down: 1 carried out, ~12% decision, ~18% warning,
            // ~22% administrative talks, ~25% official talks, the rest a signal.
            double rank = (double) i / n;
            int reach = i == 0 ? 5 : rank < 0.13 ? 4 : rank < 0.31 ? 3 : rank < 0.53 ? 2 : rank < 0.78 ? 1 : 0;
            boolean overdue = reach < 5 && i % 5 < 2;
            assigned.add(ordered.get(i).with(reach, overdue, null));
        }
        // Closed: one committed after the substitution decision (art. 124d), two that comply.
        closeOne(assigned, 4, EscalationCase.Closure.COMMITTED);
        closeOne(assigned, 2, EscalationCase.Closure.COMPLIES);
        closeOne(assigned, 1, EscalationCase.Closure.COMPLIES);
        java.util.Collections.shuffle(assigned, random);
        return assigned;
    }

    private static void closeOne(List<Plan> plans, int reach, EscalationCase.Closure closure) {
        for (int i = plans.size() - 1; i >= 0; i--) {
            var p = plans.get(i);
            if (p.reach() == reach && p.closure() == null) {
                plans.set(i, p.with(reach, false, closure));
                return;
            }
        }
    }

    /** Opens the case and moves it up the ladder step by step, on past dates that fit the plan. */
    private EscalationCase walk(Plan plan, String provinceName, LocalDate today, Random random) {
        var ladder = ladders.of(plan.municipality().province());
        var steps = new ArrayList<LadderStep>();
        for (int k = 0; k <= plan.reach(); k++) {
            var kind = LADDER.get(k);
            steps.add(ladder.steps().stream().filter(s -> s.kind() == kind).findFirst().orElseThrow());
        }
        int decisionDeadline = 42 + 7 * random.nextInt(3);
        // Days the current step has stood today: past its term when overdue, within it when not.
        var top = steps.get(steps.size() - 1);
        int term = top.kind() == StepKind.SUBSTITUTION_DECISION ? decisionDeadline
                : top.termDays() == null ? 60 : top.termDays();
        int age;
        if (plan.closure() != null) {
            age = 20 + random.nextInt(40);
        }
        else if (plan.overdue()) {
            age = term + 1 + random.nextInt(45);
        }
        else {
            age = random.nextInt(Math.max(1, term - 1));
        }
        // The steps before took about their term, some longer; a decision is carried out after its deadline.
        int[] gaps = new int[steps.size() - 1];
        int sum = 0;
        for (int k = 0; k < gaps.length; k++) {
            var step = steps.get(k);
            gaps[k] = step.kind() == StepKind.SUBSTITUTION_DECISION ? decisionDeadline + 1 + random.nextInt(14)
                    : Math.max(1, (int) Math.round((step.termDays() == null ? 30 : step.termDays())
                            * (0.6 + random.nextDouble())));
            sum += gaps[k];
        }
        int budget = 300 - age;
        if (sum > budget) {
            // Opened at most 300 days ago: the steps before give way, but a decision's gap stays past its deadline.
            int fixed = 0;
            for (int k = 0; k < gaps.length; k++) {
                if (steps.get(k).kind() == StepKind.SUBSTITUTION_DECISION) {
                    fixed += gaps[k];
                }
            }
            for (int k = 0; k < gaps.length; k++) {
                if (steps.get(k).kind() != StepKind.SUBSTITUTION_DECISION) {
                    gaps[k] = Math.max(1, gaps[k] * (budget - fixed) / (sum - fixed));
                }
            }
        }
        var on = today.minusDays(age);
        for (int gap : gaps) {
            on = on.minusDays(gap);
        }
        var figures = plan.figures();
        var reason = String.format("Taakstelling %s niet gerealiseerd: %d van %d vergunninghouders gehuisvest (%s), "
                + "achterstand %d", figures.period(), figures.housed(), figures.correctedQuota(),
                figures.realisationPercent() == null ? "-" : Math.round(figures.realisationPercent()) + "%",
                figures.shortfall()) + NOTE;
        long id = escalations.open(new Escalations.CaseOpening(plan.municipality().code(), on, reason,
                decisionMaker(StepKind.SIGNAL, provinceName), null, null, STEP_NOTES.get(StepKind.SIGNAL) + NOTE));
        var current = escalations.find(id);
        for (int k = 1; k < steps.size(); k++) {
            on = on.plusDays(gaps[k - 1]);
            var step = steps.get(k);
            var deadline = step.kind() == StepKind.SUBSTITUTION_DECISION ? on.plusDays(decisionDeadline) : null;
            current = escalations.move(id, current.version(), new Escalations.StepMove(step.key(), on,
                    decisionMaker(step.kind(), provinceName), STEP_NOTES.get(step.kind()) + NOTE, null, deadline, false));
        }
        return current;
    }

    private static String decisionMaker(StepKind kind, String provinceName) {
        return switch (kind) {
            case SIGNAL -> "Team Interbestuurlijk Toezicht, provincie " + provinceName;
            case OFFICIAL_TALKS -> "Toezichthouder IBT, provincie " + provinceName + " (ambtelijk)";
            case ADMINISTRATIVE_TALKS -> "gedeputeerde Wonen (mandaat)";
            default -> "Gedeputeerde Staten van " + provinceName;
        };
    }

    private static EscalationCase.ActionKind courseKind(int n) {
        return n % 2 == 0 ? EscalationCase.ActionKind.EXTRA_PLACES : EscalationCase.ActionKind.REGIONAL_ARRANGEMENT;
    }

    private EscalationCase agree(EscalationCase found, LocalDate on, EscalationCase.ActionKind kind, Random random) {
        if (kind == EscalationCase.ActionKind.REGIONAL_ARRANGEMENT) {
            var neighbours = registry.neighboursOf(found.municipality()).stream()
                    .filter(m -> m.province().equals(found.province())).map(Municipality::name).limit(2).toList();
            if (neighbours.isEmpty()) {
                neighbours = registry.neighboursOf(found.municipality()).stream().map(Municipality::name).limit(2).toList();
            }
            if (!neighbours.isEmpty()) {
                var partners = String.join(", ", neighbours);
                return escalations.agree(found.id(), new Escalations.CourseInput(kind,
                        "Regionale afspraak: " + partners + " nemen een deel van de achterstand over; "
                                + found.municipalityName() + " compenseert in de volgende halfjaren" + NOTE,
                        10 + random.nextInt(20), on.plusDays(120), partners, on));
            }
        }
        int places = 15 + 5 * random.nextInt(10);
        return escalations.agree(found.id(), new Escalations.CourseInput(EscalationCase.ActionKind.EXTRA_PLACES,
                "Gemeente realiseert " + places + " extra plaatsen in flexwoningen en een tijdelijke locatie" + NOTE,
                places, on.plusDays(90 + random.nextInt(60)), null, on));
    }

    private EscalationCase costs(EscalationCase found, LocalDate today, Random random) {
        var from = found.current().stepOn();
        escalations.recordCost(found.id(), between(from, today, random), "Inhuur projectleider huisvesting" + NOTE,
                new BigDecimal("48500.00"));
        return escalations.recordCost(found.id(), between(from, today, random),
                "Huur en inrichting tijdelijke woonunits" + NOTE, new BigDecimal("212750.00"));
    }

    private EscalationCase close(Plan plan, EscalationCase found, LocalDate today, Random random) {
        var closedOn = between(found.current().stepOn().plusDays(1), today, random);
        if (plan.closure() == EscalationCase.Closure.COMMITTED) {
            int places = 20 + 5 * random.nextInt(8);
            var committedOn = closedOn.minusDays(random.nextInt(5));
            if (committedOn.isBefore(found.current().stepOn())) {
                committedOn = found.current().stepOn();
            }
            return escalations.close(found.id(), found.version(), new Escalations.CaseClosing(EscalationCase.Closure.COMMITTED,
                    closedOn, "Besluit tot indeplaatsstelling ingetrokken na een geloofwaardige toezegging "
                            + "(art. 124d Gemeentewet)" + NOTE,
                    "Het college huisvest de achterstand van " + places + " vergunninghouders, onder meer in "
                            + "flexwoningen op de voormalige sportvelden" + NOTE,
                    places, committedOn.plusDays(120), committedOn, "college van burgemeester en wethouders"));
        }
        else {
            return escalations.close(found.id(), found.version(), new Escalations.CaseClosing(EscalationCase.Closure.COMPLIES,
                    closedOn, "Achterstand ingelopen; de gemeente voldoet aan de taakstelling" + NOTE, null, null, null,
                    null, null));
        }
    }

    /**
     * Decides part of a province's last assessed half-year: about half confirmed, one overridden, one
     * excusable; the rest stays pending. Only what is still undecided.
     */
    private int decideAssessments(ProvinceCode province, Random random) {
        var periods = assessments.assessedPeriods();
        if (periods.isEmpty()) {
            return 0;
        }
        var period = periods.get(0);
        var pending = assessments.forPeriod(period, province).stream().filter(r -> r.pending()).toList();
        int decided = 0;
        boolean overridden = false;
        boolean excused = false;
        for (var row : pending) {
            if (!overridden && row.proposed() == Colour.RED) {
                assessments.decide(row.code(), period, Assessment.Outcome.OVERRIDDEN, Colour.ORANGE,
                        "Na de peildatum zijn de toegezegde woningen opgeleverd; achterstand grotendeels ingelopen" + NOTE,
                        -1);
                overridden = true;
            }
            else if (!excused && row.proposed() == Colour.ORANGE) {
                assessments.decide(row.code(), period, Assessment.Outcome.EXCUSABLE, null,
                        "Oplevering van de flexwoningen vertraagd door een uitspraak van de Raad van State" + NOTE, -1);
                excused = true;
            }
            else if (random.nextBoolean()) {
                assessments.decide(row.code(), period, Assessment.Outcome.CONFIRMED, null, null, -1);
            }
            else {
                continue;
            }
            decided++;
        }
        return decided;
    }

    /** Gelderland's own ladder: longer terms, and a case opened after four missed half-years in a row. */
    private boolean gelderlandLadder() {
        if (!ladders.of(GELDERLAND).isDefault()) {
            return false;
        }
        var terms = Map.of(StepKind.SIGNAL, 21, StepKind.OFFICIAL_TALKS, 42, StepKind.ADMINISTRATIVE_TALKS, 56,
                StepKind.WARNING, 42, StepKind.SUBSTITUTION_DECISION, 56, StepKind.SUBSTITUTION_CARRIED_OUT, 120);
        var steps = EscalationLadder.defaultFor(GELDERLAND).steps().stream()
                .map(s -> new LadderStep(s.key(), s.kind(), null, terms.get(s.kind()))).toList();
        ladders.change(GELDERLAND, steps, 4, -1);
        return true;
    }

    /** A date from the first to the second, both included; the first when the second lies before it. */
    private static LocalDate between(LocalDate from, LocalDate to, Random random) {
        long days = ChronoUnit.DAYS.between(from, to);
        return days <= 0 ? from : from.plusDays(random.nextInt((int) days + 1));
    }

    /** Does the work signed in as the demo's user of a role, for a province (null: the nation). */
    private static <T> T as(Role role, ProvinceCode province, java.util.function.Supplier<T> work) {
        var scope = province == null ? Scope.nation() : Scope.province(province);
        var loader = new DoorstroomUser(0, DemoQuotaHistory.ACTOR, "Demoscenario", role, scope);
        var previous = SecurityContextHolder.getContext();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(loader, null,
                List.of(new SimpleGrantedAuthority(role.authority()))));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        }
        finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
