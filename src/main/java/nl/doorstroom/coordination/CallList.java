package nl.doorstroom.coordination;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import nl.doorstroom.identity.AuditTrail;
import nl.doorstroom.identity.CurrentUser;
import nl.doorstroom.municipalities.MunicipalityRegistry;
import nl.doorstroom.progress.MonthlyFigure;
import nl.doorstroom.progress.ProgressMonitor;
import nl.doorstroom.progress.Realisation;
import nl.doorstroom.shared.EditConflict;
import nl.doorstroom.shared.InvalidInput;
import nl.doorstroom.shared.InvalidInput.Problem;
import nl.doorstroom.shared.MunicipalityCode;
import nl.doorstroom.sites.SiteInventory;
import nl.doorstroom.supervision.Escalations;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The call list: municipalities in the order the coordination centre calls them, each with the reasons
 * and figures of its priority under the {@link CallPolicy}; municipalities set aside until a date are
 * listed apart with the reason.
 */
@Service
public class CallList {

    private final StoredContacts stored;
    private final ProgressMonitor progress;
    private final Realisation realisation;
    private final MunicipalityRegistry registry;
    private final SiteInventory sites;
    private final AuditTrail audit;
    private final Escalations escalations;
    private final WholePicture wholePicture;

    CallList(StoredContacts stored, ProgressMonitor progress, Realisation realisation, MunicipalityRegistry registry,
            SiteInventory sites, AuditTrail audit, Escalations escalations, WholePicture wholePicture) {
        this.escalations = escalations;
        this.wholePicture = wholePicture;
        this.sites = sites;
        this.stored = stored;
        this.progress = progress;
        this.realisation = realisation;
        this.registry = registry;
        this.audit = audit;
    }

    /** A municipality set aside from the call list, until when and why. */
    public record SetAside(MunicipalityCode municipality, String name, LocalDate until, String reason, String setBy) {
    }

    /** The call list on a date, as far as the reader may see it, with the policy it was ordered by. */
    public record View(LocalDate date, List<CallPriority> priorities, List<SetAside> setAside, CallPolicy policy,
            int policyVersion, String policyChangedBy) {
    }

    @Transactional(readOnly = true)
    public View on(LocalDate date) {
        var user = Coordinators.requireReader();
        var visible = Coordinators.visible(user, registry);
        var policy = stored.policy();
        var asides = stored.setAside(date);
        var asideCodes = new HashSet<MunicipalityCode>();
        asides.forEach(a -> asideCodes.add(a.municipality()));
        var situations = situations(date, policy.policy()).stream()
                .filter(s -> !asideCodes.contains(s.code()) && (visible == null || visible.contains(s.code()))).toList();
        var names = names();
        var setAside = asides.stream().filter(a -> visible == null || visible.contains(a.municipality()))
                .map(a -> new SetAside(a.municipality(), names.getOrDefault(a.municipality(), a.municipality().value()),
                        a.until(), a.reason(), a.setBy()))
                .toList();
        return new View(date, CallPriorities.rank(situations, policy.policy()), setAside, policy.policy(),
                policy.version(), policy.changedBy());
    }

    private Map<MunicipalityCode, String> names() {
        return registry.names();
    }

    private List<CallSituation> situations(LocalDate date, CallPolicy policy) {
        var picture = progress.at(date);
        if (picture.isEmpty()) {
            return List.of();
        }
        var cooperation = stored.cooperation(date);
        var rising = rising(date);
        var places = sitePlaces();
        var escalated = escalations.openSteps();
        var effort = new java.util.HashMap<MunicipalityCode, Integer>();
        wholePicture.all(date, cooperation, escalated).forEach(r -> {
            // One figure alone (say one commitment kept) is no whole picture.
            if (r.effort().value() != null && r.effort().parts() >= 2) {
                effort.put(r.code(), r.effort().value());
            }
        });
        var situations = new ArrayList<CallSituation>();
        for (var m : picture.municipalities()) {
            var current = m.current();
            var c = cooperation.get(m.code());
            Integer weeksSince = c == null ? null : (int) ChronoUnit.WEEKS.between(c.lastCommitment(), date);
            situations.add(new CallSituation(m.code(), m.name(), m.provinceName(), current.correctedQuota(),
                    current.housed(), current.shortfall(), current.realisationPercent(), current.weeksBehind(),
                    c == null ? List.of() : c.decided(), weeksSince, rising.contains(m.code()),
                    places.getOrDefault(m.code(), 0L), c == null ? 0 : c.openNotDue(), escalated.get(m.code()),
                    effort.get(m.code())));
        }
        return situations;
    }

