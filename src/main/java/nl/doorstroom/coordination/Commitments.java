package nl.doorstroom.coordination;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import nl.doorstroom.identity.AuditTrail;
import nl.doorstroom.identity.CurrentUser;
import nl.doorstroom.identity.DoorstroomUser;
import nl.doorstroom.identity.Role;
import nl.doorstroom.municipalities.MunicipalityRegistry;
import nl.doorstroom.permitholders.HouseholdOverview;
import nl.doorstroom.shared.InvalidInput;
import nl.doorstroom.shared.InvalidInput.Problem;
import nl.doorstroom.shared.MunicipalityCode;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Commitments tracked to their end: kept (the places realised, and when), partly kept (the same, fewer
 * than promised), or not kept (with a reason). The register's evidence is shown beside each: what the
 * municipality placed under the HAR and housed since the commitment was made.
 */
@Service
public class Commitments {

    private final StoredContacts stored;
    private final MunicipalityRegistry registry;
    private final HouseholdOverview register;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;

    Commitments(StoredContacts stored, MunicipalityRegistry registry, HouseholdOverview register, AuditTrail audit,
            ApplicationEventPublisher events) {
        this.stored = stored;
        this.registry = registry;
        this.register = register;
        this.audit = audit;
        this.events = events;
    }

    /** What the register shows a municipality did since a commitment was made: HAR placements and direct moves. */
    public record Evidence(long harPersons, long movedPersons) {

        public long total() {
            return harPersons + movedPersons;
        }
    }

    /** A municipality's commitments with how many were kept. */
    public record Record(MunicipalityCode municipality, List<Commitment> commitments) {

        public long count(Commitment.Status status) {
            return commitments.stream().filter(c -> c.status() == status).count();
        }

        public long promisedPlaces() {
            return commitments.stream().mapToLong(Commitment::places).sum();
        }

        public long realisedPlaces() {
            return commitments.stream().mapToLong(c -> c.realisedPlaces() == null ? 0 : c.realisedPlaces()).sum();
        }
    }

    public static boolean mayRead(MunicipalityCode municipality) {
        return CurrentUser.get().map(u -> reads(u, municipality)).orElse(false);
    }

    private static boolean reads(DoorstroomUser user, MunicipalityCode municipality) {
        if (user.role() == Role.MUNICIPALITY_OFFICER) {
            return municipality.equals(user.scope().municipality());
        }
        return Coordinators.READERS.contains(user.role());
    }

    private DoorstroomUser requireReaderOf(MunicipalityCode municipality) {
        var user = CurrentUser.get().orElseThrow(() -> new AccessDeniedException("Not signed in"));
        var visible = Coordinators.READERS.contains(user.role()) ? Coordinators.visible(user, registry) : null;
        boolean allowed = reads(user, municipality) && (visible == null || visible.contains(municipality));
        if (!allowed) {
            throw new AccessDeniedException("Not this municipality's commitments");
        }
        return user;
    }

    /**
     * How many commitments a municipality made in a period, how many of those are decided and how many kept (as
     * they stand now). Counts only, no contact or person: open data and reports may show them to every reader.
     */
    public record PeriodTally(int made, int decided, int kept) {
    }

    /** Per municipality with any, the tally of the commitments made from {@code from} to {@code to} (inclusive). */
    @Transactional(readOnly = true)
    public Map<MunicipalityCode, PeriodTally> madeBetween(LocalDate from, LocalDate to) {
        CurrentUser.get().orElseThrow(() -> new AccessDeniedException("Not signed in"));
        return Map.copyOf(stored.tallyMadeBetween(from, to));
    }

    /** A municipality's commitments, latest first (for its officer, the coordination centre, its province). */
    @Transactional(readOnly = true)
    public Record of(MunicipalityCode municipality) {
        requireReaderOf(municipality);
        return new Record(municipality, stored.commitmentsOf(municipality));
    }

    @Transactional(readOnly = true)
    public Optional<Commitment> find(long id) {
        var commitment = stored.commitment(id);
        commitment.ifPresent(c -> requireReaderOf(c.municipality()));
        return commitment;
    }

    /** Open commitments, the earliest expected first (for the coordination centre). */
    @Transactional(readOnly = true)
    public List<Commitment> open(int limit) {
        var user = Coordinators.requireReader();
        var visible = Coordinators.visible(user, registry);
        return stored.commitments(true, Math.max(1, Math.min(1000, limit))).stream()
                .filter(c -> visible == null || visible.contains(c.municipality())).toList();
    }

    @Transactional(readOnly = true)
    public Evidence evidence(Commitment commitment) {
        var counted = register.countedSince(commitment.municipality(), commitment.madeOn());
        return new Evidence(counted.harPersons(), counted.movedPersons());
    }

    /**
     * Records how a commitment ended, based on the version read: kept (places realised = promised or
     * more), partly kept (fewer), or not kept (reason required). A decision can be corrected the same way.
     */
    @Transactional
    public void decide(long id, int version, Commitment.Status status, Integer realisedPlaces, LocalDate realisedOn,
            String reason) {
        Coordinators.requireCoordinator();
        var commitment = stored.commitment(id).orElseThrow(() -> new CoordinationNotFound("commitment", id));
        var problems = new ArrayList<Problem>();
        var cleanReason = ContactForm.clean(reason);
        var today = Contacts.today();
        if (status == null || status == Commitment.Status.OPEN) {
            problems.add(Problem.of("status", "coordination.decision.missing"));
        }
        else if (status == Commitment.Status.NOT_KEPT) {
            if (cleanReason == null) {
                problems.add(Problem.of("reason", "coordination.notKept.reasonMissing"));
            }
            realisedPlaces = null;
            realisedOn = null;
        }
        else {
            if (realisedPlaces == null) {
                problems.add(Problem.of("realisedPlaces", "coordination.realised.missing"));
            }
            else if (status == Commitment.Status.KEPT && realisedPlaces < commitment.places()) {
                problems.add(Problem.of("realisedPlaces", "coordination.kept.fewer", commitment.places()));
            }
            else if (status == Commitment.Status.PARTLY_KEPT
                    && (realisedPlaces < 1 || realisedPlaces >= commitment.places())) {
                problems.add(Problem.of("realisedPlaces", "coordination.partly.range", commitment.places() - 1));
            }
            if (realisedOn == null) {
                problems.add(Problem.of("realisedOn", "coordination.date.missing"));
            }
            else if (realisedOn.isAfter(today)) {
                problems.add(Problem.of("realisedOn", "coordination.date.future", realisedOn.toString()));
            }
            else if (realisedOn.isBefore(commitment.madeOn())) {
                problems.add(Problem.of("realisedOn", "coordination.realised.beforeMade", commitment.madeOn().toString()));
            }
        }
        if (cleanReason != null && cleanReason.length() > 500) {
            problems.add(Problem.of("reason", "coordination.text.tooLong", 500));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        if (commitment.version() != version
                || !stored.decide(id, version, status, realisedPlaces, realisedOn, cleanReason, CurrentUser.actor())) {
            throw new CommitmentConflict(stored.commitment(id).orElseThrow());
        }
        audit.recordChange("commitment.decided", "commitment", id, "status=" + status
                + (realisedPlaces == null ? "" : " realised=" + realisedPlaces));
        events.publishEvent(new CommitmentDecided(id, commitment.municipality(), status, realisedPlaces, realisedOn));
    }
}
