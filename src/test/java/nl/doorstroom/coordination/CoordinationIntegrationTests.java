package nl.doorstroom.coordination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;

import nl.doorstroom.IntegrationTest;
import nl.doorstroom.TestUsers;
import nl.doorstroom.identity.AuditTrail;
import nl.doorstroom.identity.Role;
import nl.doorstroom.shared.EditConflict;
import nl.doorstroom.shared.InvalidInput;
import nl.doorstroom.shared.MunicipalityCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;

/** The coordination centre on embedded PostgreSQL with the demo data. */
@IntegrationTest
class CoordinationIntegrationTests {

    @Autowired
    Contacts contacts;

    @Autowired
    Commitments commitments;

    @Autowired
    CallList callList;

    @Autowired
    WeeklyTarget weekly;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    nl.doorstroom.sites.SiteInventory sites;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    static <T> T as(Role role, Callable<T> work) throws Exception {
        return TestUsers.as(role, work);
    }

    static LocalDate today() {
        return LocalDate.now(AuditTrail.ZONE);
    }

    static ContactForm call(MunicipalityCode municipality, String outcome, List<ContactForm.CommitmentForm> commitments,
            List<ContactForm.FollowUpForm> followUps) {
        return new ContactForm(Contact.Party.MUNICIPALITY, municipality, null, null, Contact.Kind.CALL,
                today().minusDays(7), "wethouder wonen", outcome, commitments, followUps);
    }

    static ContactForm.CommitmentForm promise(MunicipalityCode municipality, Integer places) {
        return new ContactForm.CommitmentForm(municipality, places, Commitment.Kind.HAR_HOTEL, null, today().plusDays(14));
    }

