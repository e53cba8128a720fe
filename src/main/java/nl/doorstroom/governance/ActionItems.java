package nl.doorstroom.governance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import nl.doorstroom.forecasting.ForecastNotFound;
import nl.doorstroom.forecasting.ForecastScenarios;
import nl.doorstroom.identity.AuditTrail;
import nl.doorstroom.identity.CurrentUser;
import nl.doorstroom.identity.DoorstroomUser;
import nl.doorstroom.municipalities.Municipality;
import nl.doorstroom.municipalities.MunicipalityRegistry;
import nl.doorstroom.municipalities.Province;
import nl.doorstroom.shared.EditConflict;
import nl.doorstroom.shared.InvalidInput;
import nl.doorstroom.shared.InvalidInput.Problem;
import nl.doorstroom.supervision.Escalations;
import nl.doorstroom.supervision.SupervisionNotFound;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The table's action items: record them at a meeting, change them, move their status (the owner may too), and
 * read them: the work list, what was open or overdue on any date (kept reproducible by the dated status history),
 * and what a meeting agreed. Who sees and does what: {@link TableMembers}. Every change goes to the audit trail in
 * the same transaction.
 */
@Service
public class ActionItems {

    static final String SUBJECT = "action-item";
    static final int MAX_TEXT = 1000;
    static final int MAX_NAME = 200;
    static final int MAX_NOTE = 2000;
    static final int MAX_LINKS = 20;

    /** What the work list asks for; every part may be null (no filter). {@code mine} narrows to the own organisations. */
    public record Query(boolean mine, String owner, ActionItemStatus status, Boolean overdue) {
    }

    private final StoredActionItems items;
    private final StoredMeetings meetings;
    private final MunicipalityRegistry registry;
    private final Escalations escalations;
    private final ForecastScenarios scenarios;
    private final AuditTrail audit;
    private final nl.doorstroom.housingmarket.AllocationScenarios allocationScenarios;

    ActionItems(StoredActionItems items, StoredMeetings meetings, MunicipalityRegistry registry, Escalations escalations,
            ForecastScenarios scenarios, AuditTrail audit,
            nl.doorstroom.housingmarket.AllocationScenarios allocationScenarios) {
        this.allocationScenarios = allocationScenarios;
        this.items = items;
        this.meetings = meetings;
        this.registry = registry;
        this.escalations = escalations;
        this.scenarios = scenarios;
        this.audit = audit;
    }

    static LocalDate today() {
        return LocalDate.now(AuditTrail.ZONE);
    }

    // ---- reading

    /** Items open on a date (as their status stood that day), overdue ones first, then by due date. */
    @Transactional(readOnly = true)
    public List<ActionItem> openOn(LocalDate date) {
        var user = TableMembers.requireReader();
        return items.find(new StoredActionItems.Filter(null, visibleOwners(user), null, null), date).stream()
                .filter(ActionItem::isOpen).sorted(overdueFirst(date)).toList();
    }

    /** Items overdue on a date: open that day with a due date before it; the longest overdue first. */
    @Transactional(readOnly = true)
    public List<ActionItem> overdueOn(LocalDate date) {
        return openOn(date).stream().filter(i -> i.overdueOn(date)).toList();
    }

    /** The work list as it stands today, filtered; overdue ones first. */
    @Transactional(readOnly = true)
    public List<ActionItem> search(Query query) {
        var user = TableMembers.requireReader();
        var today = today();
        var found = items.find(new StoredActionItems.Filter(null, visibleOwners(user), query.status(), null), null);
        var mine = query.mine() ? organisationsOf(user) : null;
        return found.stream()
                .filter(i -> mine == null || mine.stream().anyMatch(i::ownedBy))
                .filter(i -> query.owner() == null || query.owner().isBlank() || i.ownedBy(query.owner()))
                .filter(i -> query.overdue() == null || i.overdueOn(today) == query.overdue())
                .sorted(Comparator.comparing((ActionItem i) -> !i.isOpen()).thenComparing(overdueFirst(today)))
                .toList();
    }

    /** The items a meeting agreed, as they stand now (those the reader may see). */
    @Transactional(readOnly = true)
    public List<ActionItem> ofMeeting(long meetingId) {
        var user = TableMembers.requireReader();
        return items.find(new StoredActionItems.Filter(meetingId, visibleOwners(user), null, null), null);
    }

