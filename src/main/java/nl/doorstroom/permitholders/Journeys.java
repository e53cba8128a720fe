package nl.doorstroom.permitholders;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Set;

import nl.doorstroom.identity.AuditTrail;
import nl.doorstroom.identity.CurrentUser;
import nl.doorstroom.identity.Role;
import nl.doorstroom.identity.ScopeKind;
import nl.doorstroom.municipalities.Municipality;
import nl.doorstroom.municipalities.MunicipalityRegistry;
import nl.doorstroom.shared.InvalidInput;
import nl.doorstroom.shared.InvalidInput.Problem;
import nl.doorstroom.shared.MunicipalityCode;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The steps of a household's way to a home. COA planners link a household to a municipality and
 * cancel a link; the linked municipality (or COA) records a home offered, a HAR placement and the
 * move. Every step names the version of the household it was based on, so that two people recording
 * at once never overwrite each other; every step is kept in the timeline and the audit trail.
 */
@Service
public class Journeys {

    /** Roles that link households and cancel links. */
    public static final Set<Role> LINKERS = Set.of(Role.COA_PLANNER);
    /** Roles that record offers, HAR placements and moves (a municipality officer for its own households). */
    public static final Set<Role> RECORDERS = Set.of(Role.COA_PLANNER, Role.MUNICIPALITY_OFFICER);

    private final Households households;
    private final MunicipalityRegistry registry;
    private final LinkCancelReasons reasons;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;

    Journeys(Households households, MunicipalityRegistry registry, LinkCancelReasons reasons, AuditTrail audit,
            ApplicationEventPublisher events) {
        this.households = households;
        this.registry = registry;
        this.reasons = reasons;
        this.audit = audit;
        this.events = events;
    }

    public static boolean mayLink() {
        return CurrentUser.get().map(u -> LINKERS.contains(u.role())).orElse(false);
    }

    /** Whether the current user may record offers, HAR placements and moves for a household linked to this municipality. */
    public static boolean mayRecordFor(MunicipalityCode municipality) {
        return CurrentUser.get().map(u -> RECORDERS.contains(u.role()) && (u.scope().kind() == ScopeKind.NATION
                || municipality != null && municipality.equals(u.scope().municipality()))).orElse(false);
    }

    /**
     * Links a household to a municipality within its linking region, or outside it where a firm criterion
     * points there (the criterion is recorded as the reason).
     */
    @Transactional
    public Link link(long id, int version, MunicipalityCode municipality, LocalDate on) {
        if (!mayLink()) {
            throw new AccessDeniedException("Only COA planners link households");
        }
        if (municipality == null) {
            throw InvalidInput.of("municipality", "journey.link.municipalityMissing");
        }
        if (!registry.exists(municipality)) {
            throw InvalidInput.of("municipality", "household.municipality.unknown", municipality.value());
        }
        var household = load(id, version);
        var next = household.journey().link(on, HouseholdRegister.today());
        var reason = LinkingRule.check(household.region(), household.criteria(), municipality, this::regionOf);
        var actor = CurrentUser.actor();
        households.move(id, version, next, municipality, null, null, null, null);
        long linkId = households.link(id, municipality, on, reason.orElse(null), actor);
        households.event(id, "LINKED", on, municipality, household.persons(), reason.orElse(null), actor);
        audit.recordChange("household.linked", "household", id, "municipality=" + municipality.value()
                + reason.map(r -> " outside-region=" + r).orElse(""));
        events.publishEvent(new HouseholdLinked(id, municipality, on, household.persons()));
        return households.links(id).stream().filter(l -> l.id() == linkId).findFirst().orElseThrow();
    }

