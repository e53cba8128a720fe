package nl.doorstroom.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import nl.doorstroom.IntegrationTest;
import nl.doorstroom.TestUsers;
import nl.doorstroom.identity.AuditTrail;
import nl.doorstroom.identity.Role;
import nl.doorstroom.shared.EditConflict;
import nl.doorstroom.shared.InvalidInput;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/**
 * Meetings and action items against the shared database (which holds the demo's meetings too): each test records
 * its own meeting and items with owners of its own, and looks only at those.
 */
@IntegrationTest
class MeetingsIntegrationTests {

    @Autowired
    Meetings meetings;

    @Autowired
    ActionItems actionItems;

    @Autowired
    AuditTrail audit;

    static LocalDate today() {
        return LocalDate.now(AuditTrail.ZONE);
    }

    static String owner(String name) {
        return "Testorganisatie " + name + " " + System.nanoTime();
    }

    static MeetingForm meetingOn(LocalDate day, String title) {
        return new MeetingForm(day, MeetingKind.REGULAR, title,
                List.of(new Meeting.Participant("COA", "J. Jansen"), new Meeting.Participant("Ministerie van BZK", null)),
                List.of(new Meeting.AgendaItem("Opening", null), new Meeting.AgendaItem("Toewijzingspercentage", "stand")),
                "Verslag van de test", List.of("Eerste besluit", "Tweede besluit"));
    }

    static ActionItemForm item(String what, String owner, LocalDate due, ActionItemLink... links) {
        return new ActionItemForm(what, owner, "A. de Vries", due, List.of(links));
    }

    @Test
    void aMeetingIsRecordedWithTwoActionItemsAndEveryChangeIsAudited() throws Exception {
        var day = today().minusDays(3);

        var recorded = TestUsers.as(Role.NATIONAL_COORDINATOR, () -> {
            long meeting = meetings.record(meetingOn(day, "Test: twee actiepunten"));
            long first = actionItems.record(meeting, item("Opties bespreken", owner("a"), day.plusDays(14),
                    ActionItemLink.parse("MUNICIPALITY:GM0344")));
            long second = actionItems.record(meeting, item("Extra overleg plannen", owner("b"), day.plusDays(7)));
            return new long[] { meeting, first, second };
        });
        var read = TestUsers.as(Role.COA_PLANNER, () -> meetings.find(recorded[0]));
        var items = TestUsers.as(Role.COA_PLANNER, () -> actionItems.ofMeeting(recorded[0]));
        var trail = audit.search(new AuditTrail.AuditQuery("test-national_coordinator", null, null, null, null), 0, 50);

        assertThat(read.decisions()).extracting(Meeting.Decision::number).containsExactly(1, 2);
        assertThat(read.agendaItems()).extracting(Meeting.AgendaItem::title).containsExactly("Opening", "Toewijzingspercentage");
        assertThat(read.participants()).extracting(Meeting.Participant::organisation).containsExactly("COA", "Ministerie van BZK");
        assertThat(read.minutes()).isEqualTo("Verslag van de test");
        assertThat(items).extracting(ActionItem::id).containsExactlyInAnyOrder(recorded[1], recorded[2]);
        assertThat(items).allMatch(i -> i.status() == ActionItemStatus.OPEN && i.statusOn().equals(day));
        assertThat(items.stream().filter(i -> i.id() == recorded[1]).findFirst().orElseThrow().links())
                .containsExactly(new ActionItemLink(ActionItemLink.Kind.MUNICIPALITY, "GM0344"));
        assertThat(trail.events()).anyMatch(e -> e.action().equals("meeting.recorded") && e.subjectId().equals(String.valueOf(recorded[0])));
        assertThat(trail.events()).anyMatch(e -> e.action().equals("action-item.recorded") && e.subjectId().equals(String.valueOf(recorded[1])));
        assertThat(trail.events()).anyMatch(e -> e.action().equals("action-item.recorded") && e.subjectId().equals(String.valueOf(recorded[2])));
    }

