package nl.doorstroom.permitholders;

import java.io.Reader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import nl.doorstroom.identity.AuditTrail;
import nl.doorstroom.identity.CurrentUser;
import nl.doorstroom.identity.Role;
import nl.doorstroom.municipalities.Municipality;
import nl.doorstroom.municipalities.MunicipalityRegistry;
import nl.doorstroom.shared.InvalidInput;
import nl.doorstroom.shared.InvalidInput.Problem;
import nl.doorstroom.shared.MunicipalityCode;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The register of permit-holder households in reception, kept by COA planners: register one, import
 * COA's export (all or nothing), change one. Every read of households by a person is written to the
 * audit trail in the same transaction (who, when, which households), and so is every export.
 */
@Service
public class HouseholdRegister {

    /** Roles that register, import and change households. */
    public static final Set<Role> REGISTRARS = Set.of(Role.COA_PLANNER);

    /** Roles that see households at all, each within its scope ({@link Visibility}); others see counts only. */
    public static final Set<Role> READERS = Visibility.READERS;

    /** The most households one export holds; a larger selection is refused with a message. */
    public static final int EXPORT_LIMIT = 100_000;

    private final Households households;
    private final MunicipalityRegistry registry;
    private final AuditTrail audit;
    private final JdbcClient jdbc;
    private final org.springframework.context.ApplicationEventPublisher events;

    HouseholdRegister(Households households, MunicipalityRegistry registry, AuditTrail audit, JdbcClient jdbc,
            org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.households = households;
        this.registry = registry;
        this.audit = audit;
        this.jdbc = jdbc;
    }

    public static boolean mayRegister() {
        return CurrentUser.get().map(u -> REGISTRARS.contains(u.role())).orElse(false);
    }

    /** Whether the current user may see households at all (within their scope). */
    public static boolean mayRead() {
        return Visibility.mayRead();
    }

    static LocalDate today() {
        return LocalDate.now(AuditTrail.ZONE);
    }

