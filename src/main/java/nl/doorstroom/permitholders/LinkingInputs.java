package nl.doorstroom.permitholders;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import nl.doorstroom.identity.AuditTrail;
import nl.doorstroom.shared.MunicipalityCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the linking optimiser may know about households and the register, and nothing more: size,
 * school-age children, permit date, reception municipality and region, and the firm criteria. Origin,
 * nationality, religion and sex are not in {@link LinkCandidate}, so no score can use them.
 */
@Service
public class LinkingInputs {

    /**
     * A household awaiting a link, as the optimiser sees it.
     *
     * @param schoolAgeChildren members aged 5 to 17 (age bands 5-11 and 12-17)
     * @param region the COA linking region of the reception location
     */
    public record LinkCandidate(long id, int version, String reference, int persons, int schoolAgeChildren,
            LocalDate permitDate, MunicipalityCode locationMunicipality, String region, List<FirmCriterion> criteria) {
    }

    /** Homes offered to (or moved into by) permit holders in a municipality, counted by number of rooms. */
    public record RoomCounts(int[] byRooms) {

        /** Homes with at least this many rooms. */
        public int atLeast(int rooms) {
            int sum = 0;
            for (int r = Math.max(1, rooms); r < byRooms.length; r++) {
                sum += byRooms[r];
            }
            return sum;
        }

        public int total() {
            return atLeast(1);
        }
    }

    private final JdbcClient jdbc;
    private final AuditTrail audit;

    LinkingInputs(JdbcClient jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /**
     * Households awaiting a link, oldest permits first, in one linking region or (region null) the nation;
     * for COA planners only. The read is audited with every household's id.
     *
     * @param limit the most households to return
     */
    @Transactional
    public List<LinkCandidate> awaitingLink(String region, int limit) {
        if (!Journeys.mayLink()) {
            throw new AccessDeniedException("Only COA planners read households for linking");
        }
        var rows = new LinkedHashMap<Long, Object[]>();
        jdbc.sql("""
                SELECT id, version, reference, persons, permit_date, location_municipality, region
                FROM household
                WHERE stage = 'AWAITING_LINK' AND (CAST(:region AS VARCHAR) IS NULL OR region = :region)
                ORDER BY permit_date, id
                LIMIT :limit""").param("region", region).param("limit", limit).query(rs -> {
                    rows.put(rs.getLong(1), new Object[] {rs.getInt(2), rs.getString(3), rs.getInt(4),
                            rs.getObject(5, LocalDate.class), rs.getString(6), rs.getString(7)});
                });
        var ids = new ArrayList<>(rows.keySet());
        var children = new HashMap<Long, Integer>();
        var criteria = new HashMap<Long, List<FirmCriterion>>();
        if (!ids.isEmpty()) {
            jdbc.sql("""
                    SELECT household_id, count(*) FROM household_member
                    WHERE household_id = ANY(:ids) AND age_band IN ('5-11', '12-17')
                    GROUP BY household_id""").param("ids", ids.toArray(Long[]::new))
                    .query(rs -> {
                        children.put(rs.getLong(1), rs.getInt(2));
                    });
            jdbc.sql("""
                    SELECT household_id, kind, municipality_code, hours_per_week FROM household_criterion
                    WHERE household_id = ANY(:ids) ORDER BY household_id, position""")
                    .param("ids", ids.toArray(Long[]::new)).query(rs -> {
                        criteria.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new FirmCriterion(
                                FirmCriterion.Kind.valueOf(rs.getString(2)), new MunicipalityCode(rs.getString(3)),
                                (Integer) rs.getObject(4)));
                    });
        }
        var candidates = new ArrayList<LinkCandidate>(rows.size());
        rows.forEach((id, r) -> candidates.add(new LinkCandidate(id, (int) r[0], (String) r[1], (int) r[2],
                children.getOrDefault(id, 0), (LocalDate) r[3], new MunicipalityCode((String) r[4]), (String) r[5],
                List.copyOf(criteria.getOrDefault(id, List.of())))));
        HouseholdRegister.auditHouseholds(audit, "households.read-for-linking",
                "region=" + (region == null ? "NL" : region) + " ", ids);
        return candidates;
    }

    /** Persons per municipality linked and not yet counted toward a quota (linked or offered a home). */
    @Transactional(readOnly = true)
    public Map<MunicipalityCode, Long> linkedAwaitingHome() {
        var result = new HashMap<MunicipalityCode, Long>();
        jdbc.sql("""
                SELECT municipality_code, sum(persons) FROM household
                WHERE stage IN ('LINKED', 'OFFERED') GROUP BY municipality_code""").query(rs -> {
                    result.put(new MunicipalityCode(rs.getString(1)), rs.getLong(2));
                });
        return result;
    }

    /**
     * Households per municipality linked and not yet counted toward a quota (linked or offered a home), by
     * household size in persons: the sizes of home the municipality still has to find.
     */
    @Transactional(readOnly = true)
    public Map<MunicipalityCode, Map<Integer, Long>> householdSizesAwaitingHome() {
        var result = new HashMap<MunicipalityCode, Map<Integer, Long>>();
        jdbc.sql("""
                SELECT municipality_code, persons, count(*) FROM household
                WHERE stage IN ('LINKED', 'OFFERED') GROUP BY municipality_code, persons""").query(rs -> {
                    result.computeIfAbsent(new MunicipalityCode(rs.getString(1)), k -> new java.util.TreeMap<>())
                            .put(rs.getInt(2), rs.getLong(3));
                });
        return result;
    }

    /**
     * The homes each municipality offered to permit holders since a date, by rooms (the dwelling of the
     * offer, or of the move from a HAR place): the dwellings it has on offer, as far as the register shows.
     */
    @Transactional(readOnly = true)
    public Map<MunicipalityCode, RoomCounts> dwellingsOfferedSince(LocalDate since) {
        var result = new HashMap<MunicipalityCode, RoomCounts>();
        jdbc.sql("""
                SELECT municipality_code, LEAST(offer_rooms, 6), count(*) FROM household
                WHERE offer_rooms IS NOT NULL AND COALESCE(offered_on, moved_on) >= :since
                GROUP BY 1, 2""").param("since", since).query(rs -> {
                    var counts = result.computeIfAbsent(new MunicipalityCode(rs.getString(1)),
                            k -> new RoomCounts(new int[7]));
                    counts.byRooms()[rs.getInt(2)] += rs.getInt(3);
                });
        return result;
    }

    /** Persons in households of at least {@code minimumPersons} linked to each municipality since a date. */
    @Transactional(readOnly = true)
    public Map<MunicipalityCode, Long> largeHouseholdPersonsLinkedSince(LocalDate since, int minimumPersons) {
        var result = new HashMap<MunicipalityCode, Long>();
        jdbc.sql("""
                SELECT l.municipality_code, sum(h.persons) FROM household_link l JOIN household h ON h.id = l.household_id
                WHERE l.status = 'ACTIVE' AND l.linked_on >= :since AND h.persons >= :minimum
                GROUP BY l.municipality_code""").param("since", since).param("minimum", minimumPersons).query(rs -> {
                    result.put(new MunicipalityCode(rs.getString(1)), rs.getLong(2));
                });
        return result;
    }
}
