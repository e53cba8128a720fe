package nl.doorstroom.matching.engine;

import java.util.Arrays;
import java.util.Random;
import java.util.function.BooleanSupplier;

/**
 * Solves a {@link LinkingInstance}: at most one municipality per household (families are never split),
 * the persons linked to a municipality within its capacity, the total score as high as possible.
 * <p>
 * The bound is the Lagrangian dual of the capacity constraints: for multipliers λ ≥ 0 every household takes
 * its best pair by {@code score − λ(m)·persons}, and the sum of those plus {@code Σ λ(m)·capacity(m)} bounds
 * every feasible solution from above (the best such bound is the LP bound, a little lower where pairs of a
 * household larger than the municipality's capacity are left out). The multipliers come from
 * {@link PriceAuction}, which solves the LP relaxation (a transportation problem in persons) to within a
 * known ε by an auction with ε-scaling; subgradient steps improve them when the auction runs out of time. The
 * solution keeps the households that the LP places whole where it places them, and puts the others (few: a
 * basic LP solution splits at most one per municipality) in order of their best reduced score, each to its
 * best municipality by reduced score with room; it is then improved by moves into free capacity, swaps and
 * evictions (a household takes the place of one that moves on to its best other municipality with room),
 * until the time is up or three passes gain nothing. Instances of at most {@value #EXACT_LIMIT} households are
 * solved exactly by search, so that small cases are optimal.
 */
public final class LinkingEngine {

    static final int EXACT_LIMIT = 12;
    /** The auction's ε per person, relative to the households' best score per person: the LP within 0.001%. */
    static final double AUCTION_PRECISION = 1e-5;
    /** The first phase's ε, likewise; each next phase divides it by 8 (ε-scaling, against price wars). */
    static final double AUCTION_START = 1e-2;
    /** Households of a full municipality looked at for one eviction. */
    static final int EVICTION_SAMPLES = 6;

    /** What the engine reports while it works: the best objective and bound so far, and the elapsed seconds. */
    public interface Progress {
        void report(long objective, long bound, double seconds);
    }

    private final LinkingInstance instance;
    private final int n;
    private final int municipalities;
    private final long started = System.nanoTime();
    private final long deadline;
    private final BooleanSupplier cancelled;
    private final Progress progress;
    private final Random random = new Random(20261128);

    private int[] best;
    private long bestObjective = -1;
    private double bound = Double.POSITIVE_INFINITY;

    private LinkingEngine(LinkingInstance instance, double seconds, BooleanSupplier cancelled, Progress progress) {
        this.instance = instance;
        this.n = instance.householdCount();
        this.municipalities = instance.municipalityCount();
        this.deadline = started + (long) (seconds * 1e9);
        this.cancelled = cancelled == null ? () -> false : cancelled;
        this.progress = progress == null ? (o, b, s) -> { } : progress;
    }

    public static LinkingSolution solve(LinkingInstance instance, double seconds) {
        return solve(instance, seconds, null, null);
    }

    /**
     * @param cancelled asked now and then; when it answers true the best solution so far is returned
     */
    public static LinkingSolution solve(LinkingInstance instance, double seconds, BooleanSupplier cancelled,
            Progress progress) {
        return new LinkingEngine(instance, seconds, cancelled, progress).run();
    }

    private LinkingSolution run() {
        if (n <= EXACT_LIMIT) {
            exact();
        }
        else {
            heuristic();
        }
        long proven = n <= EXACT_LIMIT ? bestObjective : provenBound();
        proven = Math.max(proven, bestObjective);
        int linked = 0;
        long persons = 0;
        for (int h = 0; h < n; h++) {
            if (best[h] >= 0) {
                linked++;
                persons += instance.persons(h);
            }
        }
        return new LinkingSolution(best.clone(), bestObjective, proven, linked, persons, overflow(best),
                (System.nanoTime() - started) / 1e9);
    }

    private boolean outOfTime() {
        return System.nanoTime() > deadline || cancelled.getAsBoolean();
    }

    private double elapsed() {
        return (System.nanoTime() - started) / 1e9;
    }

    // ---- the bound and the solution from reduced scores

