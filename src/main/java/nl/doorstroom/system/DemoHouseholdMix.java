package nl.doorstroom.system;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import nl.doorstroom.municipalities.Municipality;
import nl.doorstroom.permitholders.FirmCriterion;
import nl.doorstroom.permitholders.HouseholdForm;
import nl.doorstroom.permitholders.HouseholdHistory;
import nl.doorstroom.permitholders.Member;
import nl.doorstroom.permitholders.Norms;
import nl.doorstroom.permitholders.Profile;
import nl.doorstroom.shared.MunicipalityCode;

/**
 * The synthetic permit-holder households of the demo, as the minutes of 3 November 2023 describe the
 * situation (DOMAIN.md): about 16,000 persons in COA reception, about 10,000 of them past the 14-week
 * norm, and about 1,360 persons placed under the HAR in about 170 municipalities. The households that
 * were housed (moved in or placed under the HAR) in the last six months sum, per municipality and
 * month, exactly to the demo's imported realisation figure, so that housing events and COA's figures
 * agree, except for a few municipality-months that leave one household out on purpose, to give the
 * reconciliation list something to show. Every reference starts with {@value #PREFIX}.
 * <p>
 * No Spring, no database: the same inputs and seed give the same households.
 */
final class DemoHouseholdMix {

    static final String PREFIX = "DEMO-";

    static final int RECEPTION_PERSONS = 16_000;
    /** The share of households in reception past the 14-week norm: about 10,000 of 16,000 persons. */
    static final double PAST_NORM_SHARE = 10_000.0 / 16_000;
    static final int HAR_PERSONS = 1_360;
    static final int HAR_MUNICIPALITIES = 170;
    static final int LOCATIONS_PER_REGION = 12;
    /** Months back from the current one whose housed households reproduce the imported figures. */
    static final int MONTHS_BACK = 5;
    static final int DIFFERENCES = 5;
    static final int HAR_OVER_TERM = 5;

    /** Household sizes 1 to 8, about half of them singles. */
    private static final double[] SIZE_WEIGHTS = { 50, 13, 10, 10, 8, 5, 2.5, 1.5 };
    private static final String[] LANGUAGES = { "Arabisch", "Tigrinya", "Turks", "Dari", "Farsi", "Koerdisch",
            "Somalisch", "Pasjtoe", "Russisch", "Engels", "Frans" };
    private static final double[] LANGUAGE_WEIGHTS = { 30, 20, 12, 8, 6, 6, 5, 4, 3, 3, 3 };
    private static final String[] DISTRICTS = { "Centrum", "Noord", "Oost", "Zuid", "West", "Nieuwbouwwijk",
            "Stationsgebied", "Oude Dorp", "Buitenwijk" };
    private static final String[] HAR_PLACES = { "Hotel De Linde", "Vakantiepark De Brink", "Hotel Aan de Haven",
            "Logement Het Anker", "Vakantiewoningen Zonneweide", "Hotel Centraal" };
    /** How recent HAR placements still running are: most of the older ones moved on to a home. */
    private static final double[] HAR_MONTH_WEIGHTS = { 1, 2, 3, 3, 3, 2 };

    /** A municipality-month left one household short of the imported figure, on purpose. */
    record Difference(MunicipalityCode municipality, YearMonth month, int persons) {
    }

    /**
     * A household whose first link was cancelled (links are cancelled one by one, through the journey),
     * and that was linked again where {@code relinkedTo} is not null.
     */
    record Relink(HouseholdForm form, MunicipalityCode linkedTo, LocalDate linkedOn, String reason, LocalDate cancelledOn,
            MunicipalityCode relinkedTo, LocalDate relinkedOn) {
    }

    record Plan(List<HouseholdHistory> households, List<Difference> differences, List<Relink> relinks) {
    }

    private record Location(String name, Municipality municipality) {
    }

    private record Key(MunicipalityCode municipality, YearMonth month) {
    }

    private enum Way {
        MOVED, HAR, HAR_THEN_MOVED
    }

