package nl.doorstroom.permitholders;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import nl.doorstroom.shared.EditConflict;
import nl.doorstroom.shared.MunicipalityCode;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The household tables: households, members, criteria, links and the timeline. */
@Repository
class Households {

    static final String COLUMNS = """
            id, reference, location, location_municipality, region, permit_date, language, education,
            work_experience, limitation, persons, stage, stage_since, stage_due, municipality_code, linked_on,
            offered_on, offer_district, offer_rooms, har_since, har_place, moved_on, counted_on, counted_persons,
            version""";

    static final String ROW_COLUMNS = """
            id, reference, persons, region, location, permit_date, stage, stage_since, stage_due, municipality_code,
            har_since""";

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;

    Households(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    Optional<Household> find(long id, boolean forUpdate) {
        var found = jdbc.sql("SELECT " + COLUMNS + " FROM household WHERE id = :id" + (forUpdate ? " FOR UPDATE" : ""))
                .param("id", id).query(this::household).optional();
        if (found.isEmpty()) {
            return found;
        }
        var members = jdbc.sql("SELECT age_band, sex, role FROM household_member WHERE household_id = :id ORDER BY position")
                .param("id", id)
                .query((rs, n) -> new Member(Member.AgeBand.parse(rs.getString(1)).orElseThrow(),
                        Member.Sex.valueOf(rs.getString(2)), Member.Role.valueOf(rs.getString(3))))
                .list();
        var criteria = jdbc.sql("""
                SELECT kind, municipality_code, hours_per_week FROM household_criterion WHERE household_id = :id
                ORDER BY position""")
                .param("id", id)
                .query((rs, n) -> new FirmCriterion(FirmCriterion.Kind.valueOf(rs.getString(1)),
                        MunicipalityCode.of(rs.getString(2)), (Integer) rs.getObject(3)))
                .list();
        var h = found.get();
        return Optional.of(new Household(h.id(), h.reference(), h.location(), h.locationMunicipality(), h.region(),
                h.profile(), members, criteria, h.journey(), h.municipality(), h.offerDistrict(), h.offerRooms(),
                h.harPlace(), h.countedPersons(), h.version()));
    }

    boolean referenceExists(String reference) {
        return jdbc.sql("SELECT count(*) FROM household WHERE upper(reference) = upper(:r)").param("r", reference)
                .query(Long.class).single() > 0;
    }

    List<String> existingReferences(List<String> references) {
        var found = new ArrayList<String>();
        for (int from = 0; from < references.size(); from += 1000) {
            var chunk = references.subList(from, Math.min(references.size(), from + 1000)).stream()
                    .map(r -> r.toUpperCase(java.util.Locale.ROOT)).toList();
            found.addAll(jdbc.sql("SELECT upper(reference) FROM household WHERE upper(reference) IN (:refs)")
                    .param("refs", chunk).query(String.class).list());
        }
        return found;
    }

    /** A household to store as it stands now (registered, or with its history for the demo). */
    record NewHousehold(HouseholdForm form, String region, Journey journey, MunicipalityCode municipality,
            String offerDistrict, Integer offerRooms, String harPlace, Integer countedPersons) {
    }

    /** A link to store for a household, by the household's id. */
    record NewLink(long household, MunicipalityCode municipality, LocalDate linkedOn, String outsideRegion,
            String linkedBy, LocalDate cancelledOn, String cancelReason, String cancelNote) {
    }

    record NewEvent(long household, String kind, LocalDate occurredOn, MunicipalityCode municipality, int persons,
            String detail, String recordedBy) {
    }

    /** Inserts households with their members and criteria; returns their ids, in order. */
    List<Long> insert(List<NewHousehold> households, String actor) {
        var ids = jdbc.sql("SELECT nextval('household_id_seq') FROM generate_series(1, :n)")
                .param("n", households.size()).query(Long.class).list();
        var rows = new ArrayList<MapSqlParameterSource>();
        var members = new ArrayList<MapSqlParameterSource>();
        var criteria = new ArrayList<MapSqlParameterSource>();
        for (int i = 0; i < households.size(); i++) {
            var h = households.get(i);
            long id = ids.get(i);
            var form = h.form();
            var j = h.journey();
            rows.add(new MapSqlParameterSource().addValue("id", id).addValue("reference", form.strippedReference())
                    .addValue("location", form.location().strip())
                    .addValue("locationMunicipality", form.locationMunicipality().value()).addValue("region", h.region())
                    .addValue("permitDate", j.permitDate()).addValue("language", blankToNull(form.profile().language()))
                    .addValue("education", form.profile().education().name())
                    .addValue("work", form.profile().workExperience().name())
                    .addValue("limitation", form.profile().limitation().name()).addValue("persons", form.members().size())
                    .addValue("stage", j.stage().name()).addValue("stageSince", j.stageSince())
                    .addValue("stageDue", j.stageDue())
                    .addValue("municipality", h.municipality() == null ? null : h.municipality().value())
                    .addValue("linkedOn", j.linkedOn()).addValue("offeredOn", j.offeredOn())
                    .addValue("offerDistrict", h.offerDistrict()).addValue("offerRooms", h.offerRooms())
                    .addValue("harSince", j.harSince()).addValue("harPlace", h.harPlace()).addValue("movedOn", j.movedOn())
                    .addValue("countedOn", j.countedOn()).addValue("countedPersons", h.countedPersons())
                    .addValue("by", actor));
            for (int m = 0; m < form.members().size(); m++) {
                var member = form.members().get(m);
                members.add(new MapSqlParameterSource().addValue("id", id).addValue("position", m)
                        .addValue("age", member.ageBand().label()).addValue("sex", member.sex().name())
                        .addValue("role", member.role().name()));
            }
            for (int c = 0; c < form.criteria().size(); c++) {
                var criterion = form.criteria().get(c);
                criteria.add(new MapSqlParameterSource().addValue("id", id).addValue("position", c)
                        .addValue("kind", criterion.kind().name())
                        .addValue("municipality", criterion.municipality().value())
                        .addValue("hours", criterion.hoursPerWeek()));
            }
        }
        batch.batchUpdate("""
                INSERT INTO household (id, reference, location, location_municipality, region, permit_date, language,
                    education, work_experience, limitation, persons, stage, stage_since, stage_due, municipality_code,
                    linked_on, offered_on, offer_district, offer_rooms, har_since, har_place, moved_on, counted_on,
                    counted_persons, created_by)
                VALUES (:id, :reference, :location, :locationMunicipality, :region, :permitDate, :language, :education,
                    :work, :limitation, :persons, :stage, :stageSince, :stageDue, :municipality, :linkedOn, :offeredOn,
                    :offerDistrict, :offerRooms, :harSince, :harPlace, :movedOn, :countedOn, :countedPersons, :by)""",
                rows.toArray(MapSqlParameterSource[]::new));
        batch.batchUpdate("""
                INSERT INTO household_member (household_id, position, age_band, sex, role)
                VALUES (:id, :position, :age, :sex, :role)""", members.toArray(MapSqlParameterSource[]::new));
        if (!criteria.isEmpty()) {
            batch.batchUpdate("""
                    INSERT INTO household_criterion (household_id, position, kind, municipality_code, hours_per_week)
                    VALUES (:id, :position, :kind, :municipality, :hours)""",
                    criteria.toArray(MapSqlParameterSource[]::new));
        }
        return ids;
    }

    void insertLinks(List<NewLink> links) {
        batch.batchUpdate("""
                INSERT INTO household_link (household_id, municipality_code, linked_on, outside_region, linked_by, status,
                    cancelled_on, cancel_reason, cancel_note, cancelled_by)
                VALUES (:household, :municipality, :linkedOn, :outside, :by,
                    CASE WHEN CAST(:cancelledOn AS DATE) IS NULL THEN 'ACTIVE' ELSE 'CANCELLED' END,
                    :cancelledOn, :reason, :note, CASE WHEN CAST(:cancelledOn AS DATE) IS NULL THEN NULL ELSE :by END)""",
                links.stream().map(l -> new MapSqlParameterSource().addValue("household", l.household())
                        .addValue("municipality", l.municipality().value()).addValue("linkedOn", l.linkedOn())
                        .addValue("outside", l.outsideRegion()).addValue("by", l.linkedBy())
                        .addValue("cancelledOn", l.cancelledOn(), java.sql.Types.DATE)
                        .addValue("reason", l.cancelReason()).addValue("note", l.cancelNote()))
                        .toArray(MapSqlParameterSource[]::new));
    }

    void insertEvents(List<NewEvent> events) {
        batch.batchUpdate("""
                INSERT INTO household_event (household_id, kind, occurred_on, municipality_code, persons, detail, recorded_by)
                VALUES (:household, :kind, :on, :municipality, :persons, :detail, :by)""",
                events.stream().map(e -> new MapSqlParameterSource().addValue("household", e.household())
                        .addValue("kind", e.kind()).addValue("on", e.occurredOn())
                        .addValue("municipality", e.municipality() == null ? null : e.municipality().value())
                        .addValue("persons", e.persons()).addValue("detail", e.detail()).addValue("by", e.recordedBy()))
                        .toArray(MapSqlParameterSource[]::new));
    }

    /**
     * Replaces the registered facts of a household, if nobody changed it since {@code version}. A new permit
     * date moves the clock of a household that waits for its first link.
     */
    void change(long id, int version, HouseholdForm form, String region) {
        int updated = jdbc.sql("""
                UPDATE household SET reference = :reference, location = :location,
                    location_municipality = :locationMunicipality, region = :region,
                    stage_since = CASE WHEN stage = 'AWAITING_LINK' AND stage_since = permit_date
                                       THEN CAST(:permitDate AS DATE) ELSE stage_since END,
                    stage_due = CASE WHEN stage = 'AWAITING_LINK' THEN CAST(:permitDate AS DATE) + :linkWithin
                                     ELSE stage_due END,
                    permit_date = :permitDate,
                    language = :language, education = :education, work_experience = :work, limitation = :limitation,
                    persons = :persons, version = version + 1
                WHERE id = :id AND version = :version""")
                .param("id", id).param("version", version).param("reference", form.strippedReference())
                .param("location", form.location().strip()).param("locationMunicipality", form.locationMunicipality().value())
                .param("region", region).param("permitDate", form.permitDate())
                .param("linkWithin", Norms.LINK_WITHIN_DAYS)
                .param("language", blankToNull(form.profile().language()))
                .param("education", form.profile().education().name())
                .param("work", form.profile().workExperience().name())
                .param("limitation", form.profile().limitation().name()).param("persons", form.members().size())
                .update();
        if (updated == 0) {
            throw new EditConflict("household " + id);
        }
        jdbc.sql("DELETE FROM household_member WHERE household_id = :id").param("id", id).update();
        jdbc.sql("DELETE FROM household_criterion WHERE household_id = :id").param("id", id).update();
        var members = new ArrayList<MapSqlParameterSource>();
        for (int m = 0; m < form.members().size(); m++) {
            var member = form.members().get(m);
            members.add(new MapSqlParameterSource().addValue("id", id).addValue("position", m)
                    .addValue("age", member.ageBand().label()).addValue("sex", member.sex().name())
                    .addValue("role", member.role().name()));
        }
        batch.batchUpdate("""
                INSERT INTO household_member (household_id, position, age_band, sex, role)
                VALUES (:id, :position, :age, :sex, :role)""", members.toArray(MapSqlParameterSource[]::new));
        for (int c = 0; c < form.criteria().size(); c++) {
            var criterion = form.criteria().get(c);
            jdbc.sql("""
                    INSERT INTO household_criterion (household_id, position, kind, municipality_code, hours_per_week)
                    VALUES (:id, :position, :kind, :municipality, :hours)""")
                    .param("id", id).param("position", c).param("kind", criterion.kind().name())
                    .param("municipality", criterion.municipality().value())
                    .param("hours", criterion.hoursPerWeek(), java.sql.Types.INTEGER).update();
        }
    }

    /** Stores a household's new state after a step, if nobody changed it since {@code version}. */
    void move(long id, int version, Journey journey, MunicipalityCode municipality, String offerDistrict,
            Integer offerRooms, String harPlace, Integer countedPersons) {
        int updated = jdbc.sql("""
                UPDATE household SET stage = :stage, stage_since = :stageSince, stage_due = :stageDue,
                    municipality_code = :municipality, linked_on = :linkedOn, offered_on = :offeredOn,
                    offer_district = :offerDistrict, offer_rooms = :offerRooms, har_since = :harSince,
                    har_place = :harPlace, moved_on = :movedOn, counted_on = :countedOn,
                    counted_persons = :countedPersons, version = version + 1
                WHERE id = :id AND version = :version""")
                .param("id", id).param("version", version).param("stage", journey.stage().name())
                .param("stageSince", journey.stageSince()).param("stageDue", journey.stageDue(), java.sql.Types.DATE)
                .param("municipality", municipality == null ? null : municipality.value(), java.sql.Types.VARCHAR)
                .param("linkedOn", journey.linkedOn(), java.sql.Types.DATE)
                .param("offeredOn", journey.offeredOn(), java.sql.Types.DATE)
                .param("offerDistrict", offerDistrict, java.sql.Types.VARCHAR)
                .param("offerRooms", offerRooms, java.sql.Types.INTEGER)
                .param("harSince", journey.harSince(), java.sql.Types.DATE)
                .param("harPlace", harPlace, java.sql.Types.VARCHAR)
                .param("movedOn", journey.movedOn(), java.sql.Types.DATE)
                .param("countedOn", journey.countedOn(), java.sql.Types.DATE)
                .param("countedPersons", countedPersons, java.sql.Types.INTEGER)
                .update();
        if (updated == 0) {
            throw new EditConflict("household " + id);
        }
    }

    long link(long household, MunicipalityCode municipality, LocalDate linkedOn, String outsideRegion, String by) {
        return jdbc.sql("""
                INSERT INTO household_link (household_id, municipality_code, linked_on, outside_region, linked_by)
                VALUES (:household, :municipality, :linkedOn, :outside, :by) RETURNING id""")
                .param("household", household).param("municipality", municipality.value()).param("linkedOn", linkedOn)
                .param("outside", outsideRegion, java.sql.Types.VARCHAR).param("by", by).query(Long.class).single();
    }

    void cancelActiveLink(long household, LocalDate on, String reason, String note, String by) {
        jdbc.sql("""
                UPDATE household_link SET status = 'CANCELLED', cancelled_on = :on, cancel_reason = :reason,
                    cancel_note = :note, cancelled_by = :by
                WHERE household_id = :household AND status = 'ACTIVE'""")
                .param("household", household).param("on", on).param("reason", reason)
                .param("note", note, java.sql.Types.VARCHAR).param("by", by).update();
    }

    void event(long household, String kind, LocalDate on, MunicipalityCode municipality, int persons, String detail,
            String by) {
        insertEvents(List.of(new NewEvent(household, kind, on, municipality, persons, detail, by)));
    }

    List<Link> links(long household) {
        return jdbc.sql("""
                SELECT id, municipality_code, linked_on, outside_region, linked_by, status, cancelled_on, cancel_reason,
                       cancel_note, cancelled_by
                FROM household_link WHERE household_id = :household ORDER BY id""")
                .param("household", household)
                .query((rs, n) -> new Link(rs.getLong(1), MunicipalityCode.of(rs.getString(2)),
                        rs.getObject(3, LocalDate.class), rs.getString(4), rs.getString(5),
                        "ACTIVE".equals(rs.getString(6)), rs.getObject(7, LocalDate.class), rs.getString(8),
                        rs.getString(9), rs.getString(10)))
                .list();
    }

    List<TimelineEntry> timeline(long household) {
        return jdbc.sql("""
                SELECT id, kind, occurred_on, municipality_code, persons, detail, recorded_by, recorded_at
                FROM household_event WHERE household_id = :household ORDER BY occurred_on, id""")
                .param("household", household)
                .query((rs, n) -> new TimelineEntry(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class),
                        rs.getString(4) == null ? null : MunicipalityCode.of(rs.getString(4)), rs.getInt(5),
                        rs.getString(6), rs.getString(7), rs.getTimestamp(8).toInstant()))
                .list();
    }