    private void heuristic() {
        // The LP by auction: prices (the multipliers), its bound, and the households it places whole.
        long auctionDeadline = started + (deadline - started) / 2;
        var auction = new PriceAuction(instance, PriceAuction.epsilonFor(instance, AUCTION_PRECISION),
                PriceAuction.epsilonFor(instance, AUCTION_START));
        boolean complete = auction.run(() -> System.nanoTime() > auctionDeadline || cancelled.getAsBoolean());
        double[] lambda = auction.prices();
        bound = Math.min(bound, dual(lambda));
        if (auction.completedPrices() != null) {
            double completed = dual(auction.completedPrices());
            if (completed < bound) {
                bound = completed;
                lambda = auction.completedPrices();
            }
        }
        consider(construct(lambda, auction.whole()));
        consider(construct(lambda, null));
        progress.report(bestObjective, provenBound(), elapsed());
        if (!complete) {
            subgradient(lambda);
        }
        var current = best.clone();
        long[] used = loads(current);
        // The swaps and evictions look at random households, so a pass without gain is not yet a local optimum.
        for (int idle = 0; idle < 3 && !outOfTime();) {
            boolean improved = improve(current, used);
            if (objective(current) > bestObjective) {
                consider(current.clone());
                progress.report(bestObjective, provenBound(), elapsed());
            }
            idle = improved ? 0 : idle + 1;
        }
    }

    /**
     * The Lagrangian dual at λ: Σ λ(m)·capacity(m) + Σ_h max(0, max over h's pairs of score − λ(m)·persons),
     * an upper bound on every feasible solution for any λ ≥ 0. Pairs whose household is larger than the
     * municipality's capacity can never be used and are left out, which only lowers it.
     */
    private double dual(double[] lambda) {
        double value = 0;
        for (int m = 0; m < municipalities; m++) {
            value += lambda[m] * instance.capacity(m);
        }
        for (int h = 0; h < n; h++) {
            double top = 0;
            int p = instance.persons(h);
            for (int pair = instance.firstPair(h); pair < instance.endPair(h); pair++) {
                int m = instance.pairMunicipality(pair);
                if (p <= instance.capacity(m)) {
                    top = Math.max(top, instance.pairScore(pair) - lambda[m] * p);
                }
            }
            value += top;
        }
        return value;
    }

    /** The bound as an integer, with a margin for the rounding of the floating-point sums. */
    private long provenBound() {
        return (long) Math.floor(bound + 1e-9 * Math.abs(bound) + 1e-6);
    }

    /** Subgradient steps from λ on the bound, when the auction ran out of time; a third of the time at most. */
    private void subgradient(double[] start) {
        double[] lambda = start.clone();
        double[] bestLambda = lambda.clone();
        long[] load = new long[municipalities];
        double theta = 2.0;
        int sinceImprovement = 0;
        long boundDeadline = started + (deadline - started) * 2 / 3;
        for (int iteration = 0; iteration < 5_000 && System.nanoTime() < boundDeadline && !cancelled.getAsBoolean();
                iteration++) {
            Arrays.fill(load, 0);
            double value = 0;
            for (int m = 0; m < municipalities; m++) {
                value += lambda[m] * instance.capacity(m);
            }
            for (int h = 0; h < n; h++) {
                double top = 0;
                int chosen = -1;
                int p = instance.persons(h);
                for (int pair = instance.firstPair(h); pair < instance.endPair(h); pair++) {
                    int m = instance.pairMunicipality(pair);
                    double reduced = instance.pairScore(pair) - lambda[m] * p;
                    if (reduced > top && p <= instance.capacity(m)) {
                        top = reduced;
                        chosen = m;
                    }
                }
                value += top;
                if (chosen >= 0) {
                    load[chosen] += p;
                }
            }
            if (value < bound) {
                bound = value;
                bestLambda = lambda.clone();
                sinceImprovement = 0;
            }
            else if (++sinceImprovement >= 15) {
                theta /= 2;
                sinceImprovement = 0;
                lambda = bestLambda.clone();
            }
            double norm = 0;
            for (int m = 0; m < municipalities; m++) {
                double g = load[m] - instance.capacity(m);
                if (lambda[m] > 0 || g > 0) {
                    norm += g * g;
                }
            }
            if (norm == 0 || theta < 1e-6 || bound - bestObjective < 1) {
                break;
            }
            double step = theta * Math.max(1e-9, value - bestObjective) / norm;
            for (int m = 0; m < municipalities; m++) {
                lambda[m] = Math.max(0, lambda[m] + step * (load[m] - instance.capacity(m)));
            }
            if (iteration % 25 == 24) {
                consider(construct(bestLambda, null));
            }
            progress.report(bestObjective, provenBound(), elapsed());
        }
        consider(construct(bestLambda, null));
    }