    @Transactional(readOnly = true)
    public ActionItem find(long id) {
        var user = TableMembers.requireReader();
        var item = items.byId(id, null).orElseThrow(() -> new MeetingNotFound("action item " + id));
        if (!visible(user, item)) {
            throw new MeetingNotFound("action item " + id);
        }
        return item;
    }

    /** Every status the item had, oldest first. */
    @Transactional(readOnly = true)
    public List<ActionItemStatusChange> history(long id) {
        find(id);
        return items.history(id);
    }

    /** The organisations of the signed-in user ("mine" on the work list); empty for an administrator. */
    public Set<String> myOrganisations() {
        return CurrentUser.get().map(this::organisationsOf).orElse(Set.of());
    }

    /** Whether the signed-in user may change the item's status: an editor, or its owner organisation. */
    public boolean mayChangeStatus(ActionItem item) {
        return CurrentUser.get().map(u -> TableMembers.EDITORS.contains(u.role())
                || organisationsOf(u).stream().anyMatch(item::ownedBy)).orElse(false);
    }

    // ---- changes

    /** Records an item agreed at a meeting; open from the meeting's day (or today, for a meeting still to come). */
    @Transactional
    public long record(long meetingId, ActionItemForm form) {
        TableMembers.requireEditor();
        var meeting = meetings.byId(meetingId, false).orElseThrow(() -> new MeetingNotFound("meeting " + meetingId));
        check(form);
        var today = today();
        var openedOn = meeting.heldOn().isBefore(today) ? meeting.heldOn() : today;
        long id = items.insert(meetingId, form, openedOn, CurrentUser.actor());
        audit.recordChange("action-item.recorded", SUBJECT, id, facts(meetingId, form));
        return id;
    }

    /** Changes what, owner, due date and links; refused with {@link EditConflict} when changed since {@code version}. */
    @Transactional
    public ActionItem change(long id, int version, ActionItemForm form) {
        TableMembers.requireEditor();
        var current = items.byId(id, null).orElseThrow(() -> new MeetingNotFound("action item " + id));
        if (current.version() != version) {
            throw new EditConflict(SUBJECT + " " + id);
        }
        check(form);
        if (!items.update(id, version, form)) {
            throw new EditConflict(SUBJECT + " " + id);
        }
        audit.recordChange("action-item.changed", SUBJECT, id, facts(current.meetingId(), form));
        return items.byId(id, null).orElseThrow();
    }

