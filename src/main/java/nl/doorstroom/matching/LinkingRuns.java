package nl.doorstroom.matching;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import nl.doorstroom.identity.AuditTrail;
import nl.doorstroom.identity.CurrentUser;
import nl.doorstroom.identity.Role;
import nl.doorstroom.matching.LinkProposal.Decision;
import nl.doorstroom.matching.StoredRuns.Show;
import nl.doorstroom.municipalities.MunicipalityRegistry;
import nl.doorstroom.municipalities.Region;
import nl.doorstroom.municipalities.Regions;
import nl.doorstroom.permitholders.HouseholdNotFound;
import nl.doorstroom.permitholders.Journeys;
import nl.doorstroom.permitholders.LinkingInputs;
import nl.doorstroom.progress.MunicipalityProgress;
import nl.doorstroom.progress.ProgressMonitor;
import nl.doorstroom.shared.EditConflict;
import nl.doorstroom.shared.InvalidInput;
import nl.doorstroom.shared.InvalidInput.Problem;
import nl.doorstroom.shared.MunicipalityCode;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Linking runs: a COA planner starts the optimiser for a linking region or the nation, follows its
 * progress and may cancel it; every run is kept with its inputs, weights and proposals. The planner
 * accepts proposals (all or some), rejects them, or links a household elsewhere by hand with a reason;
 * accepted and changed proposals become links in the register through {@link Journeys#link}.
 */
@Service
public class LinkingRuns {

    /** Roles that see runs and their proposals (which name households by their COA reference). */
    public static final Set<Role> READERS = Set.of(Role.COA_PLANNER, Role.NATIONAL_COORDINATOR);

    /** The most proposals one page or one API answer holds. */
    public static final int PAGE_LIMIT = 500;

    private final StoredRuns runs;
    private final RunExecutor executor;
    private final LinkingInputs inputs;
    private final ProgressMonitor progress;
    private final MunicipalityRegistry registry;
    private final Regions regions;
    private final Journeys journeys;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final TransactionTemplate readOnly;

    LinkingRuns(StoredRuns runs, RunExecutor executor, LinkingInputs inputs, ProgressMonitor progress,
            MunicipalityRegistry registry, Regions regions, Journeys journeys, AuditTrail audit,
            PlatformTransactionManager transactionManager) {
        this.runs = runs;
        this.executor = executor;
        this.inputs = inputs;
        this.progress = progress;
        this.registry = registry;
        this.regions = regions;
        this.journeys = journeys;
        this.audit = audit;
        this.transactions = new TransactionTemplate(transactionManager);
        this.readOnly = new TransactionTemplate(transactionManager);
        this.readOnly.setReadOnly(true);
        this.readOnly.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRED);
    }

    /** Whether the current user starts runs and decides on proposals (COA planners, as they link). */
    public static boolean mayPlan() {
        return Journeys.mayLink();
    }

    public static boolean mayRead() {
        return CurrentUser.get().map(u -> READERS.contains(u.role())).orElse(false);
    }

    private static void requireReader() {
        if (!mayRead()) {
            throw new AccessDeniedException("Only COA planners and national coordinators see linking runs");
        }
    }

    private static void requirePlanner() {
        if (!mayPlan()) {
            throw new AccessDeniedException("Only COA planners run the optimiser and decide on its proposals");
        }
    }

    /** The COA linking regions a run can be limited to. */
    public List<Region> linkingRegions() {
        return regions.all().stream().filter(r -> r.kind() == Region.RegionKind.COA_LINKING).toList();
    }

    /**
     * Starts a run: reads the households awaiting a link and each municipality's remaining capacity,
     * keeps them with the run, and sets the optimiser to work in the background.
     *
     * @return the run's id; follow it with {@link #find}
     */
    public long start(RunRequest request) {
        requirePlanner();
        var problems = request.problems(linkingRegions().stream().map(Region::code).collect(Collectors.toSet()));
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        var today = LocalDate.now(AuditTrail.ZONE);
        long id = transactions.execute(status -> {
            var candidates = inputs.awaitingLink(request.region(),
                    request.householdLimit() == null ? RunRequest.MAXIMUM_HOUSEHOLDS : request.householdLimit());
            if (candidates.isEmpty()) {
                throw InvalidInput.of("region", "linking.run.noHouseholds");
            }
            var households = new ArrayList<RunHousehold>(candidates.size());
            for (var c : candidates) {
                households.add(new RunHousehold(c.id(), c.version(), c.reference(), c.persons(), c.schoolAgeChildren(),
                        c.permitDate(), c.locationMunicipality(), c.region(), c.criteria(), households.size()));
            }
            var municipalities = municipalities(households, request.tolerancePercent(), today);
            long created = runs.insert(request, today, households, municipalities,
                    RunProblem.pairCount(households, municipalities), CurrentUser.actor());
            audit.recordChange("linking-run.started", "linking-run", created, "region="
                    + (request.region() == null ? "NL" : request.region()) + " households=" + households.size()
                    + " tolerance=" + request.tolerancePercent() + " seconds=" + request.seconds() + " weights="
                    + request.weights().byCriterion());
            return created;
        });
        executor.submit(id);
        return id;
    }

    /**
     * Runs the optimiser again on the inputs kept with an earlier run (households, capacities, date and
     * weights as they were then), to check or audit its outcome; its proposals are decided on like any other.
     */
    public long recompute(long id, int seconds) {
        requirePlanner();
        runs.find(id).orElseThrow(() -> new LinkingRunNotFound(id));
        if (seconds < 1 || seconds > RunRequest.MAXIMUM_SECONDS) {
            throw InvalidInput.of("seconds", "linking.seconds.range", 1, RunRequest.MAXIMUM_SECONDS);
        }
        long created = transactions.execute(status -> {
            long copy = runs.copyInputs(id, seconds, CurrentUser.actor());
            audit.recordChange("linking-run.recomputed", "linking-run", copy, "from=" + id + " seconds=" + seconds);
            return copy;
        });
        executor.submit(created);
        return created;
    }

    /** Each municipality allowed for any of the households, with its remaining capacity for the half-year. */
    private List<RunMunicipality> municipalities(List<RunHousehold> households, int tolerancePercent, LocalDate today) {
        var byRegion = new HashMap<String, List<MunicipalityCode>>();
        var regionOf = new HashMap<MunicipalityCode, String>();
        for (var municipality : registry.all()) {
            byRegion.computeIfAbsent(municipality.coaRegion(), r -> new ArrayList<>()).add(municipality.code());
            regionOf.put(municipality.code(), municipality.coaRegion());
        }
        var needed = RunProblem.needed(households, code -> regionOf.getOrDefault(code, ""),
                region -> byRegion.getOrDefault(region, List.of()));
        var picture = progress.at(today);
        var linked = inputs.linkedAwaitingHome();
        var rooms = inputs.dwellingsOfferedSince(today.minusMonths(12));
        var large = inputs.largeHouseholdPersonsLinkedSince(today.minusMonths(6), LinkingScores.LARGE);
        var municipalities = new ArrayList<RunMunicipality>();
        for (var code : needed) {
            if (!regionOf.containsKey(code)) {
                continue;
            }
            var current = picture.isEmpty() ? null
                    : picture.municipality(code).map(MunicipalityProgress::current).orElse(null);
            long corrected = current == null ? 0 : Math.max(0, current.correctedQuota());
            long housed = current == null ? 0 : current.housed();
            long linkedPersons = linked.getOrDefault(code, 0L);
            long tolerance = Math.round(corrected * tolerancePercent / 100.0);
            var offered = rooms.get(code);
            municipalities.add(new RunMunicipality(code, regionOf.get(code), corrected, housed, linkedPersons, tolerance,
                    RunMunicipality.remaining(corrected, housed, linkedPersons, tolerance),
                    offered == null ? new int[7] : offered.byRooms().clone(), large.getOrDefault(code, 0L)));
        }
        return municipalities;
    }

    public java.util.Optional<LinkingRun> find(long id) {
        requireReader();
        return runs.find(id);
    }

    public List<LinkingRun> recent(int limit) {
        requireReader();
        return runs.recent(Math.max(1, Math.min(200, limit)));
    }

    /** Asks a running run to stop; it keeps its progress figures and proposes nothing. */
    public void cancel(long id) {
        requirePlanner();
        var run = runs.find(id).orElseThrow(() -> new LinkingRunNotFound(id));
        if (!run.running()) {
            throw InvalidInput.of("run", "linking.cancel.notRunning", id);
        }
        transactions.executeWithoutResult(status -> {
            runs.requestCancel(id);
            audit.recordChange("linking-run.cancel-requested", "linking-run", id, null);
        });
        executor.cancel(id);
    }

    /** A page of a run's proposals; the read is audited with the households it shows. */
    public ProposalPage proposals(long id, String show, MunicipalityCode municipality, int page, int size) {
        requireReader();
        var run = runs.find(id).orElseThrow(() -> new LinkingRunNotFound(id));
        var filter = show(show);
        int limit = Math.max(1, Math.min(PAGE_LIMIT, size));
        int count = runs.count(id, filter, municipality);
        int pages = Math.max(1, (count + limit - 1) / limit);
        int current = Math.max(0, Math.min(page, pages - 1));
        return transactions.execute(status -> {
            var proposals = runs.proposals(id, run.runDate(), filter, municipality, current * limit, limit);
            if (!proposals.isEmpty()) {
                auditRead(id, proposals.stream().map(LinkProposal::householdId).toList());
            }
            return new ProposalPage(run, proposals, filter.name(), current, limit, count);
        });
    }

    /** A page of proposals: {@code page} counts from 0. */
    public record ProposalPage(LinkingRun run, List<LinkProposal> proposals, String show, int page, int size,
            int total) {

        public int pages() {
            return Math.max(1, (total + size - 1) / size);
        }
    }

    private static Show show(String text) {
        if (text == null || text.isBlank()) {
            return Show.ALL;
        }
        try {
            return Show.valueOf(text.strip().toUpperCase(java.util.Locale.ROOT));
        }
        catch (IllegalArgumentException e) {
            throw InvalidInput.of("show", "linking.show.unknown", text);
        }
    }

    private void auditRead(long runId, List<Long> households) {
        for (int from = 0; from < households.size(); from += 150) {
            audit.recordChange("linking-proposals.read", "linking-run", runId, "households=" + households
                    .subList(from, Math.min(households.size(), from + 150)).stream().map(String::valueOf)
                    .collect(Collectors.joining(",")));
        }
    }

    /** One proposal with every allowed municipality and its score (best first): the full explanation. */
    public Explanation explain(long id, long householdId) {
        requireReader();
        var run = runs.find(id).orElseThrow(() -> new LinkingRunNotFound(id));
        return transactions.execute(status -> {
            var proposal = runs.proposal(id, run.runDate(), householdId, false)
                    .orElseThrow(() -> new LinkingRunNotFound(id)).proposal();
            var problem = executor.problem(run);
            int h = problem.householdIndex(householdId);
            var options = problem.options(h).stream().map(o -> new Explanation.Option(o.municipality(), o.parts()))
                    .toList();
            auditRead(id, List.of(householdId));
            return new Explanation(run, proposal, options);
        });
    }

    /** A proposal and every municipality the household could be linked to, with its score. */
    public record Explanation(LinkingRun run, LinkProposal proposal, List<Option> options) {

        public record Option(MunicipalityCode municipality, ScoreParts parts) {
        }
    }

    /** What became of a batch of decisions. */
    public record Decided(int decided, int skipped, List<Failure> failures) {

        /** A proposal that could not be accepted, with the register's reason. */
        public record Failure(long householdId, String reference, String messageKey, List<String> arguments) {
        }
    }

    /**
     * Accepts proposals: each becomes a link in the register on today's date, each on its own (a proposal
     * whose household changed since the run, or was linked meanwhile, fails with the reason and the others
     * go on). Proposals already decided, and households left unlinked, are skipped.
     *
     * @param householdIds the proposals to accept; null for every open proposal of the run
     */
    public Decided accept(long id, Collection<Long> householdIds) {
        requirePlanner();
        var run = finishedRun(id);
        var ids = householdIds == null ? runs.openLinked(id) : List.copyOf(new LinkedHashSet<>(householdIds));
        int decided = 0;
        int skipped = 0;
        var failures = new ArrayList<Decided.Failure>();
        var today = LocalDate.now(AuditTrail.ZONE);
        for (var householdId : ids) {
            try {
                boolean done = Boolean.TRUE.equals(transactions.execute(status -> {
                    var locked = runs.proposal(id, run.runDate(), householdId, true).orElse(null);
                    if (locked == null || !locked.proposal().open() || !locked.proposal().linked()) {
                        return false;
                    }
                    journeys.link(householdId, locked.householdVersion(), locked.proposal().municipality(), today);
                    runs.decide(id, householdId, Decision.ACCEPTED, null, null, null, null, CurrentUser.actor());
                    return true;
                }));
                if (done) {
                    decided++;
                }
                else {
                    skipped++;
                }
            }
            catch (InvalidInput | EditConflict | HouseholdNotFound e) {
                var problem = failureOf(e);
                var reference = recordFailure(id, run.runDate(), householdId, problem);
                failures.add(new Decided.Failure(householdId, reference, problem.messageKey(),
                        problem.arguments().stream().map(String::valueOf).toList()));
            }
        }
        var summary = "accepted=" + decided + " skipped=" + skipped + " failed=" + failures.size();
        transactions.executeWithoutResult(
                status -> audit.recordChange("linking-proposals.accepted", "linking-run", id, summary));
        return new Decided(decided, skipped, failures);
    }

    private static Problem failureOf(RuntimeException e) {
        if (e instanceof InvalidInput invalid && !invalid.problems().isEmpty()) {
            return invalid.problems().get(0);
        }
        if (e instanceof EditConflict) {
            return Problem.of("household", "linking.failure.householdChanged");
        }
        return Problem.of("household", "linking.failure.householdGone");
    }

    private String recordFailure(long id, LocalDate runDate, long householdId, Problem problem) {
        return transactions.execute(status -> {
            var locked = runs.proposal(id, runDate, householdId, true).orElseThrow();
            if (locked.proposal().open()) {
                runs.decide(id, householdId, Decision.FAILED, null, null, problem.messageKey(),
                        problem.arguments().stream().map(String::valueOf).toList(), CurrentUser.actor());
            }
            return locked.proposal().reference();
        });
    }

    /** Marks open proposals as rejected: the households stay unlinked for another run or a link by hand. */
    public Decided reject(long id, Collection<Long> householdIds, String reason) {
        requirePlanner();
        var run = finishedRun(id);
        var cleanReason = clean(reason);
        if (cleanReason != null && cleanReason.length() > 300) {
            throw InvalidInput.of("reason", "linking.reason.tooLong", 300);
        }
        var result = transactions.execute(status -> {
            int decided = 0;
            int skipped = 0;
            for (var householdId : new LinkedHashSet<>(householdIds)) {
                var locked = runs.proposal(id, run.runDate(), householdId, true).orElse(null);
                if (locked == null || !locked.proposal().open()) {
                    skipped++;
                    continue;
                }
                runs.decide(id, householdId, Decision.REJECTED, null, cleanReason, null, null, CurrentUser.actor());
                decided++;
            }
            audit.recordChange("linking-proposals.rejected", "linking-run", id, "rejected=" + decided);
            return new Decided(decided, skipped, List.of());
        });
        return result;
    }

    /**
     * Links the household of a proposal (or one left unlinked) to another municipality by hand, with a
     * reason; the register's rules apply as to any link (region and firm criteria).
     */
    public void change(long id, long householdId, MunicipalityCode municipality, String reason) {
        requirePlanner();
        var run = finishedRun(id);
        var problems = new ArrayList<Problem>();
        if (municipality == null) {
            problems.add(Problem.of("municipality", "linking.change.municipalityMissing"));
        }
        var cleanReason = clean(reason);
        if (cleanReason == null) {
            problems.add(Problem.of("reason", "linking.change.reasonMissing"));
        }
        else if (cleanReason.length() > 300) {
            problems.add(Problem.of("reason", "linking.reason.tooLong", 300));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        transactions.executeWithoutResult(status -> {
            var locked = runs.proposal(id, run.runDate(), householdId, true)
                    .orElseThrow(() -> new LinkingRunNotFound(id));
            if (!locked.proposal().open()) {
                throw InvalidInput.of("household", "linking.change.decided");
            }
            journeys.link(householdId, locked.householdVersion(), municipality, LocalDate.now(AuditTrail.ZONE));
            runs.decide(id, householdId, Decision.CHANGED, municipality, cleanReason, null, null, CurrentUser.actor());
            audit.recordChange("linking-proposal.changed", "linking-run", id, "household=" + householdId
                    + " municipality=" + municipality.value());
        });
    }

    private LinkingRun finishedRun(long id) {
        var run = runs.find(id).orElseThrow(() -> new LinkingRunNotFound(id));
        if (!run.finished()) {
            throw InvalidInput.of("run", "linking.run.notFinished", id);
        }
        return run;
    }

    private static String clean(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** Per municipality the share of its remaining capacity filled; per size band the share linked and waiting times. */
    public Fairness fairness(long id) {
        requireReader();
        var run = runs.find(id).orElseThrow(() -> new LinkingRunNotFound(id));
        var names = registry.names();
        return readOnly.execute(status -> runs.fairness(id, run.runDate(), names));
    }

    /** Names of municipalities for pages. */
    public Map<MunicipalityCode, String> municipalityNames() {
        return registry.names();
    }
}