    long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }

    @Test
    void aContactIsLoggedWholeWithItsCommitmentsAndFollowUpsOrNotAtAll() throws Exception {
        var zeist = MunicipalityCode.of("GM0355");
        long contactsBefore = count("contact");
        long commitmentsBefore = count("commitment");

        var refused = catchThrowableOfType(InvalidInput.class, () -> as(Role.NATIONAL_COORDINATOR, () -> contacts.log(call(
                zeist, "Toegezegd", List.of(promise(zeist, 20), promise(zeist, 0)),
                List.of(new ContactForm.FollowUpForm("Terugbellen", today().plusDays(3), " "))))));

        assertThat(refused.problems()).extracting(InvalidInput.Problem::field)
                .containsExactly("commitments[1].places", "followUps[0].assignee");
        assertThat(count("contact")).isEqualTo(contactsBefore);
        assertThat(count("commitment")).isEqualTo(commitmentsBefore);

        long id = as(Role.NATIONAL_COORDINATOR, () -> contacts.log(call(zeist, "Twintig plaatsen in een hotel",
                List.of(promise(zeist, 20)), List.of(new ContactForm.FollowUpForm("Terugbellen", today().plusDays(3),
                        "coordinator")))));

        var detail = as(Role.NATIONAL_COORDINATOR, () -> contacts.find(id)).orElseThrow();
        assertThat(detail.contact().coordinator()).isEqualTo("test-national_coordinator");
        assertThat(detail.commitments()).singleElement().satisfies(c -> {
            assertThat(c.places()).isEqualTo(20);
            assertThat(c.status()).isEqualTo(Commitment.Status.OPEN);
            assertThat(c.madeOn()).isEqualTo(today().minusDays(7));
        });
        assertThat(detail.followUps()).singleElement().extracting(FollowUp::assignee).isEqualTo("coordinator");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'contact.read' AND subject_id = :id")
                .param("id", String.valueOf(id)).query(Long.class).single()).as("the read of a contact is audited").isPositive();
        var nobody = catchThrowableOfType(InvalidInput.class, () -> as(Role.NATIONAL_COORDINATOR, () -> contacts.log(call(
                zeist, "Typfout", List.of(), List.of(new ContactForm.FollowUpForm("Terugbellen", today(), "cordinator"))))));
        assertThat(nobody.problems()).extracting(InvalidInput.Problem::messageKey)
                .containsExactly("coordination.assignee.unknown");
    }

    @Test
    void placesAtATemporarySiteNameASiteOfTheRegisterInTheSameMunicipality() throws Exception {
        var site = as(Role.NATIONAL_COORDINATOR, () -> sites.search(nl.doorstroom.sites.SiteFilter.ALL)).get(0);
        var elsewhere = site.municipality().equals(MunicipalityCode.of("GM0344")) ? MunicipalityCode.of("GM0363")
                : MunicipalityCode.of("GM0344");

        var refused = catchThrowableOfType(InvalidInput.class, () -> as(Role.NATIONAL_COORDINATOR, () -> contacts.log(call(
                site.municipality(), "Locatie", List.of(
                        new ContactForm.CommitmentForm(site.municipality(), 10, Commitment.Kind.TEMPORARY_SITE, null, today()),
                        new ContactForm.CommitmentForm(site.municipality(), 10, Commitment.Kind.TEMPORARY_SITE, 999_999L, today()),
                        new ContactForm.CommitmentForm(elsewhere, 10, Commitment.Kind.TEMPORARY_SITE, site.id(), today())),
                List.of()))));
        long id = as(Role.NATIONAL_COORDINATOR, () -> contacts.log(call(site.municipality(), "Locatie", List.of(
                new ContactForm.CommitmentForm(site.municipality(), 10, Commitment.Kind.TEMPORARY_SITE, site.id(), today())),
                List.of())));

        assertThat(refused.problems()).extracting(InvalidInput.Problem::field, InvalidInput.Problem::messageKey)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("commitments[0].siteId", "coordination.site.missing"),
                        org.assertj.core.groups.Tuple.tuple("commitments[1].siteId", "coordination.site.unknown"),
                        org.assertj.core.groups.Tuple.tuple("commitments[2].siteId", "coordination.site.elsewhere"));
        assertThat(commitments(id)).singleElement().extracting(Commitment::siteId).isEqualTo(site.id());
    }

    @Test
    void aSecondCoordinatorChangingTheSameContactIsRefusedAndShownWhatIsStored() throws Exception {
        var bunnik = MunicipalityCode.of("GM0312");
        long id = as(Role.NATIONAL_COORDINATOR, () -> contacts.log(call(bunnik, "Eerste verslag", List.of(), List.of())));

        as(Role.NATIONAL_COORDINATOR, () -> {
            contacts.change(id, 0, call(bunnik, "Verslag van de een", List.of(), List.of()));
            return null;
        });
        var conflict = catchThrowableOfType(ContactConflict.class, () -> as(Role.COA_PLANNER, () -> {
            contacts.change(id, 0, call(bunnik, "Verslag van de ander", List.of(), List.of()));
            return null;
        }));

        assertThat(conflict.stored().outcome()).isEqualTo("Verslag van de een");
        assertThat(conflict.stored().version()).isEqualTo(1);
        assertThat(as(Role.NATIONAL_COORDINATOR, () -> contacts.find(id)).orElseThrow().contact().outcome())
                .isEqualTo("Verslag van de een");
    }

    @Test
    void aCommitmentEndsKeptPartlyKeptOrNotKeptEachByItsRule() throws Exception {
        var houten = MunicipalityCode.of("GM0321");
        long contact = as(Role.NATIONAL_COORDINATOR, () -> contacts.log(call(houten, "Belofte",
                List.of(promise(houten, 10)), List.of())));
        var commitment = commitments(contact).get(0);

        var keptFewer = catchThrowableOfType(InvalidInput.class, () -> decide(commitment.id(), 0, Commitment.Status.KEPT, 8, ""));
        var notKeptSilently = catchThrowableOfType(InvalidInput.class,
                () -> decide(commitment.id(), 0, Commitment.Status.NOT_KEPT, null, " "));
        decide(commitment.id(), 0, Commitment.Status.PARTLY_KEPT, 8, "");
        var stale = catchThrowableOfType(CommitmentConflict.class, () -> decide(commitment.id(), 0, Commitment.Status.KEPT, 10, ""));

        assertThat(keptFewer.problems()).extracting(InvalidInput.Problem::messageKey).containsExactly("coordination.kept.fewer");
        assertThat(notKeptSilently.problems()).extracting(InvalidInput.Problem::messageKey)
                .containsExactly("coordination.notKept.reasonMissing");
        assertThat(stale.stored().status()).isEqualTo(Commitment.Status.PARTLY_KEPT);
        var record = as(Role.NATIONAL_COORDINATOR, () -> commitments.of(houten));
        assertThat(record.count(Commitment.Status.PARTLY_KEPT)).isEqualTo(1);
        assertThat(record.realisedPlaces()).isEqualTo(8);
    }

    @Test
    void keptPlacesCountInTheWeekTheyWereRealisedByKindAndProvince() throws Exception {
        var woerden = MunicipalityCode.of("GM0632");
        long contact = as(Role.NATIONAL_COORDINATOR, () -> contacts.log(call(woerden, "Hotel",
                List.of(promise(woerden, 12)), List.of())));
        var before = as(Role.NATIONAL_COORDINATOR, () -> weekly.figures(8, today()));

        decide(commitments(contact).get(0).id(), 0, Commitment.Status.KEPT, 12, "");

        var after = as(Role.NATIONAL_COORDINATOR, () -> weekly.figures(8, today()));
        assertThat(after.lastWeek() - before.lastWeek()).isEqualTo(12);
        int last = after.weeks().size() - 1;
        assertThat(after.byKind().get(Commitment.Kind.HAR_HOTEL).get(last)
                - before.byKind().get(Commitment.Kind.HAR_HOTEL).get(last)).isEqualTo(12);
        long utrechtBefore = before.byProvince().containsKey("Utrecht") ? before.byProvince().get("Utrecht").get(last) : 0;
        assertThat(after.byProvince().get("Utrecht").get(last) - utrechtBefore).isEqualTo(12);
        assertThat(after.cumulative().get(last)).isEqualTo(after.total().stream().mapToLong(Long::longValue).sum());
    }

    @Test
    void aMunicipalitySetAsideLeavesTheCallListUntilItIsPutBack() throws Exception {
        var first = as(Role.NATIONAL_COORDINATOR, () -> callList.on(today())).priorities().get(0);

        as(Role.NATIONAL_COORDINATOR, () -> {
            callList.setAside(first.code(), today().plusDays(14), "Wethouder net vervangen; over twee weken");
            return null;
        });
        var aside = as(Role.NATIONAL_COORDINATOR, () -> callList.on(today()));
        as(Role.NATIONAL_COORDINATOR, () -> {
            callList.restore(first.code());
            return null;
        });
        var back = as(Role.NATIONAL_COORDINATOR, () -> callList.on(today()));

        assertThat(aside.priorities()).noneMatch(p -> p.code().equals(first.code()));
        assertThat(aside.setAside()).anySatisfy(a -> {
            assertThat(a.municipality()).isEqualTo(first.code());
            assertThat(a.reason()).isEqualTo("Wethouder net vervangen; over twee weken");
        });
        assertThat(back.priorities()).anyMatch(p -> p.code().equals(first.code()));
        var pastDate = catchThrowableOfType(InvalidInput.class, () -> as(Role.NATIONAL_COORDINATOR, () -> {
            callList.setAside(first.code(), today().minusDays(1), "te laat");
            return null;
        }));
        assertThat(pastDate.problems()).extracting(InvalidInput.Problem::field).containsExactly("until");
    }

    @Test
    void everyReasonOnTheCallListAddsUpToItsRank() throws Exception {
        var view = as(Role.NATIONAL_COORDINATOR, () -> callList.on(today()));

        assertThat(view.priorities()).isNotEmpty();
        for (var p : view.priorities()) {
            assertThat(p.points()).isEqualTo(p.reasons().stream().mapToInt(CallPriority.Reason::points).sum());
        }
    }

    @Test
    void aProvinceSeesItsOwnMunicipalitiesAMunicipalityOnlyItsCommitments() throws Exception {
        var province = as(Role.PROVINCE_SUPERVISOR, () -> callList.on(today()));
        var officerReadsList = catchThrowable(() -> as(Role.MUNICIPALITY_OFFICER, () -> callList.on(today())));
        var officerReadsOwn = as(Role.MUNICIPALITY_OFFICER, () -> commitments.of(MunicipalityCode.of("GM0344")));
        var officerReadsOther = catchThrowable(() -> as(Role.MUNICIPALITY_OFFICER,
                () -> commitments.of(MunicipalityCode.of("GM0363"))));
        var provinceReadsOther = catchThrowable(() -> as(Role.PROVINCE_SUPERVISOR,
                () -> commitments.of(MunicipalityCode.of("GM0363"))));
        var plannerSetsPolicy = catchThrowable(() -> as(Role.COA_PLANNER, () -> {
            callList.changePolicy(CallPolicy.DEFAULT, 0);
            return null;
        }));

        assertThat(province.priorities()).isNotEmpty().allSatisfy(p -> assertThat(p.province()).isEqualTo("Utrecht"));
        assertThat(officerReadsList).isInstanceOf(AccessDeniedException.class);
        assertThat(officerReadsOwn.municipality()).isEqualTo(MunicipalityCode.of("GM0344"));
        assertThat(officerReadsOther).isInstanceOf(AccessDeniedException.class);
        assertThat(provinceReadsOther).isInstanceOf(AccessDeniedException.class);
        assertThat(plannerSetsPolicy).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void thePolicyChangesWithTheVersionReadAndReordersTheList() throws Exception {
        var view = as(Role.NATIONAL_COORDINATOR, () -> callList.on(today()));
        var stricter = new CallPolicy(50, 40, 8, 20, 2, 20, 6, 15, 10, 15, 10, 10, 5, 15, 100, 20, 600);

        as(Role.NATIONAL_COORDINATOR, () -> {
            callList.changePolicy(stricter, view.policyVersion());
            return null;
        });
        var stale = catchThrowable(() -> as(Role.NATIONAL_COORDINATOR, () -> {
            callList.changePolicy(CallPolicy.DEFAULT, view.policyVersion());
            return null;
        }));
        var changed = as(Role.NATIONAL_COORDINATOR, () -> callList.on(today()));
        as(Role.NATIONAL_COORDINATOR, () -> {
            callList.changePolicy(CallPolicy.DEFAULT, changed.policyVersion());
            return null;
        });

        assertThat(stale).isInstanceOf(EditConflict.class);
        assertThat(changed.policy()).isEqualTo(stricter);
        assertThat(changed.priorities().stream().filter(p -> p.reasons().stream()
                .anyMatch(r -> r.messageKey().equals("coordination.reason.behind"))).count())
                .isGreaterThanOrEqualTo(view.priorities().stream().filter(p -> p.reasons().stream()
                        .anyMatch(r -> r.messageKey().equals("coordination.reason.behind"))).count());
    }

    List<Commitment> commitments(long contact) throws Exception {
        return as(Role.NATIONAL_COORDINATOR, () -> contacts.find(contact)).orElseThrow().commitments();
    }

    void decide(long id, int version, Commitment.Status status, Integer places, String reason) throws Exception {
        as(Role.NATIONAL_COORDINATOR, () -> {
            commitments.decide(id, version, status, places, places == null ? null : today(), reason);
            return null;
        });
    }
}
