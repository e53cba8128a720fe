package nl.doorstroom.matching.engine;

import java.util.Arrays;
import java.util.function.BooleanSupplier;

/**
 * The LP relaxation of a {@link LinkingInstance}, solved to within a known ε by an auction (Bertsekas'
 * forward auction for transportation problems, with ε-scaling), for {@link LinkingEngine}.
 * <p>
 * With y(h,m) = persons(h)·x(h,m) the LP is a transportation problem: household h offers persons(h) units,
 * municipality m takes at most capacity(m), and a unit from h in m is worth score(h,m) / persons(h). Units may
 * stay unlinked for 0. Pairs of a household larger than the municipality's capacity are left out (they can
 * never be used). Each municipality has a price per unit: its reserve while it has room, else the lowest price
 * at which one of its units was bought. A household with unplaced units bids for its best municipality by
 * value minus price, at the price that makes it exactly ε better than its second best (or unlinked), and takes
 * room first, then the cheapest units below its bid, whose households bid again. Within a phase prices only
 * rise, so at its end every unit is within ε of its best choice; where, moreover, no municipality with room has
 * a price, the LP optimum is at most ε per person above the auction's value (complementary slackness).
 * <p>
 * A small ε from the start makes near-ties into long price wars, so the phases go from a large ε down to the
 * asked one (÷ {@value #SCALING} each), all units sold again in each phase, from reserves at the previous
 * phase's prices less the bids' overshoot (2ε) for full municipalities and 0 for the others; a last phase is
 * repeated (at most 3 times) while a municipality with room keeps a price. The prices are the Lagrangian
 * multipliers of the capacities, and their dual value is an upper bound whatever they are.
 */
final class PriceAuction {

    private final LinkingInstance instance;
    private final int municipalities;
    private final double epsilon;
    // Blocks of units bought by one household in one municipality at one price; a min-heap of blocks by price
    // per municipality.
    private double[] blockPrice = new double[1024];
    private int[] blockHousehold = new int[1024];
    private int[] blockUnits = new int[1024];
    private int blocks;
    private final int[][] heap;
    private final int[] heapSize;
    private final long[] room;
    private final int[] unplaced;
    private long bids;
    // Below this no unit is sold in the current phase: the prices at the end of the previous one (ε-scaling).
    private double[] reserve;
    private final double startEpsilon;
    private double[] completedPrices;
    private int[] completedWhole;
    private static final double SCALING = 8;

    /**
     * @param startEpsilon ε of the first phase; each next phase divides it by {@value #SCALING} until
     *                     {@code epsilon}
     */
    PriceAuction(LinkingInstance instance, double epsilon, double startEpsilon) {
        this.instance = instance;
        this.municipalities = instance.municipalityCount();
        this.epsilon = epsilon;
        this.startEpsilon = startEpsilon;
        this.reserve = new double[municipalities];
        heap = new int[municipalities][];
        heapSize = new int[municipalities];
        room = new long[municipalities];
        for (int m = 0; m < municipalities; m++) {
            heap[m] = new int[16];
            room[m] = instance.capacity(m);
        }
        unplaced = new int[instance.householdCount()];
    }

    /** ε for a relative precision: the value per person of the households' best pairs, times {@code relative}. */
    static double epsilonFor(LinkingInstance instance, double relative) {
        double total = 0;
        long persons = 0;
        for (int h = 0; h < instance.householdCount(); h++) {
            int top = 0;
            for (int pair = instance.firstPair(h); pair < instance.endPair(h); pair++) {
                top = Math.max(top, instance.pairScore(pair));
            }
            total += top;
            persons += instance.persons(h);
        }
        return Math.max(1e-9, relative * total / Math.max(1, persons));
    }

    /** Runs until every unit is placed or unlinked; false when stopped first (the prices still give a bound). */
    boolean run(BooleanSupplier stop) {
        double phaseEpsilon = Math.max(epsilon, startEpsilon);
        int repairs = 0;
        while (true) {
            if (!phase(phaseEpsilon, stop)) {
                return false;
            }
            completedPrices = prices();
            completedWhole = wholeNow();
            boolean overpriced = false;
            for (int m = 0; m < municipalities; m++) {
                overpriced |= room[m] > 0 && reserve[m] > 0;
            }
            if (phaseEpsilon <= epsilon && (!overpriced || repairs++ == 3)) {
                return true;
            }
            // The next phase sells all units again from about these prices: a full municipality's price less the
            // overshoot of the bids (2ε), one with room from 0 (a price on room it could not fill would be wrong).
            for (int m = 0; m < municipalities; m++) {
                reserve[m] = room[m] > 0 ? 0 : Math.max(0, completedPrices[m] - 2 * phaseEpsilon);
            }
            phaseEpsilon = Math.max(epsilon, phaseEpsilon / SCALING);
            Arrays.fill(heapSize, 0);
            blocks = 0;
            for (int m = 0; m < municipalities; m++) {
                room[m] = instance.capacity(m);
            }
        }
    }