    /** Cancels the active link with a reason from the managed list; the household waits for a new link. */
    @Transactional
    public void cancelLink(long id, int version, String reason, String note, LocalDate on) {
        if (!mayLink()) {
            throw new AccessDeniedException("Only COA planners cancel links");
        }
        var problems = new ArrayList<Problem>();
        if (reason == null || reason.isBlank()) {
            problems.add(Problem.of("reason", "journey.cancel.reasonMissing"));
        }
        else if (!reasons.isActive(reason)) {
            problems.add(Problem.of("reason", "journey.cancel.reasonUnknown", reason));
        }
        var cleanNote = note == null || note.isBlank() ? null : note.strip();
        if (cleanNote != null && cleanNote.length() > 500) {
            problems.add(Problem.of("note", "journey.note.tooLong", 500));
        }
        if ("OTHER".equals(reason) && cleanNote == null) {
            problems.add(Problem.of("note", "journey.cancel.noteNeeded"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        var household = load(id, version);
        var next = household.journey().cancelLink(on, HouseholdRegister.today());
        var municipality = household.municipality();
        households.move(id, version, next, null, null, null, null, null);
        households.cancelActiveLink(id, on, reason, cleanNote, CurrentUser.actor());
        households.event(id, "LINK_CANCELLED", on, municipality, household.persons(), reason, CurrentUser.actor());
        audit.recordChange("household.link-cancelled", "household", id,
                "municipality=" + municipality.value() + " reason=" + reason);
        events.publishEvent(new LinkCancelled(id, municipality, on, reason));
    }

    /** The municipality offered a home: the district it lies in and its number of rooms. */
    @Transactional
    public void offer(long id, int version, LocalDate on, String district, Integer rooms) {
        var dwelling = dwelling(district, rooms);
        var household = loadForRecording(id, version);
        var next = household.journey().offer(on, HouseholdRegister.today());
        households.move(id, version, next, household.municipality(), dwelling.district(), dwelling.rooms(), null, null);
        households.event(id, "OFFERED", on, household.municipality(), household.persons(),
                dwelling.district() + ", " + dwelling.rooms(), CurrentUser.actor());
        audit.recordChange("household.offered", "household", id, "municipality=" + household.municipality().value());
        events.publishEvent(new HouseholdsChanged());
    }

    /**
     * Placed in temporary accommodation inside the linked municipality under the HAR, for at most six
     * months. Counts toward the municipality's quota from this day (DOMAIN.md, HAR).
     */
    @Transactional
    public void placeUnderHar(long id, int version, LocalDate on, String place) {
        var cleanPlace = place == null ? "" : place.strip();
        if (cleanPlace.isEmpty()) {
            throw InvalidInput.of("place", "journey.har.placeMissing");
        }
        if (cleanPlace.length() > 120) {
            throw InvalidInput.of("place", "journey.har.placeTooLong", 120);
        }
        var household = loadForRecording(id, version);
        checkHorizon(on);
        var next = household.journey().placeUnderHar(on, HouseholdRegister.today());
        households.move(id, version, next, household.municipality(), household.offerDistrict(), household.offerRooms(),
                cleanPlace, household.persons());
        households.event(id, "HAR_PLACED", on, household.municipality(), household.persons(), cleanPlace,
                CurrentUser.actor());
        audit.recordChange("household.har-placed", "household", id, "municipality=" + household.municipality().value());
        housed(household, next, true);
    }

    /**
     * Moved into a home: after an offer (whose dwelling it is), or from a HAR place, in which case the
     * district and rooms of the home are given here. Counts toward the quota unless a HAR placement did.
     */
    @Transactional
    public void moveIn(long id, int version, LocalDate on, String district, Integer rooms) {
        var household = loadForRecording(id, version);
        String homeDistrict = household.offerDistrict();
        Integer homeRooms = household.offerRooms();
        if (household.stage() == Stage.HAR) {
            var dwelling = dwelling(district, rooms);
            homeDistrict = dwelling.district();
            homeRooms = dwelling.rooms();
        }
        var next = household.journey().moveIn(on, HouseholdRegister.today());
        if (next.countsFrom(household.journey())) {
            checkHorizon(on);
        }
        var counted = next.countsFrom(household.journey()) ? Integer.valueOf(household.persons()) : household.countedPersons();
        households.move(id, version, next, household.municipality(), homeDistrict, homeRooms, household.harPlace(), counted);
        households.event(id, "MOVED_IN", on, household.municipality(), household.persons(),
                homeDistrict + ", " + homeRooms, CurrentUser.actor());
        audit.recordChange("household.moved-in", "household", id, "municipality=" + household.municipality().value());
        if (next.countsFrom(household.journey())) {
            housed(household, next, false);
        }
        else {
            events.publishEvent(new HouseholdsChanged());
        }
    }

    /**
     * A step that counts toward a quota may be dated back to the start of the previous month at most: COA
     * reports a month after it ends, so that month may still be completed, but an older month has been
     * reported and may have been assessed on a cut-off date. Older history is taken over with
     * {@link HouseholdRegister#recordHistory}.
     */
    private static void checkHorizon(LocalDate on) {
        var earliest = HouseholdRegister.today().withDayOfMonth(1).minusMonths(1);
        if (on != null && on.isBefore(earliest)) {
            throw InvalidInput.of("occurredOn", "journey.date.beforeHorizon", on.toString(), earliest.toString());
        }
    }

    private void housed(Household household, Journey next, boolean underHar) {
        events.publishEvent(new HouseholdHoused(household.id(), household.municipality(), next.countedOn(),
                household.persons(), underHar));
    }

    private record Dwelling(String district, int rooms) {
    }

    private static Dwelling dwelling(String district, Integer rooms) {
        var problems = new ArrayList<Problem>();
        var clean = district == null ? "" : district.strip();
        if (clean.isEmpty()) {
            problems.add(Problem.of("district", "journey.dwelling.districtMissing"));
        }
        else if (clean.length() > 80) {
            problems.add(Problem.of("district", "journey.dwelling.districtTooLong", 80));
        }
        if (rooms == null) {
            problems.add(Problem.of("rooms", "journey.dwelling.roomsMissing"));
        }
        else if (rooms < 1 || rooms > 12) {
            problems.add(Problem.of("rooms", "journey.dwelling.roomsRange", 1, 12));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        return new Dwelling(clean, rooms);
    }

    private Household load(long id, int version) {
        var household = households.find(id, true).orElseThrow(() -> new HouseholdNotFound(id));
        if (household.version() != version) {
            throw new nl.doorstroom.shared.EditConflict("household " + id);
        }
        return household;
    }

    /** A household the current user may record a step for: its municipality's officer, or COA. */
    private Household loadForRecording(long id, int version) {
        var user = CurrentUser.get().orElseThrow(() -> new AccessDeniedException("Not signed in"));
        if (!RECORDERS.contains(user.role())) {
            throw new AccessDeniedException("This role records no housing steps");
        }
        var household = households.find(id, true).orElseThrow(() -> new HouseholdNotFound(id));
        if (user.scope().kind() != ScopeKind.NATION) {
            if (household.municipality() == null || !household.municipality().equals(user.scope().municipality())) {
                // Outside the officer's municipality: not told apart from a household that does not exist.
                throw new HouseholdNotFound(id);
            }
        }
        if (household.version() != version) {
            throw new nl.doorstroom.shared.EditConflict("household " + id);
        }
        return household;
    }

    private String regionOf(MunicipalityCode code) {
        return registry.find(code).map(Municipality::coaRegion).orElseThrow();
    }
}