    @Test
    void aStaleVersionIsRefusedForMeetingsAndActionItems() throws Exception {
        TestUsers.as(Role.MINISTRY_ANALYST, () -> {
            long meeting = meetings.record(meetingOn(today(), "Test: versie"));
            long id = actionItems.record(meeting, item("Versie", owner("v"), today().plusDays(3)));
            var changed = meetings.change(meeting, 0, meetingOn(today(), "Test: versie gewijzigd"));
            assertThat(changed.version()).isEqualTo(1);
            assertThat(changed.title()).isEqualTo("Test: versie gewijzigd");
            assertThatThrownBy(() -> meetings.change(meeting, 0, meetingOn(today(), "Test: overschreven")))
                    .isInstanceOf(EditConflict.class);
            actionItems.changeStatus(id, 0, ActionItemStatus.IN_PROGRESS, null, null);
            assertThatThrownBy(() -> actionItems.changeStatus(id, 0, ActionItemStatus.DONE, null, null))
                    .isInstanceOf(EditConflict.class);
            assertThatThrownBy(() -> actionItems.change(id, 0, item("Overschreven", owner("v"), today())))
                    .isInstanceOf(EditConflict.class);
            assertThat(meetings.find(meeting).title()).isEqualTo("Test: versie gewijzigd");
            assertThat(actionItems.find(id).status()).isEqualTo(ActionItemStatus.IN_PROGRESS);
            return null;
        });
    }

    @Test
    void whatWasOpenOnAPastDateStaysTheSameAfterTheStatusChangesToday() throws Exception {
        var held = today().minusDays(20);
        var past = today().minusDays(10);

        long id = TestUsers.as(Role.NATIONAL_COORDINATOR, () -> {
            long meeting = meetings.record(meetingOn(held, "Test: reproduceerbaar"));
            return actionItems.record(meeting, item("Reproduceerbaar", owner("r"), today().minusDays(15)));
        });
        var before = TestUsers.as(Role.NATIONAL_COORDINATOR, () -> actionItems.openOn(past));
        TestUsers.as(Role.NATIONAL_COORDINATOR, () -> actionItems.changeStatus(id, 0, ActionItemStatus.DONE, null, "klaar"));
        var after = TestUsers.as(Role.NATIONAL_COORDINATOR, () -> actionItems.openOn(past));
        var overdueThen = TestUsers.as(Role.NATIONAL_COORDINATOR, () -> actionItems.overdueOn(past));
        var openToday = TestUsers.as(Role.NATIONAL_COORDINATOR, () -> actionItems.openOn(today()));
        var beforeItExisted = TestUsers.as(Role.NATIONAL_COORDINATOR, () -> actionItems.openOn(held.minusDays(1)));

        assertThat(before).filteredOn(i -> i.id() == id).singleElement()
                .satisfies(i -> assertThat(i.status()).isEqualTo(ActionItemStatus.OPEN));
        assertThat(after).filteredOn(i -> i.id() == id).singleElement()
                .satisfies(i -> assertThat(i.status()).isEqualTo(ActionItemStatus.OPEN));
        assertThat(overdueThen).anyMatch(i -> i.id() == id);
        assertThat(openToday).noneMatch(i -> i.id() == id);
        assertThat(beforeItExisted).noneMatch(i -> i.id() == id);
    }

