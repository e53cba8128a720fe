package nl.doorstroom.governance;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Meetings with their participants, agenda and decisions. */
@Repository
class StoredMeetings {

    private final JdbcClient jdbc;

    StoredMeetings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(MeetingForm form, boolean synthetic, String actor) {
        long id = jdbc.sql("""
                INSERT INTO meeting (held_on, kind, title, minutes, synthetic, created_by, changed_by)
                VALUES (:on, :kind, :title, :minutes, :synthetic, :actor, :actor) RETURNING id""")
                .param("on", Date.valueOf(form.heldOn())).param("kind", form.kind().name())
                .param("title", form.title().strip()).param("minutes", StoredActionItems.blankToNull(form.minutes()))
                .param("synthetic", synthetic).param("actor", actor)
                .query(Long.class).single();
        insertParts(id, form);
        return id;
    }

    /** Replaces every part of a meeting; false when the version is not the latest. */
    boolean update(long id, int version, MeetingForm form, String actor) {
        int rows = jdbc.sql("""
                UPDATE meeting SET held_on = :on, kind = :kind, title = :title, minutes = :minutes, changed_by = :actor,
                       changed_at = now(), version = version + 1
                WHERE id = :id AND version = :version""")
                .param("on", Date.valueOf(form.heldOn())).param("kind", form.kind().name())
                .param("title", form.title().strip()).param("minutes", StoredActionItems.blankToNull(form.minutes()))
                .param("actor", actor).param("id", id).param("version", version).update();
        if (rows == 0) {
            return false;
        }
        for (var table : List.of("meeting_participant", "meeting_agenda_item", "meeting_decision")) {
            jdbc.sql("DELETE FROM " + table + " WHERE meeting_id = :id").param("id", id).update();
        }
        insertParts(id, form);
        return true;
    }

    private void insertParts(long id, MeetingForm form) {
        for (int i = 0; i < form.participants().size(); i++) {
            var p = form.participants().get(i);
            jdbc.sql("INSERT INTO meeting_participant (meeting_id, position, organisation, persons) VALUES (:id, :p, :o, :persons)")
                    .param("id", id).param("p", i + 1).param("o", p.organisation().strip())
                    .param("persons", StoredActionItems.blankToNull(p.persons())).update();
        }
        for (int i = 0; i < form.agendaItems().size(); i++) {
            var a = form.agendaItems().get(i);
            jdbc.sql("INSERT INTO meeting_agenda_item (meeting_id, position, title, note) VALUES (:id, :p, :t, :n)")
                    .param("id", id).param("p", i + 1).param("t", a.title().strip())
                    .param("n", StoredActionItems.blankToNull(a.note())).update();
        }
        for (int i = 0; i < form.decisions().size(); i++) {
            jdbc.sql("INSERT INTO meeting_decision (meeting_id, number, text) VALUES (:id, :n, :t)")
                    .param("id", id).param("n", i + 1).param("t", form.decisions().get(i).strip()).update();
        }
    }

    Optional<Meeting> byId(long id, boolean withMinutes) {
        return find("id = :id", Map.of("id", id), withMinutes).stream().findFirst();
    }

    /** Meetings from a day on (null: all), oldest first; or up to a day (exclusive), newest first. */
    List<Meeting> between(LocalDate from, LocalDate until, boolean withMinutes) {
        var params = new HashMap<String, Object>();
        var where = new ArrayList<String>();
        where.add("TRUE");
        if (from != null) {
            where.add("held_on >= :from");
            params.put("from", Date.valueOf(from));
        }
        if (until != null) {
            where.add("held_on < :until");
            params.put("until", Date.valueOf(until));
        }
        return find(String.join(" AND ", where) + (from != null ? " ORDER BY held_on, id" : " ORDER BY held_on DESC, id DESC"),
                params, withMinutes);
    }

    boolean any() {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM meeting)").query(Boolean.class).single();
    }

    private List<Meeting> find(String clause, Map<String, ?> params, boolean withMinutes) {
        record Head(long id, LocalDate on, MeetingKind kind, String title, String minutes, boolean synthetic, int version,
                String changedBy, java.time.Instant changedAt) {
        }
        var heads = jdbc.sql("SELECT id, held_on, kind, title, minutes, synthetic, version, changed_by, changed_at FROM meeting WHERE "
                + clause).params(params)
                .query((rs, n) -> new Head(rs.getLong(1), rs.getDate(2).toLocalDate(), MeetingKind.valueOf(rs.getString(3)),
                        rs.getString(4), rs.getString(5), rs.getBoolean(6), rs.getInt(7), rs.getString(8),
                        rs.getTimestamp(9).toInstant()))
                .list();
        if (heads.isEmpty()) {
            return List.of();
        }
        var ids = heads.stream().map(Head::id).toList();
        var participants = new HashMap<Long, List<Meeting.Participant>>();
        jdbc.sql("SELECT meeting_id, organisation, persons FROM meeting_participant WHERE meeting_id IN (:ids) ORDER BY position")
                .param("ids", ids).query(rs -> {
                    participants.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(new Meeting.Participant(rs.getString(2), rs.getString(3)));
                });
        var agenda = new HashMap<Long, List<Meeting.AgendaItem>>();
        jdbc.sql("SELECT meeting_id, title, note FROM meeting_agenda_item WHERE meeting_id IN (:ids) ORDER BY position")
                .param("ids", ids).query(rs -> {
                    agenda.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(new Meeting.AgendaItem(rs.getString(2), rs.getString(3)));
                });
        var decisions = new HashMap<Long, List<Meeting.Decision>>();
        jdbc.sql("SELECT meeting_id, number, text FROM meeting_decision WHERE meeting_id IN (:ids) ORDER BY number")
                .param("ids", ids).query(rs -> {
                    decisions.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(new Meeting.Decision(rs.getInt(2), rs.getString(3)));
                });
        return heads.stream().map(h -> new Meeting(h.id(), h.on(), h.kind(), h.title(),
                participants.getOrDefault(h.id(), List.of()), agenda.getOrDefault(h.id(), List.of()),
                withMinutes ? h.minutes() : null, !withMinutes, decisions.getOrDefault(h.id(), List.of()), h.synthetic(),
                h.version(), h.changedBy(), h.changedAt())).toList();
    }
}