    Household household(ResultSet rs, int n) throws SQLException {
        var journey = new Journey(Stage.valueOf(rs.getString("stage")), rs.getObject("permit_date", LocalDate.class),
                rs.getObject("stage_since", LocalDate.class), rs.getObject("linked_on", LocalDate.class),
                rs.getObject("offered_on", LocalDate.class), rs.getObject("har_since", LocalDate.class),
                rs.getObject("moved_on", LocalDate.class), rs.getObject("counted_on", LocalDate.class));
        var profile = new Profile(rs.getString("language"), Profile.Education.valueOf(rs.getString("education")),
                Profile.WorkExperience.valueOf(rs.getString("work_experience")),
                Profile.Limitation.valueOf(rs.getString("limitation")));
        var municipality = rs.getString("municipality_code");
        return new Household(rs.getLong("id"), rs.getString("reference"), rs.getString("location"),
                MunicipalityCode.of(rs.getString("location_municipality")), rs.getString("region"), profile,
                List.of(), List.of(), journey, municipality == null ? null : MunicipalityCode.of(municipality),
                rs.getString("offer_district"), (Integer) rs.getObject("offer_rooms"), rs.getString("har_place"),
                (Integer) rs.getObject("counted_persons"), rs.getInt("version"));
    }

    static HouseholdRow row(ResultSet rs, int n) throws SQLException {
        var municipality = rs.getString("municipality_code");
        return new HouseholdRow(rs.getLong("id"), rs.getString("reference"), rs.getInt("persons"), rs.getString("region"),
                rs.getString("location"), rs.getObject("permit_date", LocalDate.class), Stage.valueOf(rs.getString("stage")),
                rs.getObject("stage_since", LocalDate.class), rs.getObject("stage_due", LocalDate.class),
                municipality == null ? null : MunicipalityCode.of(municipality), rs.getObject("har_since", LocalDate.class));
    }


    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