    private final Random random;
    private final LocalDate today;
    private final List<Municipality> municipalities;
    private final Map<MunicipalityCode, Municipality> byCode = new HashMap<>();
    private final Map<MunicipalityCode, Long> population;
    private final Map<String, List<Municipality>> regions = new LinkedHashMap<>();
    private final Map<String, List<Location>> locations = new LinkedHashMap<>();
    private final List<HouseholdHistory> households = new ArrayList<>();
    private int sequence;

    private DemoHouseholdMix(List<Municipality> municipalities, Map<MunicipalityCode, Long> population, LocalDate today,
            long seed) {
        this.random = new Random(seed);
        this.today = today;
        this.municipalities = municipalities.stream().sorted(Comparator.comparing(m -> m.code().value())).toList();
        this.population = population;
        for (var m : this.municipalities) {
            byCode.put(m.code(), m);
            regions.computeIfAbsent(m.coaRegion(), k -> new ArrayList<>()).add(m);
        }
    }

    /**
     * @param figures the imported persons housed per municipality and month (months without a figure count as 0)
     */
    static Plan of(List<Municipality> municipalities, Map<MunicipalityCode, Long> population,
            Map<MunicipalityCode, Map<YearMonth, Integer>> figures, LocalDate today, long seed) {
        var mix = new DemoHouseholdMix(municipalities, population, today, seed);
        mix.chooseLocations();
        var differences = mix.housed(figures);
        mix.inReception();
        return new Plan(List.copyOf(mix.households), differences, mix.relinks());
    }

    /** About 60 reception locations, {@value #LOCATIONS_PER_REGION} in each linking region, in its larger municipalities. */
    private void chooseLocations() {
        for (var entry : regions.entrySet()) {
            var candidates = new ArrayList<>(entry.getValue().stream()
                    .filter(m -> population.getOrDefault(m.code(), 0L) >= 20_000).toList());
            if (candidates.size() < LOCATIONS_PER_REGION) {
                candidates = new ArrayList<>(entry.getValue());
            }
            Collections.shuffle(candidates, random);
            locations.put(entry.getKey(), candidates.stream().limit(LOCATIONS_PER_REGION)
                    .map(m -> new Location("azc " + m.name(), m)).toList());
        }
    }

    // ---- Housed in the last six months: the imported figures, household by household -------------------

    private List<Difference> housed(Map<MunicipalityCode, Map<YearMonth, Integer>> figures) {
        var current = YearMonth.from(today);
        var window = new ArrayList<YearMonth>();
        for (int back = MONTHS_BACK; back >= 0; back--) {
            window.add(current.minusMonths(back));
        }
        var remaining = new LinkedHashMap<Key, Integer>();
        for (var m : municipalities) {
            for (var month : window) {
                int figure = figureOf(figures, m.code(), month);
                if (figure > 0) {
                    remaining.put(new Key(m.code(), month), figure);
                }
            }
        }
        var planned = new LinkedHashMap<Key, List<HouseholdHistory>>();
        var harTargets = harTargets(window, remaining);
        for (var entry : harTargets.entrySet()) {
            placeUnderHar(entry.getKey(), entry.getValue(), window, remaining, planned);
        }
        var overTerm = harOverTerm(harTargets.keySet(), figures, remaining, planned);
        for (var entry : remaining.entrySet()) {
            int left = entry.getValue();
            while (left > 0) {
                int size = Math.min(size(), left);
                var way = random.nextDouble() < 0.06 ? Way.HAR_THEN_MOVED : Way.MOVED;
                planned.computeIfAbsent(entry.getKey(), k -> new ArrayList<>()).add(housedHousehold(entry.getKey(), size, way));
                left -= size;
            }
        }
        var differences = leaveOut(planned, overTerm, window);
        planned.values().forEach(households::addAll);
        return differences;
    }

    private static int figureOf(Map<MunicipalityCode, Map<YearMonth, Integer>> figures, MunicipalityCode code,
            YearMonth month) {
        return figures.getOrDefault(code, Map.of()).getOrDefault(month, 0);
    }