    /**
     * Moves an item to a status from a day (null: today). The day lies not in the future and not before the
     * current status's day, so that what was open on an earlier date stays as it was reported. An editor or the
     * owner organisation may do this; refused with {@link EditConflict} when changed since {@code version}.
     */
    @Transactional
    public ActionItem changeStatus(long id, int version, ActionItemStatus status, LocalDate on, String note) {
        var user = TableMembers.requireReader();
        var current = items.byId(id, null).orElseThrow(() -> new MeetingNotFound("action item " + id));
        if (!visible(user, current)) {
            throw new MeetingNotFound("action item " + id);
        }
        if (!mayChangeStatus(current)) {
            throw new AccessDeniedException("Only the owner organisation and the table's editors change the status");
        }
        if (current.version() != version) {
            throw new EditConflict(SUBJECT + " " + id);
        }
        var today = today();
        var day = on == null ? today : on;
        var problems = new ArrayList<Problem>();
        if (status == null) {
            problems.add(Problem.of("status", "governance.action.status.missing"));
        }
        else if (!current.status().mayMoveTo(status)) {
            // The statuses as their names in the bundles (the message source resolves these arguments), not as
            // the enum's constants in a Dutch or English sentence.
            problems.add(Problem.of("status", "governance.action.status.notAllowed",
                    new DefaultMessageSourceResolvable(current.status().messageKey()),
                    new DefaultMessageSourceResolvable(status.messageKey())));
        }
        if (day.isAfter(today)) {
            problems.add(Problem.of("on", "governance.action.statusOn.future"));
        }
        else if (day.isBefore(current.statusOn())) {
            // Dates are shown in Dutch style (d-M-yyyy), as everywhere on the pages.
            problems.add(Problem.of("on", "governance.action.statusOn.beforeCurrent",
                    current.statusOn().format(java.time.format.DateTimeFormatter.ofPattern("d-M-yyyy"))));
        }
        if (note != null && note.length() > MAX_NOTE) {
            problems.add(Problem.of("note", "governance.action.note.tooLong", MAX_NOTE));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        if (!items.updateStatus(id, version, status, day, CurrentUser.actor(), note)) {
            throw new EditConflict(SUBJECT + " " + id);
        }
        audit.recordChange("action-item.status", SUBJECT, id, "status=" + status + " on=" + day + " from=" + current.status());
        return items.byId(id, null).orElseThrow();
    }

    // ---- rules

    private void check(ActionItemForm form) {
        var problems = new ArrayList<Problem>();
        if (form.what() == null || form.what().isBlank()) {
            problems.add(Problem.of(ActionItemForm.WHAT, "governance.action.what.missing"));
        }
        else if (form.what().strip().length() > MAX_TEXT) {
            problems.add(Problem.of(ActionItemForm.WHAT, "governance.action.what.tooLong", MAX_TEXT));
        }
        if (form.ownerOrganisation() == null || form.ownerOrganisation().isBlank()) {
            problems.add(Problem.of(ActionItemForm.OWNER_ORGANISATION, "governance.action.owner.missing"));
        }
        else if (form.ownerOrganisation().strip().length() > MAX_NAME) {
            problems.add(Problem.of(ActionItemForm.OWNER_ORGANISATION, "governance.action.owner.tooLong", MAX_NAME));
        }
        if (form.ownerPerson() != null && form.ownerPerson().strip().length() > MAX_NAME) {
            problems.add(Problem.of(ActionItemForm.OWNER_PERSON, "governance.action.person.tooLong", MAX_NAME));
        }
        if (form.dueOn() == null) {
            problems.add(Problem.of(ActionItemForm.DUE_ON, "governance.action.due.missing"));
        }
        if (form.links().size() > MAX_LINKS) {
            problems.add(Problem.of(ActionItemForm.LINKS, "governance.action.links.tooMany", MAX_LINKS));
        }
        for (int i = 0; i < form.links().size(); i++) {
            var link = form.links().get(i);
            if (!exists(link)) {
                problems.add(Problem.atRow(i + 1, ActionItemForm.LINKS, "governance.action.link.unknown",
                        link.text()));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
    }

    /**
     * Whether the linked figure exists (and the editor may see it).
     */
    private boolean exists(ActionItemLink link) {
        switch (link.kind()) {
            case MUNICIPALITY:
                return registry.exists(nl.doorstroom.shared.MunicipalityCode.of(link.target()));
            case ESCALATION_CASE:
                try {
                    escalations.find(link.id());
                    return true;
                }
                catch (SupervisionNotFound | AccessDeniedException e) {
                    return false;
                }
            case FORECAST_SCENARIO:
                try {
                    scenarios.find(link.id());
                    return true;
                }
                catch (ForecastNotFound | AccessDeniedException e) {
                    return false;
                }
            case ALLOCATION_SCENARIO:
                return allocationScenarios.find(link.id()).isPresent();
            default:
                return false;
        }
    }

    private static String facts(long meetingId, ActionItemForm form) {
        return "meeting=" + meetingId + " owner=" + form.ownerOrganisation().strip() + " due=" + form.dueOn()
                + " links=" + form.links().stream().map(ActionItemLink::text).toList();
    }

    private static Comparator<ActionItem> overdueFirst(LocalDate date) {
        return Comparator.comparing((ActionItem i) -> !i.overdueOn(date)).thenComparing(ActionItem::dueOn)
                .thenComparing(ActionItem::id);
    }

    // ---- scope

    /** The owners whose items the user sees; null for the table's members, who see all. */
    private Set<String> visibleOwners(DoorstroomUser user) {
        return TableMembers.seesEverything(user) ? null : organisationsOf(user);
    }

    private boolean visible(DoorstroomUser user, ActionItem item) {
        return TableMembers.seesEverything(user) || organisationsOf(user).stream().anyMatch(item::ownedBy);
    }

    Set<String> organisationsOf(DoorstroomUser user) {
        return TableMembers.organisationsOf(user,
                code -> registry.find(code).map(Municipality::name).orElse(code.value()),
                code -> registry.province(code).map(Province::name).orElse(code.value()));
    }
}