    @Test
    void aStatusMayNotBeDatedInTheFutureNorBeforeTheCurrentOneNorMoveAClosedItemElsewhereThanOpen() throws Exception {
        TestUsers.as(Role.NATIONAL_COORDINATOR, () -> {
            long meeting = meetings.record(meetingOn(today().minusDays(5), "Test: statusregels"));
            long id = actionItems.record(meeting, item("Statusregels", owner("s"), today()));
            assertThatThrownBy(() -> actionItems.changeStatus(id, 0, ActionItemStatus.DONE, today().plusDays(1), null))
                    .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems())
                            .extracting(InvalidInput.Problem::messageKey).containsExactly("governance.action.statusOn.future"));
            assertThatThrownBy(() -> actionItems.changeStatus(id, 0, ActionItemStatus.DONE, today().minusDays(6), null))
                    .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems())
                            .extracting(InvalidInput.Problem::messageKey).containsExactly("governance.action.statusOn.beforeCurrent"));
            actionItems.changeStatus(id, 0, ActionItemStatus.DONE, null, null);
            assertThatThrownBy(() -> actionItems.changeStatus(id, 1, ActionItemStatus.CANCELLED, null, null))
                    .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems())
                            .extracting(InvalidInput.Problem::messageKey).containsExactly("governance.action.status.notAllowed"));
            assertThat(actionItems.history(id)).extracting(ActionItemStatusChange::status)
                    .containsExactly(ActionItemStatus.OPEN, ActionItemStatus.DONE);
            return null;
        });
    }

    @Test
    void anItemIsOverdueTheDayAfterItsDueDateUntilItIsDone() throws Exception {
        var ids = TestUsers.as(Role.NATIONAL_COORDINATOR, () -> {
            long meeting = meetings.record(meetingOn(today().minusDays(10), "Test: termijn"));
            long late = actionItems.record(meeting, item("Te laat", owner("o"), today().minusDays(2)));
            long dueToday = actionItems.record(meeting, item("Vandaag", owner("o"), today()));
            long done = actionItems.record(meeting, item("Klaar", owner("o"), today().minusDays(2)));
            actionItems.changeStatus(done, 0, ActionItemStatus.DONE, null, null);
            return new long[] { late, dueToday, done };
        });

        var overdue = TestUsers.as(Role.PROVINCE_SUPERVISOR, () -> actionItems.overdueOn(today()));
        var listed = TestUsers.as(Role.PROVINCE_SUPERVISOR,
                () -> actionItems.search(new ActionItems.Query(false, null, null, Boolean.TRUE)));

        assertThat(overdue).anyMatch(i -> i.id() == ids[0]).noneMatch(i -> i.id() == ids[1] || i.id() == ids[2]);
        assertThat(listed).anyMatch(i -> i.id() == ids[0]).noneMatch(i -> i.id() == ids[1] || i.id() == ids[2]);
        assertThat(overdue).allMatch(i -> i.overdueOn(today()));
    }

    @Test
    void theAgendaOfThePlannedMeetingListsTheItemsOpenOnItsDayOverdueFirst() throws Exception {
        var meetingDay = today().plusDays(30);
        var ids = TestUsers.as(Role.NATIONAL_COORDINATOR, () -> {
            long earlier = meetings.record(meetingOn(today().minusDays(7), "Test: vorige week"));
            long overdue = actionItems.record(earlier, item("Over de termijn", owner("g"), today().minusDays(1)));
            long open = actionItems.record(earlier, item("Nog open", owner("g"), today().plusDays(60)));
            long done = actionItems.record(earlier, item("Afgerond", owner("g"), today().plusDays(5)));
            actionItems.changeStatus(done, 0, ActionItemStatus.DONE, null, null);
            long planned = meetings.record(meetingOn(meetingDay, "Test: volgende"));
            return new long[] { overdue, open, done, planned, earlier };
        });

        var agenda = TestUsers.as(Role.COA_PLANNER, () -> meetings.agendaOf(ids[3]));
        var pastAgenda = TestUsers.as(Role.COA_PLANNER, () -> meetings.agendaOf(ids[4]));

        assertThat(agenda.planned()).isTrue();
        var listed = agenda.openActionItems().stream().map(ActionItem::id).toList();
        assertThat(listed).contains(ids[0], ids[1]).doesNotContain(ids[2]);
        assertThat(listed.indexOf(ids[0])).isLessThan(listed.indexOf(ids[1]));
        // Every item overdue on the meeting's day comes before every one that is not.
        var overdueFlags = agenda.openActionItems().stream().map(i -> i.overdueOn(meetingDay)).toList();
        assertThat(overdueFlags.indexOf(false) < 0 || overdueFlags.lastIndexOf(true) < overdueFlags.indexOf(false)).isTrue();
        assertThat(pastAgenda.planned()).isFalse();
        assertThat(pastAgenda.openActionItems()).isEmpty();
    }

    @Test
    void aMunicipalityOfficerSeesOnlyItsOwnItemsAndNoMinutesAndMayMoveOnlyThoseItems() throws Exception {
        var ids = TestUsers.as(Role.NATIONAL_COORDINATOR, () -> {
            long meeting = meetings.record(meetingOn(today().minusDays(1), "Test: scope"));
            long own = actionItems.record(meeting, item("Woningen toelichten", "gemeente utrecht", today().plusDays(7)));
            long other = actionItems.record(meeting, item("Niet van Utrecht", owner("x"), today().plusDays(7)));
            return new long[] { meeting, own, other };
        });

        var seen = TestUsers.as(Role.MUNICIPALITY_OFFICER, () -> actionItems.search(new ActionItems.Query(false, null, null, null)));
        var meeting = TestUsers.as(Role.MUNICIPALITY_OFFICER, () -> meetings.find(ids[0]));
        var moved = TestUsers.as(Role.MUNICIPALITY_OFFICER,
                () -> actionItems.changeStatus(ids[1], 0, ActionItemStatus.IN_PROGRESS, null, "bezig"));
        var corporationSees = TestUsers.as(Role.HOUSING_CORPORATION, () -> actionItems.openOn(today()));

        assertThat(seen).isNotEmpty().allMatch(i -> i.ownedBy("Gemeente Utrecht"));
        assertThat(seen).anyMatch(i -> i.id() == ids[1]).noneMatch(i -> i.id() == ids[2]);
        assertThat(meeting.minutes()).isNull();
        assertThat(meeting.minutesHidden()).isTrue();
        assertThat(meeting.decisions()).hasSize(2);
        assertThat(moved.status()).isEqualTo(ActionItemStatus.IN_PROGRESS);
        assertThat(moved.statusBy()).isEqualTo("test-municipality_officer");
        assertThat(corporationSees).allMatch(i -> i.ownedBy("Woonstichting Test"));
        assertThatThrownBy(() -> TestUsers.as(Role.MUNICIPALITY_OFFICER, () -> actionItems.find(ids[2])))
                .isInstanceOf(MeetingNotFound.class);
        assertThatThrownBy(() -> TestUsers.as(Role.MUNICIPALITY_OFFICER, () -> meetings.record(meetingOn(today(), "x"))))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> TestUsers.as(Role.COA_PLANNER,
                () -> actionItems.changeStatus(ids[2], 0, ActionItemStatus.DONE, null, null)))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void linksToFiguresThatDoNotExistAreRefusedWithTheirRowAndAllocationScenariosAreKeptAsGiven() throws Exception {
        TestUsers.as(Role.NATIONAL_COORDINATOR, () -> {
            long meeting = meetings.record(meetingOn(today(), "Test: koppelingen"));
            assertThatThrownBy(() -> actionItems.record(meeting, item("", "", null,
                    ActionItemLink.parse("MUNICIPALITY:GM9999"), ActionItemLink.parse("ESCALATION_CASE:999999999"),
                    ActionItemLink.parse("FORECAST_SCENARIO:999999999"))))
                    .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems())
                            .extracting(p -> p.field() + "@" + p.row())
                            .containsExactly("what@0", "ownerOrganisation@0", "dueOn@0", "links@1", "links@2", "links@3"));
            long id = actionItems.record(meeting, item("Toewijzing", owner("t"), today(),
                    ActionItemLink.parse("ALLOCATION_SCENARIO:12")));
            assertThat(actionItems.find(id).links()).extracting(ActionItemLink::text).containsExactly("ALLOCATION_SCENARIO:12");
            return null;
        });
    }
}