    /**
     * The households of {@code fixed} (≥ 0) where it puts them; the others in order of their best reduced score,
     * each to its best municipality by reduced score that still has room.
     */
    private int[] construct(double[] lambda, int[] fixed) {
        long[] room = new long[municipalities];
        for (int m = 0; m < municipalities; m++) {
            room[m] = instance.capacity(m);
        }
        int[] assignment = new int[n];
        Arrays.fill(assignment, -1);
        int free = 0;
        for (int h = 0; h < n; h++) {
            if (fixed != null && fixed[h] >= 0) {
                assignment[h] = fixed[h];
                room[fixed[h]] -= instance.persons(h);
            }
            else {
                free++;
            }
        }
        var order = new Integer[free];
        var key = new double[n];
        int next = 0;
        for (int h = 0; h < n; h++) {
            if (assignment[h] >= 0) {
                continue;
            }
            order[next++] = h;
            double top = Double.NEGATIVE_INFINITY;
            for (int pair = instance.firstPair(h); pair < instance.endPair(h); pair++) {
                top = Math.max(top, instance.pairScore(pair) - lambda[instance.pairMunicipality(pair)] * instance.persons(h));
            }
            key[h] = top;
        }
        Arrays.sort(order, (a, b) -> Double.compare(key[b], key[a]));
        for (int h : order) {
            int p = instance.persons(h);
            double top = Double.NEGATIVE_INFINITY;
            int chosen = -1;
            for (int pair = instance.firstPair(h); pair < instance.endPair(h); pair++) {
                int m = instance.pairMunicipality(pair);
                double reduced = instance.pairScore(pair) - lambda[m] * p;
                if (room[m] >= p && reduced > top) {
                    top = reduced;
                    chosen = m;
                }
            }
            if (chosen >= 0) {
                assignment[h] = chosen;
                room[chosen] -= p;
            }
        }
        return assignment;
    }

    /** One pass of moves into free capacity and pairwise swaps; true when anything improved. */
    private boolean improve(int[] assignment, long[] used) {
        boolean improved = false;
        for (int h = 0; h < n && !outOfTime(); h++) {
            int p = instance.persons(h);
            int from = assignment[h];
            int current = from < 0 ? 0 : instance.score(h, from);
            int target = -1;
            int gain = 0;
            for (int pair = instance.firstPair(h); pair < instance.endPair(h); pair++) {
                int m = instance.pairMunicipality(pair);
                int delta = instance.pairScore(pair) - current;
                if (m != from && delta > gain && used[m] + p <= instance.capacity(m)) {
                    gain = delta;
                    target = m;
                }
            }
            if (target >= 0) {
                if (from >= 0) {
                    used[from] -= p;
                }
                used[target] += p;
                assignment[h] = target;
                improved = true;
            }
        }
        // Swaps between a household and a random other one linked to a municipality it may go to.
        int[][] members = membersByMunicipality(assignment);
        for (int h = 0; h < n && !outOfTime(); h++) {
            int a = assignment[h];
            int current = a < 0 ? 0 : instance.score(h, a);
            for (int pair = instance.firstPair(h); pair < instance.endPair(h); pair++) {
                int b = instance.pairMunicipality(pair);
                if (b == a || members[b].length == 0) {
                    continue;
                }
                int k = members[b][random.nextInt(members[b].length)];
                if (assignment[k] != b) {
                    continue;
                }
                int kBack = a < 0 ? 0 : instance.score(k, a);
                if (a >= 0 && kBack < 0) {
                    continue;
                }
                int ph = instance.persons(h);
                int pk = instance.persons(k);
                long roomB = instance.capacity(b) - used[b] + pk - ph;
                long roomA = a < 0 ? 0 : instance.capacity(a) - used[a] + ph - pk;
                if (roomB < 0 || (a >= 0 && roomA < 0)) {
                    continue;
                }
                int gain = instance.pairScore(pair) + (a < 0 ? 0 : kBack) - current - instance.score(k, b);
                if (gain > 0) {
                    used[b] += ph - pk;
                    if (a >= 0) {
                        used[a] += pk - ph;
                    }
                    assignment[h] = b;
                    assignment[k] = a;
                    improved = true;
                    break;
                }
            }
        }
        improved |= evict(assignment, used, membersByMunicipality(assignment));
        return improved;
    }