    /**
     * About {@value #HAR_MUNICIPALITIES} municipalities with a HAR placement running, and how many persons
     * each has placed: about {@value #HAR_PERSONS} in all, more in municipalities that house more.
     */
    private Map<MunicipalityCode, Integer> harTargets(List<YearMonth> window, Map<Key, Integer> figures) {
        var housedInWindow = new LinkedHashMap<MunicipalityCode, Integer>();
        figures.forEach((key, persons) -> housedInWindow.merge(key.municipality(), persons, Integer::sum));
        var eligible = new ArrayList<>(housedInWindow.entrySet().stream().filter(e -> e.getValue() >= 12)
                .map(Map.Entry::getKey).toList());
        var chosen = new ArrayList<MunicipalityCode>();
        var utrecht = MunicipalityCode.of("GM0344");
        if (eligible.remove(utrecht)) {
            // The demo's municipality account is Utrecht's: let it see a HAR placement.
            chosen.add(utrecht);
        }
        while (chosen.size() < HAR_MUNICIPALITIES && !eligible.isEmpty()) {
            var weights = eligible.stream().mapToDouble(c -> Math.sqrt(housedInWindow.get(c))).toArray();
            chosen.add(eligible.remove(pick(weights)));
        }
        double total = chosen.stream().mapToDouble(c -> Math.sqrt(housedInWindow.get(c))).sum();
        var targets = new LinkedHashMap<MunicipalityCode, Integer>();
        for (var code : chosen) {
            int share = (int) Math.round(HAR_PERSONS * Math.sqrt(housedInWindow.get(code)) / total);
            targets.put(code, Math.max(1, Math.min(share, housedInWindow.get(code) / 3)));
        }
        return targets;
    }

    private void placeUnderHar(MunicipalityCode code, int target, List<YearMonth> window, Map<Key, Integer> remaining,
            Map<Key, List<HouseholdHistory>> planned) {
        int placed = 0;
        while (placed < target) {
            var weights = new double[window.size()];
            for (int i = 0; i < window.size(); i++) {
                weights[i] = remaining.getOrDefault(new Key(code, window.get(i)), 0) > 0 ? HAR_MONTH_WEIGHTS[i] : 0;
            }
            if (java.util.Arrays.stream(weights).sum() == 0) {
                return;
            }
            var key = new Key(code, window.get(pick(weights)));
            int size = Math.min(size(), Math.min(remaining.get(key), target - placed));
            planned.computeIfAbsent(key, k -> new ArrayList<>()).add(housedHousehold(key, size, Way.HAR));
            remaining.merge(key, -size, Integer::sum);
            placed += size;
        }
    }

    /**
     * A few placements past the HAR's six months, to be flagged. They count in a month before the six
     * months, so that month's housed households are completed to its figure as well.
     */
    private Set<Key> harOverTerm(Set<MunicipalityCode> harMunicipalities, Map<MunicipalityCode, Map<YearMonth, Integer>> figures,
            Map<Key, Integer> remaining, Map<Key, List<HouseholdHistory>> planned) {
        var candidates = new ArrayList<>(harMunicipalities);
        Collections.shuffle(candidates, random);
        var keys = new HashSet<Key>();
        for (var code : candidates) {
            if (keys.size() == HAR_OVER_TERM) {
                break;
            }
            var since = today.minus(Norms.HAR_MAXIMUM).minusDays(1 + random.nextInt(18));
            var key = new Key(code, YearMonth.from(since));
            int figure = figureOf(figures, code, key.month());
            if (figure == 0 || remaining.containsKey(key)) {
                continue;
            }
            int size = Math.min(size(), figure);
            planned.computeIfAbsent(key, k -> new ArrayList<>()).add(housedHousehold(key, size, Way.HAR, since));
            remaining.put(key, figure - size);
            keys.add(key);
        }
        return keys;
    }