    private boolean phase(double phaseEpsilon, BooleanSupplier stop) {
        int n = instance.householdCount();
        int[] queue = new int[n];
        boolean[] queued = new boolean[n];
        int head = 0;
        int size = 0;
        for (int h = 0; h < n; h++) {
            unplaced[h] = instance.persons(h);
            queue[size++] = h;
            queued[h] = true;
        }
        while (size > 0) {
            if ((++bids & 1023) == 0 && stop.getAsBoolean()) {
                return false;
            }
            int h = queue[head];
            head = head + 1 == n ? 0 : head + 1;
            size--;
            queued[h] = false;
            int p = instance.persons(h);
            int first = -1;
            double firstValue = 0;
            double second = 0; // unlinked is worth 0
            for (int pair = instance.firstPair(h); pair < instance.endPair(h); pair++) {
                int m = instance.pairMunicipality(pair);
                if (p > instance.capacity(m)) {
                    continue; // can never be used
                }
                double value = instance.pairScore(pair) / (double) p - price(m);
                if (first < 0 || value > firstValue) {
                    if (first >= 0) {
                        second = Math.max(second, firstValue);
                    }
                    first = m;
                    firstValue = value;
                }
                else if (value > second) {
                    second = value;
                }
            }
            if (first < 0 || firstValue <= 0) {
                unplaced[h] = 0; // unlinked: its best is worth nothing, and prices only rise
                continue;
            }
            double bid = price(first) + firstValue - second + phaseEpsilon;
            int wanted = unplaced[h];
            int taken = (int) Math.min(wanted, room[first]);
            room[first] -= taken;
            while (taken < wanted && heapSize[first] > 0 && blockPrice[heap[first][0]] < bid) {
                int block = heap[first][0];
                if (blockHousehold[block] == h) {
                    // Its own units: they stay, at the new price; the next cheapest is looked at.
                    blockPrice[block] = bid;
                    siftDown(first, 0, block);
                    continue;
                }
                int k = Math.min(wanted - taken, blockUnits[block]);
                blockUnits[block] -= k;
                if (blockUnits[block] == 0) {
                    pop(first);
                }
                taken += k;
                int other = blockHousehold[block];
                unplaced[other] += k;
                if (!queued[other]) {
                    queued[other] = true;
                    queue[(head + size) % n] = other;
                    size++;
                }
            }
            if (taken > 0) {
                push(first, newBlock(bid, h, taken));
                unplaced[h] -= taken;
            }
            if (unplaced[h] > 0 && !queued[h]) {
                queued[h] = true;
                queue[(head + size) % n] = h;
                size++;
            }
        }
        return true;
    }

    long bids() {
        return bids;
    }

    /** The price per person of each municipality: 0 while it has room, else the lowest price paid in it. */
    double[] prices() {
        double[] prices = new double[municipalities];
        for (int m = 0; m < municipalities; m++) {
            prices[m] = price(m);
        }
        return prices;
    }

    /** The prices at the end of the last complete phase, or null. */
    double[] completedPrices() {
        return completedPrices;
    }

    /**
     * For each household the municipality that holds all its persons at the end of the last complete phase, or
     * -1 (split, or not placed); all -1 when no phase completed.
     */
    int[] whole() {
        return completedWhole != null ? completedWhole : wholeNow();
    }

    private int[] wholeNow() {
        int n = instance.householdCount();
        int[] held = new int[n];
        int[] where = new int[n];
        Arrays.fill(where, -1);
        for (int m = 0; m < municipalities; m++) {
            for (int i = 0; i < heapSize[m]; i++) {
                int block = heap[m][i];
                int h = blockHousehold[block];
                if (blockUnits[block] > 0) {
                    held[h] += blockUnits[block];
                    where[h] = where[h] == -1 || where[h] == m ? m : -2;
                }
            }
        }
        for (int h = 0; h < n; h++) {
            if (where[h] < 0 || held[h] != instance.persons(h)) {
                where[h] = -1;
            }
        }
        return where;
    }

    private double price(int m) {
        return room[m] > 0 || heapSize[m] == 0 ? reserve[m] : blockPrice[heap[m][0]];
    }

    private int newBlock(double price, int household, int units) {
        if (blocks == blockPrice.length) {
            blockPrice = Arrays.copyOf(blockPrice, blocks * 2);
            blockHousehold = Arrays.copyOf(blockHousehold, blocks * 2);
            blockUnits = Arrays.copyOf(blockUnits, blocks * 2);
        }
        blockPrice[blocks] = price;
        blockHousehold[blocks] = household;
        blockUnits[blocks] = units;
        return blocks++;
    }

    private void push(int m, int block) {
        if (heapSize[m] == heap[m].length) {
            heap[m] = Arrays.copyOf(heap[m], heapSize[m] * 2);
        }
        int[] a = heap[m];
        int i = heapSize[m]++;
        while (i > 0) {
            int parent = (i - 1) / 2;
            if (blockPrice[a[parent]] <= blockPrice[block]) {
                break;
            }
            a[i] = a[parent];
            i = parent;
        }
        a[i] = block;
    }

    private void pop(int m) {
        int last = heap[m][--heapSize[m]];
        if (heapSize[m] > 0) {
            siftDown(m, 0, last);
        }
    }

    /** Puts {@code block} at position i of m's heap, or below it where its price belongs. */
    private void siftDown(int m, int position, int block) {
        int[] a = heap[m];
        int count = heapSize[m];
        int i = position;
        while (true) {
            int child = 2 * i + 1;
            if (child >= count) {
                break;
            }
            if (child + 1 < count && blockPrice[a[child + 1]] < blockPrice[a[child]]) {
                child++;
            }
            if (blockPrice[a[child]] >= blockPrice[block]) {
                break;
            }
            a[i] = a[child];
            i = child;
        }
        a[i] = block;
    }
}