    /**
     * Insertions by eviction: a household into a municipality where it scores more but that has no room for it,
     * by moving one of the households there (a few drawn at random, large enough to make the room) to its best
     * other municipality with room, or unlinking it, when the total gains.
     */
    private boolean evict(int[] assignment, long[] used, int[][] members) {
        boolean improved = false;
        for (int h = 0; h < n && !outOfTime(); h++) {
            int a = assignment[h];
            int ph = instance.persons(h);
            int current = a < 0 ? 0 : instance.score(h, a);
            int bestGain = 0;
            int bestTarget = -1;
            int bestEvicted = -1;
            int bestElsewhere = -1;
            for (int pair = instance.firstPair(h); pair < instance.endPair(h); pair++) {
                int b = instance.pairMunicipality(pair);
                int gainHere = instance.pairScore(pair) - current;
                if (b == a || gainHere <= bestGain) {
                    continue;
                }
                long need = ph - (instance.capacity(b) - used[b]);
                if (need <= 0) {
                    bestGain = gainHere;
                    bestTarget = b;
                    bestEvicted = -1;
                    continue;
                }
                for (int sample = 0; sample < EVICTION_SAMPLES && members[b].length > 0; sample++) {
                    int k = members[b][random.nextInt(members[b].length)];
                    int pk = instance.persons(k);
                    if (k == h || assignment[k] != b || pk < need) {
                        continue;
                    }
                    int alternative = 0;
                    int elsewhere = -1;
                    for (int other = instance.firstPair(k); other < instance.endPair(k); other++) {
                        int c = instance.pairMunicipality(other);
                        long room = instance.capacity(c) - used[c] + (c == a ? ph : 0);
                        if (c != b && room >= pk && instance.pairScore(other) > alternative) {
                            alternative = instance.pairScore(other);
                            elsewhere = c;
                        }
                    }
                    int gain = gainHere - instance.score(k, b) + alternative;
                    if (gain > bestGain) {
                        bestGain = gain;
                        bestTarget = b;
                        bestEvicted = k;
                        bestElsewhere = elsewhere;
                    }
                }
            }
            if (bestTarget < 0) {
                continue;
            }
            if (a >= 0) {
                used[a] -= ph;
            }
            if (bestEvicted >= 0) {
                int pk = instance.persons(bestEvicted);
                used[bestTarget] -= pk;
                assignment[bestEvicted] = bestElsewhere;
                if (bestElsewhere >= 0) {
                    used[bestElsewhere] += pk;
                }
            }
            used[bestTarget] += ph;
            assignment[h] = bestTarget;
            improved = true;
        }
        return improved;
    }

    private int[][] membersByMunicipality(int[] assignment) {
        int[] count = new int[municipalities];
        for (int m : assignment) {
            if (m >= 0) {
                count[m]++;
            }
        }
        int[][] members = new int[municipalities][];
        for (int m = 0; m < municipalities; m++) {
            members[m] = new int[count[m]];
            count[m] = 0;
        }
        for (int h = 0; h < n; h++) {
            if (assignment[h] >= 0) {
                members[assignment[h]][count[assignment[h]]++] = h;
            }
        }
        return members;
    }

    // ---- exact search for small instances

    private void exact() {
        var assignment = new int[n];
        Arrays.fill(assignment, -1);
        best = assignment.clone();
        bestObjective = 0;
        int[] maximum = new int[n + 1];
        for (int h = n - 1; h >= 0; h--) {
            int top = 0;
            for (int pair = instance.firstPair(h); pair < instance.endPair(h); pair++) {
                top = Math.max(top, instance.pairScore(pair));
            }
            maximum[h] = maximum[h + 1] + top;
        }
        long[] room = new long[municipalities];
        for (int m = 0; m < municipalities; m++) {
            room[m] = instance.capacity(m);
        }
        search(0, 0, assignment, room, maximum);
        bound = bestObjective;
    }

    private void search(int h, long value, int[] assignment, long[] room, int[] maximum) {
        if (value + maximum[h] <= bestObjective && h > 0) {
            return;
        }
        if (h == n) {
            if (value > bestObjective) {
                bestObjective = value;
                best = assignment.clone();
            }
            return;
        }
        int p = instance.persons(h);
        for (int pair = instance.firstPair(h); pair < instance.endPair(h); pair++) {
            int m = instance.pairMunicipality(pair);
            if (room[m] >= p) {
                room[m] -= p;
                assignment[h] = m;
                search(h + 1, value + instance.pairScore(pair), assignment, room, maximum);
                assignment[h] = -1;
                room[m] += p;
            }
        }
        search(h + 1, value, assignment, room, maximum);
    }

    // ---- bookkeeping

    private void consider(int[] assignment) {
        long value = objective(assignment);
        if (overflow(assignment) == 0 && value > bestObjective) {
            bestObjective = value;
            best = assignment;
        }
    }

    private long objective(int[] assignment) {
        long value = 0;
        for (int h = 0; h < n; h++) {
            if (assignment[h] >= 0) {
                value += instance.score(h, assignment[h]);
            }
        }
        return value;
    }

    private long[] loads(int[] assignment) {
        long[] used = new long[municipalities];
        for (int h = 0; h < n; h++) {
            if (assignment[h] >= 0) {
                used[assignment[h]] += instance.persons(h);
            }
        }
        return used;
    }

    private long overflow(int[] assignment) {
        long[] used = loads(assignment);
        long over = 0;
        for (int m = 0; m < municipalities; m++) {
            over += Math.max(0, used[m] - instance.capacity(m));
        }
        return over;
    }
}