    /** Leaves one moved-in household out of a few municipality-months, so their events differ from COA's figure. */
    private List<Difference> leaveOut(Map<Key, List<HouseholdHistory>> planned, Set<Key> overTerm, List<YearMonth> window) {
        var candidates = new ArrayList<>(planned.entrySet().stream()
                .filter(e -> !overTerm.contains(e.getKey()) && window.contains(e.getKey().month())
                        && e.getValue().size() >= 2 && e.getValue().stream().anyMatch(h -> h.harSince() == null))
                .map(Map.Entry::getKey).toList());
        Collections.shuffle(candidates, random);
        var differences = new ArrayList<Difference>();
        var municipalitiesUsed = new HashSet<MunicipalityCode>();
        for (var key : candidates) {
            if (differences.size() == DIFFERENCES) {
                break;
            }
            if (!municipalitiesUsed.add(key.municipality())) {
                continue;
            }
            var list = planned.get(key);
            for (int i = list.size() - 1; i >= 0; i--) {
                if (list.get(i).harSince() == null) {
                    var left = list.remove(i);
                    differences.add(new Difference(key.municipality(), key.month(), left.form().members().size()));
                    break;
                }
            }
        }
        differences.sort(Comparator.comparing(Difference::month).thenComparing(d -> d.municipality().value()));
        return differences;
    }

    private HouseholdHistory housedHousehold(Key key, int size, Way way) {
        var first = key.month().atDay(1);
        var last = key.month().equals(YearMonth.from(today)) ? today : key.month().atEndOfMonth();
        return housedHousehold(key, size, way, first.plusDays(random.nextInt((int) ChronoUnit.DAYS.between(first, last) + 1)));
    }

    private HouseholdHistory housedHousehold(Key key, int size, Way way, LocalDate countedOn) {
        var municipality = byCode.get(key.municipality());
        var criteria = new ArrayList<FirmCriterion>();
        Location location;
        double draw = random.nextDouble();
        if (draw < 0.015) {
            // A firm criterion brought the household here from another linking region; it is recorded as the reason.
            var others = regions.keySet().stream().filter(r -> !r.equals(municipality.coaRegion())).toList();
            location = anyOf(locations.get(others.get(random.nextInt(others.size()))));
            criteria.add(criterionAt(municipality.code(), false));
        }
        else {
            location = anyOf(locations.get(municipality.coaRegion()));
            if (draw < 0.03) {
                criteria.add(criterionAt(municipality.code(), false));
            }
        }
        if (way == Way.HAR_THEN_MOVED && ChronoUnit.DAYS.between(countedOn, today) < 30) {
            way = Way.MOVED;
        }
        LocalDate linkedOn;
        LocalDate offeredOn = null;
        LocalDate harSince = null;
        LocalDate movedOn = null;
        if (way == Way.MOVED) {
            movedOn = countedOn;
            offeredOn = movedOn.minusDays(2 + random.nextInt(20));
            linkedOn = offeredOn.minusDays(14 + random.nextInt(120));
        }
        else {
            harSince = countedOn;
            linkedOn = harSince.minusDays(7 + random.nextInt(100));
            if (way == Way.HAR_THEN_MOVED) {
                long since = ChronoUnit.DAYS.between(harSince, today);
                movedOn = harSince.plusDays(14 + random.nextInt((int) Math.min(150, since - 14) + 1));
            }
        }
        var permit = linkedOn.minusDays(3 + random.nextInt(25));
        var form = form(location, permit, size, criteria);
        boolean moved = movedOn != null;
        return new HouseholdHistory(form, municipality.code(), linkedOn, offeredOn, moved ? district() : null,
                moved ? rooms(size) : null, harSince, harSince == null ? null : harPlace(municipality), movedOn);
    }

    // ---- In reception: awaiting a link, linked, offered a home -----------------------------------------

