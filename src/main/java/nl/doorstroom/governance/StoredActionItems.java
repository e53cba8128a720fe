package nl.doorstroom.governance;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Action items with their status history and links. */
@Repository
class StoredActionItems {

    /** A filter on the items: each part may be null (no filter). */
    record Filter(Long meetingId, Collection<String> owners, ActionItemStatus status, Long id) {
    }

    private final JdbcClient jdbc;

    StoredActionItems(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long meetingId, ActionItemForm form, LocalDate openedOn, String actor) {
        long id = jdbc.sql("""
                INSERT INTO action_item (meeting_id, what, owner_organisation, owner_person, due_on, status, synthetic,
                                         created_by)
                SELECT :meeting, :what, :owner, :person, :due, 'OPEN', m.synthetic, :actor FROM meeting m WHERE m.id = :meeting
                RETURNING id""")
                .param("meeting", meetingId).param("what", form.what().strip())
                .param("owner", form.ownerOrganisation().strip()).param("person", blankToNull(form.ownerPerson()))
                .param("due", Date.valueOf(form.dueOn())).param("actor", actor)
                .query(Long.class).single();
        insertStatus(id, ActionItemStatus.OPEN, openedOn, actor, null);
        insertLinks(id, form.links());
        return id;
    }

    /** Replaces what, owner, due date and links; false when the version is not the latest. */
    boolean update(long id, int version, ActionItemForm form) {
        int rows = jdbc.sql("""
                UPDATE action_item SET what = :what, owner_organisation = :owner, owner_person = :person, due_on = :due,
                       version = version + 1
                WHERE id = :id AND version = :version""")
                .param("what", form.what().strip()).param("owner", form.ownerOrganisation().strip())
                .param("person", blankToNull(form.ownerPerson())).param("due", Date.valueOf(form.dueOn()))
                .param("id", id).param("version", version).update();
        if (rows == 0) {
            return false;
        }
        jdbc.sql("DELETE FROM action_item_link WHERE action_item_id = :id").param("id", id).update();
        insertLinks(id, form.links());
        return true;
    }

    /** Sets a new status from a day; false when the version is not the latest. */
    boolean updateStatus(long id, int version, ActionItemStatus status, LocalDate on, String actor, String note) {
        int rows = jdbc.sql("UPDATE action_item SET status = :status, version = version + 1 WHERE id = :id AND version = :version")
                .param("status", status.name()).param("id", id).param("version", version).update();
        if (rows == 0) {
            return false;
        }
        insertStatus(id, status, on, actor, note);
        return true;
    }

    private void insertStatus(long id, ActionItemStatus status, LocalDate on, String actor, String note) {
        jdbc.sql("""
                INSERT INTO action_item_status (action_item_id, status, status_on, changed_by, note)
                VALUES (:id, :status, :on, :actor, :note)""")
                .param("id", id).param("status", status.name()).param("on", Date.valueOf(on)).param("actor", actor)
                .param("note", blankToNull(note)).update();
    }

    private void insertLinks(long id, List<ActionItemLink> links) {
        for (int i = 0; i < links.size(); i++) {
            jdbc.sql("INSERT INTO action_item_link (action_item_id, position, kind, target) VALUES (:id, :p, :kind, :target)")
                    .param("id", id).param("p", i + 1).param("kind", links.get(i).kind().name())
                    .param("target", links.get(i).target()).update();
        }
    }

    List<ActionItemStatusChange> history(long id) {
        return jdbc.sql("""
                SELECT status, status_on, changed_by, changed_at, note FROM action_item_status
                WHERE action_item_id = :id ORDER BY status_on, id""")
                .param("id", id)
                .query((rs, n) -> new ActionItemStatusChange(ActionItemStatus.valueOf(rs.getString(1)),
                        rs.getDate(2).toLocalDate(), rs.getString(3), rs.getTimestamp(4).toInstant(), rs.getString(5)))
                .list();
    }

    Optional<ActionItem> byId(long id, LocalDate asOf) {
        return find(new Filter(null, null, null, id), asOf).stream().findFirst();
    }

    /**
     * The items as they stood on a date (null: as they stand now): each with its status of that day; an item
     * recorded with a later first status did not exist yet and is left out. Earliest due first.
     */
    List<ActionItem> find(Filter filter, LocalDate asOf) {
        var where = new ArrayList<String>();
        Map<String, Object> params = new HashMap<>();
        where.add("TRUE");
        params.put("asOf", asOf == null ? null : Date.valueOf(asOf));
        if (filter.meetingId() != null) {
            where.add("i.meeting_id = :meeting");
            params.put("meeting", filter.meetingId());
        }
        if (filter.id() != null) {
            where.add("i.id = :id");
            params.put("id", filter.id());
        }
        if (filter.owners() != null) {
            where.add("lower(i.owner_organisation) IN (:owners)");
            var owners = filter.owners().stream().map(o -> o.strip().toLowerCase(Locale.ROOT)).toList();
            params.put("owners", owners.isEmpty() ? List.of("") : owners);
        }
        if (filter.status() != null) {
            where.add("s.status = :status");
            params.put("status", filter.status().name());
        }
        var items = jdbc.sql("""
                SELECT i.id, i.meeting_id, m.title, m.held_on, i.what, i.owner_organisation, i.owner_person, i.due_on,
                       s.status, s.status_on, s.changed_by, i.synthetic, i.version
                FROM action_item i
                JOIN meeting m ON m.id = i.meeting_id
                JOIN LATERAL (SELECT status, status_on, changed_by FROM action_item_status h
                              WHERE h.action_item_id = i.id AND (CAST(:asOf AS date) IS NULL OR h.status_on <= CAST(:asOf AS date))
                              ORDER BY h.status_on DESC, h.id DESC LIMIT 1) s ON TRUE""" + " WHERE " + String.join(" AND ", where) + " ORDER BY i.due_on, i.id")
                .params(params)
                .query((rs, n) -> item(rs, List.of()))
                .list();
        if (items.isEmpty()) {
            return items;
        }
        var links = new HashMap<Long, List<ActionItemLink>>();
        jdbc.sql("SELECT action_item_id, kind, target FROM action_item_link WHERE action_item_id IN (:ids) ORDER BY position")
                .param("ids", items.stream().map(ActionItem::id).toList())
                .query((rs, n) -> {
                    links.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(new ActionItemLink(ActionItemLink.Kind.valueOf(rs.getString(2)), rs.getString(3)));
                    return null;
                }).list();
        return items.stream().map(i -> new ActionItem(i.id(), i.meetingId(), i.meetingTitle(), i.meetingOn(), i.what(),
                i.ownerOrganisation(), i.ownerPerson(), i.dueOn(), i.status(), i.statusOn(), i.statusBy(),
                links.getOrDefault(i.id(), List.of()), i.synthetic(), i.version())).toList();
    }

    private static ActionItem item(ResultSet rs, List<ActionItemLink> links) throws SQLException {
        return new ActionItem(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getDate(4).toLocalDate(),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getDate(8).toLocalDate(),
                ActionItemStatus.valueOf(rs.getString(9)), rs.getDate(10).toLocalDate(), rs.getString(11),
                links, rs.getBoolean(12), rs.getInt(13));
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