    @Transactional
    public long register(HouseholdForm form) {
        requireRegistrar();
        var problems = form.problems(0, registry::exists, today(), List.of());
        if (problems.isEmpty() && households.referenceExists(form.strippedReference())) {
            problems.add(Problem.of(HouseholdForm.REFERENCE, "households.reference.exists", form.strippedReference()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        long id;
        try {
            id = store(List.of(form)).get(0);
        }
        catch (DuplicateKeyException e) {
            // Registered by someone else in the same moment.
            throw InvalidInput.of(HouseholdForm.REFERENCE, "households.reference.exists", form.strippedReference());
        }
        audit.recordChange("household.registered", "household", id, "persons=" + form.members().size());
        events.publishEvent(new HouseholdsChanged());
        return id;
    }

    /**
     * Imports COA's export of households. All or nothing: a file with any bad row (unknown municipality,
     * permit date in the future, household without members, a reference twice or already registered) is
     * refused whole, with every problem by row and column.
     */
    @Transactional
    public int importFile(Reader csv) {
        requireRegistrar();
        var entries = HouseholdFile.read(csv, registry::exists, today(),
                references -> Set.copyOf(households.existingReferences(references)));
        List<Long> ids;
        try {
            ids = store(entries.stream().map(HouseholdFile.Entry::form).toList());
        }
        catch (DuplicateKeyException e) {
            throw InvalidInput.of(HouseholdForm.REFERENCE, "households.reference.registeredMeanwhile");
        }
        audit.recordChange("households.imported", "household-import", ids.isEmpty() ? null : ids.get(0),
                "households=" + ids.size() + " persons=" + entries.stream().mapToInt(e -> e.form().members().size()).sum());
        events.publishEvent(new HouseholdsChanged());
        return ids.size();
    }

    private List<Long> store(List<HouseholdForm> forms) {
        var actor = CurrentUser.actor();
        var ids = households.insert(forms.stream().map(f -> new Households.NewHousehold(f, regionOf(f.locationMunicipality()),
                Journey.registered(f.permitDate()), null, null, null, null, null)).toList(), actor);
        var events = new ArrayList<Households.NewEvent>();
        for (int i = 0; i < forms.size(); i++) {
            events.add(new Households.NewEvent(ids.get(i), "REGISTERED", forms.get(i).permitDate(), null,
                    forms.get(i).members().size(), null, actor));
        }
        households.insertEvents(events);
        return ids;
    }

    /**
     * Registers households with the steps they have already taken, each step checked by the same rules
     * as when it is recorded one by one (the order of steps, the linking region and firm criteria). A
     * household that counts toward a quota is announced with {@link HouseholdHoused}, as a single step
     * would be. All or nothing.
     */
    @Transactional
    public int recordHistory(List<HouseholdHistory> histories) {
        if (!CurrentUser.get().map(u -> REGISTRARS.contains(u.role()) || u.role() == Role.ADMINISTRATOR).orElse(false)) {
            throw new AccessDeniedException("Only COA planners and administrators take over a register");
        }
        var today = today();
        var actor = CurrentUser.actor();
        var stored = new ArrayList<Households.NewHousehold>();
        var problems = new ArrayList<Problem>();
        for (int i = 0; i < histories.size(); i++) {
            var h = histories.get(i);
            var rowProblems = h.form().problems(i + 1, registry::exists, today, List.of());
            if (!rowProblems.isEmpty()) {
                problems.addAll(rowProblems);
                continue;
            }
            try {
                var journey = Journey.registered(h.form().permitDate());
                if (h.linkedTo() != null) {
                    LinkingRule.check(regionOf(h.form().locationMunicipality()), h.form().criteria(), h.linkedTo(),
                            this::regionOf);
                    journey = journey.link(h.linkedOn(), today);
                }
                if (h.offeredOn() != null) {
                    journey = journey.offer(h.offeredOn(), today);
                }
                if (h.harSince() != null) {
                    journey = journey.placeUnderHar(h.harSince(), today);
                }
                if (h.movedOn() != null) {
                    journey = journey.moveIn(h.movedOn(), today);
                }
                stored.add(new Households.NewHousehold(h.form(), regionOf(h.form().locationMunicipality()), journey,
                        h.linkedTo(), h.district(), h.rooms(), h.harPlace(),
                        journey.countedOn() == null ? null : h.form().members().size()));
            }
            catch (InvalidInput e) {
                for (var p : e.problems()) {
                    problems.add(Problem.atRow(i + 1, p.field(), p.messageKey(), p.arguments().toArray()));
                }
            }
        }
        var references = histories.stream().map(h -> h.form().strippedReference()).toList();
        if (Set.copyOf(references).size() != references.size() || !households.existingReferences(references).isEmpty()) {
            problems.add(Problem.of(HouseholdForm.REFERENCE, "households.reference.duplicateInHistory"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        var ids = households.insert(stored, actor);
        var links = new ArrayList<Households.NewLink>();
        var steps = new ArrayList<Households.NewEvent>();
        var housed = new ArrayList<HouseholdHoused>();
        for (int i = 0; i < stored.size(); i++) {
            var h = histories.get(i);
            long id = ids.get(i);
            var journey = stored.get(i).journey();
            int persons = h.form().members().size();
            steps.add(new Households.NewEvent(id, "REGISTERED", journey.permitDate(), null, persons, null, actor));
            if (h.linkedTo() != null) {
                var outside = LinkingRule.check(stored.get(i).region(), h.form().criteria(), h.linkedTo(), this::regionOf);
                links.add(new Households.NewLink(id, h.linkedTo(), h.linkedOn(), outside.orElse(null), actor, null, null,
                        null));
                steps.add(new Households.NewEvent(id, "LINKED", h.linkedOn(), h.linkedTo(), persons, outside.orElse(null),
                        actor));
            }
            if (h.offeredOn() != null) {
                steps.add(new Households.NewEvent(id, "OFFERED", h.offeredOn(), h.linkedTo(), persons,
                        h.district() + ", " + h.rooms(), actor));
            }
            if (h.harSince() != null) {
                steps.add(new Households.NewEvent(id, "HAR_PLACED", h.harSince(), h.linkedTo(), persons, h.harPlace(), actor));
            }
            if (h.movedOn() != null) {
                steps.add(new Households.NewEvent(id, "MOVED_IN", h.movedOn(), h.linkedTo(), persons,
                        h.district() + ", " + h.rooms(), actor));
            }
            if (journey.countedOn() != null) {
                housed.add(new HouseholdHoused(id, h.linkedTo(), journey.countedOn(), persons, h.harSince() != null));
            }
        }
        if (!links.isEmpty()) {
            households.insertLinks(links);
        }
        households.insertEvents(steps);
        housed.forEach(events::publishEvent);
        audit.recordChange("households.history-recorded", "household-import", ids.isEmpty() ? null : ids.get(0),
                "households=" + ids.size() + " counted=" + housed.size());
        events.publishEvent(new HouseholdsChanged());
        return ids.size();
    }

    /** Changes the registered facts (not the journey), refused if someone changed the household since {@code version}. */
    @Transactional
    public void change(long id, int version, HouseholdForm form) {
        requireRegistrar();
        var current = households.find(id, true).orElseThrow(() -> new HouseholdNotFound(id));
        var problems = form.problems(0, registry::exists, today(), List.of());
        if (problems.isEmpty() && !current.reference().equalsIgnoreCase(form.strippedReference())
                && households.referenceExists(form.strippedReference())) {
            problems.add(Problem.of(HouseholdForm.REFERENCE, "households.reference.exists", form.strippedReference()));
        }
        if (problems.isEmpty() && !form.permitDate().equals(current.journey().permitDate())
                && (current.stage() != Stage.AWAITING_LINK || !households.links(id).isEmpty())) {
            problems.add(Problem.of(HouseholdForm.PERMIT_DATE, "household.permitDate.fixedOnceLinked"));
        }
        if (problems.isEmpty() && current.municipality() != null && current.stage().inReception()
                && !form.criteria().equals(current.criteria())) {
            // The active link must still agree with the firm criteria (it was checked against the region when made).
            try {
                LinkingRule.check(current.region(), form.criteria(), current.municipality(), this::regionOf);
            }
            catch (InvalidInput broken) {
                problems.add(Problem.of(HouseholdForm.CRITERIA, "household.criteria.breakLink",
                        current.municipality().value()));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        try {
            households.change(id, version, form, regionOf(form.locationMunicipality()));
        }
        catch (DuplicateKeyException e) {
            throw InvalidInput.of(HouseholdForm.REFERENCE, "households.reference.exists", form.strippedReference());
        }
        households.event(id, "CHANGED", today(), current.municipality(), form.members().size(), null, CurrentUser.actor());
        audit.recordChange("household.changed", "household", id, "persons=" + form.members().size());
        events.publishEvent(new HouseholdsChanged());
    }

    /**
     * A household with its links and timeline, if it lies in the reader's scope. Audited: the reader,
     * the time and the household.
     */
    @Transactional
    public Optional<HouseholdDetail> read(long id) {
        var visibility = Visibility.current(registry);
        var found = households.find(id, false).filter(h -> visibility.covers(h.municipality()));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        audit.recordChange("household.read", "household", id, null);
        var household = found.get();
        var links = households.links(id);
        var timeline = households.timeline(id);
        if (visibility.redacted()) {
            var own = household.municipality();
            return Optional.of(new HouseholdDetail(household.forMunicipality(),
                    links.stream().filter(l -> l.municipality().equals(own)).toList(),
                    timeline.stream().filter(e -> e.municipality() == null ? "REGISTERED".equals(e.kind())
                            : e.municipality().equals(own)).toList(), true));
        }
        return Optional.of(new HouseholdDetail(household, links, timeline, false));
    }

    /** One page of the households in the reader's scope that match; audited with the households shown. */
    @Transactional
    public HouseholdPage search(HouseholdFilter filter, int page, int size) {
        var visibility = Visibility.current(registry);
        var query = where(filter, visibility, today());
        var totals = jdbc.sql("SELECT count(*), coalesce(sum(persons), 0) FROM household h WHERE " + query.clause())
                .params(query.params()).query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) }).single();
        int safeSize = Math.max(1, Math.min(size, 500));
        int safePage = Math.max(0, page);
        var rows = jdbc.sql("SELECT " + Households.ROW_COLUMNS + " FROM household h WHERE " + query.clause()
                + " ORDER BY stage_due NULLS LAST, id LIMIT :limit OFFSET :offset")
                .params(query.params()).param("limit", safeSize).param("offset", (long) safePage * safeSize)
                .query(Households::row).list();
        auditListing(rows);
        if (visibility.redacted()) {
            rows = rows.stream().map(r -> new HouseholdRow(r.id(), r.reference(), r.persons(), null, null,
                    r.permitDate(), r.stage(), r.stageSince(), r.stageDue(), r.municipality(), r.harSince())).toList();
        }
        return new HouseholdPage(rows, safePage, safeSize, totals[0], totals[1]);
    }

    private void auditListing(List<HouseholdRow> rows) {
        if (!rows.isEmpty()) {
            auditHouseholds("households.listed", "", rows);
        }
    }

    /**
     * Audit rows naming every household read, up to 150 per row (an audit detail holds at most 2,000
     * characters); the first row starts with {@code summary}. At least one row, also when none was read.
     */
    private void auditHouseholds(String action, String summary, List<HouseholdRow> rows) {
        auditHouseholds(audit, action, summary, rows.stream().map(HouseholdRow::id).toList());
    }

    static void auditHouseholds(AuditTrail audit, String action, String summary, List<Long> ids) {
        int from = 0;
        do {
            var chunk = ids.subList(from, Math.min(ids.size(), from + 150)).stream().map(String::valueOf)
                    .collect(Collectors.joining(","));
            audit.recordChange(action, "household", null, (from == 0 ? summary : "") + "households=" + chunk);
            from += 150;
        }
        while (from < ids.size());
    }

    /**
     * Every household in the reader's scope that matches, for a download; audited with the filter and
     * the number of households. Refused above {@value #EXPORT_LIMIT} households.
     */
    @Transactional
    public List<HouseholdRow> export(HouseholdFilter filter) {
        var visibility = Visibility.current(registry);
        var query = where(filter, visibility, today());
        var rows = jdbc.sql("SELECT " + Households.ROW_COLUMNS + " FROM household h WHERE " + query.clause()
                + " ORDER BY stage_due NULLS LAST, id LIMIT :limit")
                .params(query.params()).param("limit", EXPORT_LIMIT + 1).query(Households::row).list();
        if (rows.size() > EXPORT_LIMIT) {
            throw InvalidInput.of("filter", "households.export.tooMany", EXPORT_LIMIT);
        }
        auditHouseholds("households.exported", "total=" + rows.size() + " filter=" + describe(filter) + " ", rows);
        if (visibility.redacted()) {
            rows = rows.stream().map(r -> new HouseholdRow(r.id(), r.reference(), r.persons(), null, null,
                    r.permitDate(), r.stage(), r.stageSince(), r.stageDue(), r.municipality(), r.harSince())).toList();
        }
        return rows;
    }

    /**
     * The reception locations of the households the reader may see (for a filter). Reading them takes a
     * pass over the register, so they are kept for a minute per scope, and dropped when a household is
     * registered or changed on this node.
     */
    @Transactional(readOnly = true)
    public List<String> locations() {
        var visibility = Visibility.current(registry);
        if (visibility.redacted()) {
            return List.of();
        }
        var key = visibility.all() ? List.<String>of() : visibility.codes();
        long now = System.currentTimeMillis();
        long current = locationGeneration.get();
        var known = locationCache.get(key);
        if (known != null && known.generation() == current && now - known.at() < LOCATIONS_FRESH_MILLIS) {
            return known.locations();
        }
        var locations = jdbc.sql("SELECT DISTINCT location FROM household WHERE "
                + visibility.condition("municipality_code") + " ORDER BY location")
                .param("visible", visibility.parameter()).query(String.class).list();
        if (locationCache.size() > 500) {
            locationCache.clear();
        }
        locationCache.put(key, new KnownLocations(List.copyOf(locations), current, now));
        return locations;
    }

    private static final long LOCATIONS_FRESH_MILLIS = 60_000;

    private record KnownLocations(List<String> locations, long generation, long at) {
    }

    private final Map<List<String>, KnownLocations> locationCache = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicLong locationGeneration = new java.util.concurrent.atomic.AtomicLong();

    @org.springframework.transaction.event.TransactionalEventListener(
            phase = org.springframework.transaction.event.TransactionPhase.AFTER_COMPLETION, fallbackExecution = true)
    void on(HouseholdsChanged event) {
        locationGeneration.incrementAndGet();
    }

    record Where(String clause, Map<String, Object> params) {
    }

    static Where where(HouseholdFilter filter, Visibility visibility, LocalDate today) {
        var clauses = new ArrayList<String>();
        var params = new HashMap<String, Object>();
        clauses.add(visibility.condition("h.municipality_code"));
        params.put("visible", visibility.parameter());
        if (filter.reference() != null && !filter.reference().isBlank()) {
            clauses.add("upper(h.reference) LIKE :reference");
            params.put("reference", filter.reference().strip().toUpperCase(Locale.ROOT).replace("\\", "\\\\")
                    .replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (!filter.stages().isEmpty()) {
            clauses.add("h.stage IN (:stages)");
            params.put("stages", filter.stages().stream().map(Enum::name).toList());
        }
        if (filter.region() != null && !filter.region().isBlank()) {
            clauses.add("h.region = :region");
            params.put("region", filter.region());
        }
        if (filter.location() != null && !filter.location().isBlank() && !visibility.redacted()) {
            clauses.add("h.location = :location");
            params.put("location", filter.location());
        }
        if (filter.municipality() != null) {
            clauses.add("h.municipality_code = :municipality");
            params.put("municipality", filter.municipality().value());
        }
        if (filter.province() != null) {
            clauses.add("h.municipality_code IN (:province)");
            params.put("province", provinceCodes(filter.province(), visibility));
        }
        switch (filter.overdue()) {
            case OVERDUE -> {
                clauses.add("h.stage_due < :today");
                if (filter.band() != null) {
                    clauses.add("h.stage_due <= :bandLatest");
                    params.put("bandLatest", today.minusDays(filter.band().fromDays()));
                    if (filter.band().toDays() != Integer.MAX_VALUE) {
                        clauses.add("h.stage_due >= :bandEarliest");
                        params.put("bandEarliest", today.minusDays(filter.band().toDays()));
                    }
                }
            }
            case PAST_14_WEEKS -> {
                clauses.add("h.counted_on IS NULL AND h.permit_date < :fourteenWeeksAgo");
                params.put("fourteenWeeksAgo", today.minusDays(Norms.TOTAL_DAYS));
            }
            case HAR_OVER_TERM -> clauses.add("h.stage = 'HAR' AND h.stage_due < :today");
            case ANY -> {
            }
        }
        params.put("today", today);
        return new Where(String.join(" AND ", clauses), params);
    }

    private static List<String> provinceCodes(nl.doorstroom.shared.ProvinceCode province, Visibility visibility) {
        return visibility.provinceMunicipalities(province);
    }

    private static String describe(HouseholdFilter filter) {
        return "reference=" + (filter.reference() == null ? "" : filter.reference().strip().length() + " chars")
                + " stages=" + filter.stages() + " region=" + filter.region() + " municipality="
                + (filter.municipality() == null ? "" : filter.municipality().value()) + " province="
                + (filter.province() == null ? "" : filter.province().value()) + " location="
                + (filter.location() == null ? "" : filter.location().strip().length() + " chars") + " overdue=" + filter.overdue()
                + " band=" + filter.band();
    }

    String regionOf(MunicipalityCode code) {
        return registry.find(code).map(Municipality::coaRegion).orElseThrow();
    }

    private static void requireRegistrar() {
        if (!mayRegister()) {
            throw new AccessDeniedException("Only COA planners keep the register of households");
        }
    }
}