    private void inReception() {
        var regionNames = new ArrayList<>(regions.keySet());
        var regionWeights = regionNames.stream()
                .mapToDouble(r -> regions.get(r).stream().mapToLong(m -> population.getOrDefault(m.code(), 0L)).sum())
                .toArray();
        int persons = 0;
        while (persons < RECEPTION_PERSONS) {
            int size = size();
            var region = regionNames.get(pick(regionWeights));
            var location = anyOf(locations.get(region));
            int age = random.nextDouble() < PAST_NORM_SHARE
                    ? Norms.TOTAL_DAYS + 1 + (int) Math.min(620, -Math.log(1 - random.nextDouble()) * 110)
                    : random.nextInt(Norms.TOTAL_DAYS + 1);
            var permit = today.minusDays(age);
            double stage = random.nextDouble();
            boolean linked = age <= Norms.LINK_WITHIN_DAYS ? stage >= 0.75 : stage >= (age <= Norms.TOTAL_DAYS ? 0.08 : 0.05);
            boolean offered = linked && age > 30 && random.nextDouble() < (age <= Norms.TOTAL_DAYS ? 0.12 : 0.16);
            var criteria = new ArrayList<FirmCriterion>();
            MunicipalityCode target = linked ? weighted(regions.get(region)).code() : null;
            if (random.nextDouble() < 0.03) {
                boolean outside = random.nextDouble() < 0.3;
                var criterionRegion = outside ? otherRegion(region) : region;
                var criterion = criterionAt(weighted(regions.get(criterionRegion)).code(), true);
                criteria.add(criterion);
                if (linked) {
                    target = criterion.pointsAtMunicipality() ? criterion.municipality() : weighted(regions.get(criterionRegion)).code();
                }
            }
            LocalDate linkedOn = null;
            LocalDate offeredOn = null;
            if (linked) {
                int delay = random.nextDouble() < 0.85 ? 3 + random.nextInt(12) : 15 + random.nextInt(45);
                linkedOn = permit.plusDays(Math.min(delay, age));
                if (offered) {
                    long sinceLink = ChronoUnit.DAYS.between(linkedOn, today);
                    offeredOn = today.minusDays(random.nextInt((int) Math.min(35, sinceLink) + 1));
                }
            }
            households.add(new HouseholdHistory(form(location, permit, size, criteria), target, linkedOn, offeredOn,
                    offered ? district() : null, offered ? rooms(size) : null, null, null, null));
            persons += size;
        }
    }

    /** A handful of households whose link was cancelled, with a reason from the managed list; most linked again. */
    private List<Relink> relinks() {
        var reasons = List.of("MUNICIPALITY_ERROR", "HOUSEHOLD_CHANGED", "FIRM_CRITERION_LATER", "REUNIFICATION",
                "MEDICAL", "OTHER");
        var regionNames = new ArrayList<>(regions.keySet());
        var relinks = new ArrayList<Relink>();
        for (int i = 0; i < reasons.size(); i++) {
            var region = regionNames.get(i % regionNames.size());
            var permit = today.minusDays(40 + random.nextInt(60));
            var linkedOn = permit.plusDays(5 + random.nextInt(10));
            var cancelledOn = linkedOn.plusDays(5 + random.nextInt(15));
            var first = weighted(regions.get(region));
            MunicipalityCode second = null;
            LocalDate relinkedOn = null;
            if (i < 4) {
                var others = regions.get(region).stream().filter(m -> !m.equals(first)).toList();
                second = weighted(others).code();
                relinkedOn = cancelledOn.plusDays(1 + random.nextInt(10));
            }
            relinks.add(new Relink(form(anyOf(locations.get(region)), permit, size(), List.of()), first.code(), linkedOn,
                    reasons.get(i), cancelledOn, second, relinkedOn));
        }
        return relinks;
    }

    private String otherRegion(String region) {
        var others = regions.keySet().stream().filter(r -> !r.equals(region)).toList();
        return others.get(random.nextInt(others.size()));
    }

    // ---- One household ---------------------------------------------------------------------------------