    /** Places at temporary sites agreed or in use per municipality, from the sites register (figures only). */
    private Map<MunicipalityCode, Long> sitePlaces() {
        var places = new HashMap<MunicipalityCode, Long>();
        sites.capacityByMunicipality().forEach((code, capacity) -> {
            if (capacity.agreedOrInUsePersons() > 0) {
                places.put(code, (long) capacity.agreedOrInUsePersons());
            }
        });
        return places;
    }

    /** Municipalities that housed more in the last reported month than in the month before. */
    private java.util.Set<MunicipalityCode> rising(LocalDate date) {
        var last = realisation.lastReportedMonth(date).orElse(YearMonth.from(date).minusMonths(1));
        var before = last.minusMonths(1);
        var byMonth = new HashMap<MunicipalityCode, int[]>();
        for (MonthlyFigure f : realisation.monthlyFrom(before)) {
            if (f.month().equals(before)) {
                byMonth.computeIfAbsent(f.municipality(), k -> new int[2])[0] = f.persons();
            }
            else if (f.month().equals(last)) {
                byMonth.computeIfAbsent(f.municipality(), k -> new int[2])[1] = f.persons();
            }
        }
        var rising = new HashSet<MunicipalityCode>();
        byMonth.forEach((code, v) -> {
            if (v[1] > v[0]) {
                rising.add(code);
            }
        });
        return rising;
    }

    /** Sets a municipality aside from the call list until a date, with a reason (coordinators). */
    @Transactional
    public void setAside(MunicipalityCode municipality, LocalDate until, String reason) {
        Coordinators.requireCoordinator();
        var problems = new ArrayList<Problem>();
        if (municipality == null || !registry.exists(municipality)) {
            problems.add(Problem.of("municipality", "coordination.municipality.unknown",
                    municipality == null ? "" : municipality.value()));
        }
        if (until == null) {
            problems.add(Problem.of("until", "coordination.date.missing"));
        }
        else if (until.isBefore(Contacts.today())) {
            problems.add(Problem.of("until", "coordination.until.past"));
        }
        var clean = ContactForm.clean(reason);
        if (clean == null) {
            problems.add(Problem.of("reason", "coordination.text.missing"));
        }
        else if (clean.length() > 500) {
            problems.add(Problem.of("reason", "coordination.text.tooLong", 500));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        stored.endSetAside(municipality, Contacts.today());
        stored.insertSetAside(municipality, until, clean, CurrentUser.actor());
        audit.recordChange("call-list.set-aside", "municipality", municipality.value(), "until=" + until);
    }

    /** Puts a municipality set aside back on the call list. */
    @Transactional
    public void restore(MunicipalityCode municipality) {
        Coordinators.requireCoordinator();
        if (stored.endSetAside(municipality, Contacts.today()) == 0) {
            throw InvalidInput.of("municipality", "coordination.setAside.none", municipality.value());
        }
        audit.recordChange("call-list.restored", "municipality", municipality.value(), null);
    }

    /** Changes the policy, based on the version read (national coordinators). */
    @Transactional
    public void changePolicy(CallPolicy policy, int version) {
        if (!Coordinators.mayKeepPolicy()) {
            throw new AccessDeniedException("Only national coordinators set the call-list policy");
        }
        var problems = policy.problems();
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        if (!stored.changePolicy(policy, version, CurrentUser.actor())) {
            throw new EditConflict("call policy");
        }
        audit.recordChange("call-policy.changed", "call-policy", 1, java.util.Arrays.toString(policy.values()));
    }
}
