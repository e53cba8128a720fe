package nl.doorstroom.matching;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Set;
import java.util.function.Function;

import nl.doorstroom.permitholders.FirmCriterion;
import nl.doorstroom.shared.MunicipalityCode;

/**
 * How a proposal is scored: a sum of weighted criteria, each a whole number, all written here so that
 * a planner can read on the page what a score means. The inputs are size, waiting time, school-age
 * children, the reception municipality and the firm criteria; origin, nationality, religion and sex are
 * not inputs (the run does not even read them).
 * <ul>
 * <li><b>base</b> = weight × persons: every person who leaves reception counts.</li>
 * <li><b>waiting</b> = weight × persons × days since the permit / 365 (at most a year): those who waited
 * longest go first when places are short.</li>
 * <li><b>dwelling</b> = weight × persons × the share of the homes the municipality offered in the last
 * twelve months that have the rooms the household needs ({@link #roomsNeeded}); with fewer than
 * {@value #FEW_HOMES} homes offered, the share over all municipalities of the run.</li>
 * <li><b>ties</b> = weight × persons in the municipality of a work or education criterion, half of it in a
 * neighbouring municipality (the neighbours stand in for the labour-market region).</li>
 * <li><b>school</b> = weight × school-age children (5 to 17) in the municipality of the reception location,
 * half of it in a neighbouring municipality: children stay near their school.</li>
 * <li><b>spreading</b>, for households of {@value #LARGE} or more persons = weight × persons × (1 − 2 × the
 * share of the corrected quota already taken by large households linked in the last six months), not below
 * zero: large households are spread over municipalities.</li>
 * </ul>
 */
final class LinkingScores {

    static final int FEW_HOMES = 5;
    static final int LARGE = 5;

    private final LinkingWeights weights;
    private final LocalDate runDate;
    private final Function<MunicipalityCode, Set<MunicipalityCode>> neighbours;
    private final int[] allRooms = new int[7];

    LinkingScores(LinkingWeights weights, LocalDate runDate, Collection<RunMunicipality> municipalities,
            Function<MunicipalityCode, Set<MunicipalityCode>> neighbours) {
        this.weights = weights;
        this.runDate = runDate;
        this.neighbours = neighbours;
        for (var municipality : municipalities) {
            for (int r = 1; r < allRooms.length; r++) {
                allRooms[r] += municipality.roomsOffered()[r];
            }
        }
    }

    /** Rooms a household needs, living room included: 2 up to two persons, 3 up to four, 4 up to six, then 5. */
    static int roomsNeeded(int persons) {
        return persons <= 2 ? 2 : persons <= 4 ? 3 : persons <= 6 ? 4 : 5;
    }

    ScoreParts score(RunHousehold household, RunMunicipality municipality) {
        int persons = household.persons();
        int base = weights.base() * persons;
        int waiting = (int) Math.round(weights.waiting() * persons * Math.min(365, household.daysWaiting(runDate)) / 365.0);
        int dwelling = (int) Math.round(weights.dwelling() * persons * dwellingFit(persons, municipality));
        int ties = 0;
        for (var criterion : household.criteria()) {
            if (criterion.kind() == FirmCriterion.Kind.WORK || criterion.kind() == FirmCriterion.Kind.EDUCATION) {
                ties = Math.max(ties, (int) Math.round(weights.ties() * persons
                        * nearness(criterion.municipality(), municipality.code())));
            }
        }
        int school = (int) Math.round(weights.school() * household.schoolAgeChildren()
                * nearness(household.locationMunicipality(), municipality.code()));
        int spreading = 0;
        if (persons >= LARGE) {
            double taken = municipality.correctedQuota() <= 0 ? 1
                    : Math.min(1.0, municipality.largePersons() / (double) municipality.correctedQuota());
            spreading = (int) Math.round(weights.spreading() * persons * Math.max(0, 1 - 2 * taken));
        }
        return new ScoreParts(base, waiting, dwelling, ties, school, spreading);
    }

    double dwellingFit(int persons, RunMunicipality municipality) {
        int rooms = roomsNeeded(persons);
        if (municipality.offered() >= FEW_HOMES) {
            return municipality.offeredWithAtLeast(rooms) / (double) municipality.offered();
        }
        int all = 0;
        int fitting = 0;
        for (int r = 1; r < allRooms.length; r++) {
            all += allRooms[r];
            fitting += r >= rooms ? allRooms[r] : 0;
        }
        return all == 0 ? 1 : fitting / (double) all;
    }

    /** 1 in the municipality itself, ½ in a neighbouring one, 0 elsewhere. */
    private double nearness(MunicipalityCode anchor, MunicipalityCode target) {
        if (anchor.equals(target)) {
            return 1;
        }
        return neighbours.apply(anchor).contains(target) ? 0.5 : 0;
    }
}
