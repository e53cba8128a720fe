package nl.doorstroom.governance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import nl.doorstroom.identity.AuditTrail;
import nl.doorstroom.identity.CurrentUser;
import nl.doorstroom.shared.EditConflict;
import nl.doorstroom.shared.InvalidInput;
import nl.doorstroom.shared.InvalidInput.Problem;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The table's meetings: record one (date, kind, title, participants by organisation, agenda, minutes, decisions),
 * change it (refused when someone else changed it first), list the coming and past ones, and compose a planned
 * meeting's agenda with the action items still open on its day. Who may: {@link TableMembers}; the minutes only
 * for the table's members. Every change goes to the audit trail in the same transaction.
 */
@Service
public class Meetings {

    static final String SUBJECT = "meeting";
    static final int MAX_TITLE = 300;
    static final int MAX_MINUTES = 100_000;
    static final int MAX_PARTS = 100;
    static final int MAX_PART_TEXT = 2000;

    /**
     * A meeting's agenda: the points the table set and, for a meeting still to come, the action items open on
     * its day (overdue ones first), composed from the items, never typed in.
     */
    public record Agenda(Meeting meeting, List<ActionItem> openActionItems, boolean planned) {

        public long overdueCount() {
            return openActionItems.stream().filter(i -> i.overdueOn(meeting.heldOn())).count();
        }
    }

    private final StoredMeetings meetings;
    private final ActionItems actionItems;
    private final AuditTrail audit;

    Meetings(StoredMeetings meetings, ActionItems actionItems, AuditTrail audit) {
        this.meetings = meetings;
        this.actionItems = actionItems;
        this.audit = audit;
    }

    static LocalDate today() {
        return LocalDate.now(AuditTrail.ZONE);
    }

    // ---- reading

    @Transactional(readOnly = true)
    public Meeting find(long id) {
        var user = TableMembers.requireReader();
        return meetings.byId(id, TableMembers.seesEverything(user)).orElseThrow(() -> new MeetingNotFound("meeting " + id));
    }

    /** Meetings on or after a day, soonest first. */
    @Transactional(readOnly = true)
    public List<Meeting> from(LocalDate day) {
        var user = TableMembers.requireReader();
        return meetings.between(day, null, TableMembers.seesEverything(user));
    }

    /** Meetings before a day, latest first. */
    @Transactional(readOnly = true)
    public List<Meeting> before(LocalDate day) {
        var user = TableMembers.requireReader();
        return meetings.between(null, day, TableMembers.seesEverything(user));
    }

    /** The next meeting on or after a day, if one is planned. */
    @Transactional(readOnly = true)
    public java.util.Optional<Meeting> next(LocalDate day) {
        return from(day).stream().findFirst();
    }

    /** Whether any meeting exists (the demo adds its own only when none does). */
    @Transactional(readOnly = true)
    public boolean any() {
        return meetings.any();
    }

    /**
     * The agenda of a meeting. For a meeting today or later it lists the action items open on its day (as far as
     * the reader sees them), overdue first; for a past meeting none, since its agenda was what it was.
     */
    @Transactional(readOnly = true)
    public Agenda agendaOf(long id) {
        var meeting = find(id);
        boolean planned = meeting.plannedOn(today());
        return new Agenda(meeting, planned ? actionItems.openOn(meeting.heldOn()) : List.of(), planned);
    }

    // ---- changes

    @Transactional
    public long record(MeetingForm form) {
        return record(form, false);
    }

    /** Records a meeting made up by the demo scenario: stored as synthetic, never mistaken for a real one. */
    @Transactional
    public long recordSynthetic(MeetingForm form) {
        return record(form, true);
    }

    private long record(MeetingForm form, boolean synthetic) {
        TableMembers.requireEditor();
        check(form);
        long id = meetings.insert(form, synthetic, CurrentUser.actor());
        audit.recordChange("meeting.recorded", SUBJECT, id, facts(form));
        return id;
    }

    /** Replaces every part of a meeting; refused with {@link EditConflict} when changed since {@code version}. */
    @Transactional
    public Meeting change(long id, int version, MeetingForm form) {
        TableMembers.requireEditor();
        var current = meetings.byId(id, true).orElseThrow(() -> new MeetingNotFound("meeting " + id));
        if (current.version() != version) {
            throw new EditConflict(SUBJECT + " " + id);
        }
        check(form);
        if (!meetings.update(id, version, form, CurrentUser.actor())) {
            throw new EditConflict(SUBJECT + " " + id);
        }
        audit.recordChange("meeting.changed", SUBJECT, id, facts(form));
        return meetings.byId(id, true).orElseThrow();
    }

    // ---- rules

    static void check(MeetingForm form) {
        var problems = new ArrayList<Problem>();
        if (form.heldOn() == null) {
            problems.add(Problem.of(MeetingForm.HELD_ON, "governance.meeting.heldOn.missing"));
        }
        if (form.kind() == null) {
            problems.add(Problem.of(MeetingForm.KIND, "governance.meeting.kind.missing"));
        }
        if (form.title() == null || form.title().isBlank()) {
            problems.add(Problem.of(MeetingForm.TITLE, "governance.meeting.title.missing"));
        }
        else if (form.title().strip().length() > MAX_TITLE) {
            problems.add(Problem.of(MeetingForm.TITLE, "governance.meeting.title.tooLong", MAX_TITLE));
        }
        if (form.minutes() != null && form.minutes().length() > MAX_MINUTES) {
            problems.add(Problem.of(MeetingForm.MINUTES, "governance.meeting.minutes.tooLong", MAX_MINUTES));
        }
        parts(problems, MeetingForm.PARTICIPANTS, form.participants().stream().map(Meeting.Participant::organisation).toList(),
                form.participants().stream().map(Meeting.Participant::persons).toList());
        parts(problems, MeetingForm.AGENDA_ITEMS, form.agendaItems().stream().map(Meeting.AgendaItem::title).toList(),
                form.agendaItems().stream().map(Meeting.AgendaItem::note).toList());
        parts(problems, MeetingForm.DECISIONS, form.decisions(), form.decisions());
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
    }

    /** Rows of a list: each needs its main text; none too long; not too many. Rows are counted from 1. */
    private static void parts(List<Problem> problems, String field, List<String> main, List<String> extra) {
        if (main.size() > MAX_PARTS) {
            problems.add(Problem.of(field, "governance.meeting.parts.tooMany", MAX_PARTS));
            return;
        }
        for (int i = 0; i < main.size(); i++) {
            if (main.get(i) == null || main.get(i).isBlank()) {
                problems.add(Problem.atRow(i + 1, field, "governance.meeting.part.missing"));
            }
            else if (main.get(i).length() > MAX_PART_TEXT || (extra.get(i) != null && extra.get(i).length() > MAX_PART_TEXT)) {
                problems.add(Problem.atRow(i + 1, field, "governance.meeting.part.tooLong", MAX_PART_TEXT));
            }
        }
    }

    private static String facts(MeetingForm form) {
        return "on=" + form.heldOn() + " kind=" + form.kind() + " participants=" + form.participants().size()
                + " agenda=" + form.agendaItems().size() + " decisions=" + form.decisions().size();
    }
}