    private HouseholdForm form(Location location, LocalDate permit, int size, List<FirmCriterion> criteria) {
        var reference = PREFIX + String.format("%06d", ++sequence);
        var language = LANGUAGES[pick(LANGUAGE_WEIGHTS)];
        var profile = new Profile(language,
                Profile.Education.values()[pick(new double[] { 12, 25, 25, 18, 14, 6 })],
                Profile.WorkExperience.values()[pick(new double[] { 25, 40, 25, 10 })],
                Profile.Limitation.values()[pick(new double[] { 90, 6, 1.5, 2.5 })]);
        return new HouseholdForm(reference, location.name(), location.municipality().code(), permit, profile,
                members(size), criteria);
    }

    private List<Member> members(int size) {
        var members = new ArrayList<Member>();
        boolean headMale = random.nextDouble() < (size == 1 ? 0.72 : 0.62);
        var headSex = headMale ? Member.Sex.M : Member.Sex.F;
        if (size == 1) {
            members.add(new Member(adult(new double[] { 55, 35, 9, 1 }), headSex, Member.Role.HEAD));
            return members;
        }
        members.add(new Member(adult(new double[] { 25, 55, 18, 2 }), headSex, Member.Role.HEAD));
        if (random.nextDouble() < 0.8) {
            members.add(new Member(adult(new double[] { 30, 55, 14, 1 }), headMale ? Member.Sex.F : Member.Sex.M,
                    Member.Role.PARTNER));
        }
        if (size >= 4 && members.size() < size && random.nextDouble() < 0.08) {
            members.add(new Member(adult(new double[] { 0, 0, 60, 40 }), random.nextBoolean() ? Member.Sex.F : Member.Sex.M,
                    Member.Role.OTHER));
        }
        while (members.size() < size) {
            var band = new Member.AgeBand[] { Member.AgeBand.A0_4, Member.AgeBand.A5_11, Member.AgeBand.A12_17 }[pick(
                    new double[] { 30, 40, 30 })];
            members.add(new Member(band, random.nextBoolean() ? Member.Sex.F : Member.Sex.M, Member.Role.CHILD));
        }
        return members;
    }

    private Member.AgeBand adult(double[] weights) {
        return new Member.AgeBand[] { Member.AgeBand.A18_29, Member.AgeBand.A30_44, Member.AgeBand.A45_64,
                Member.AgeBand.A65 }[pick(weights)];
    }

    /** A firm criterion pointing at (or, for medical treatment, into the region of) this municipality. */
    private FirmCriterion criterionAt(MunicipalityCode code, boolean medicalAllowed) {
        var kinds = medicalAllowed ? new double[] { 40, 35, 15, 10 } : new double[] { 45, 38, 17, 0 };
        var kind = FirmCriterion.Kind.values()[pick(kinds)];
        return new FirmCriterion(kind, code, kind == FirmCriterion.Kind.WORK ? 8 + random.nextInt(31) : null);
    }

    private int size() {
        return 1 + pick(SIZE_WEIGHTS);
    }

    private static int rooms(int size) {
        return Math.min(12, Math.max(1, (size + 1) / 2 + 1));
    }

    private String district() {
        return DISTRICTS[random.nextInt(DISTRICTS.length)];
    }

    private String harPlace(Municipality municipality) {
        return HAR_PLACES[random.nextInt(HAR_PLACES.length)] + ", " + municipality.name();
    }

    private Location anyOf(List<Location> list) {
        return list.get(random.nextInt(list.size()));
    }

    /** A municipality of the list, larger ones more often (links follow the quota, which follows population). */
    private Municipality weighted(List<Municipality> list) {
        return list.get(pick(list.stream().mapToDouble(m -> Math.max(1, population.getOrDefault(m.code(), 0L))).toArray()));
    }

    private int pick(double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double point = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            point -= weights[i];
            if (point < 0 && weights[i] > 0) {
                return i;
            }
        }
        for (int i = weights.length - 1; i >= 0; i--) {
            if (weights[i] > 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("No positive weight");
    }
}
