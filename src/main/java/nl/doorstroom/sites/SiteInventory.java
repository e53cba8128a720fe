package nl.doorstroom.sites;

import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import nl.doorstroom.identity.AuditTrail;
import nl.doorstroom.identity.CurrentUser;
import nl.doorstroom.identity.Role;
import nl.doorstroom.municipalities.Municipality;
import nl.doorstroom.municipalities.MunicipalityRegistry;
import nl.doorstroom.shared.EditConflict;
import nl.doorstroom.shared.InvalidInput;
import nl.doorstroom.shared.InvalidInput.Problem;
import nl.doorstroom.shared.MunicipalityCode;
import nl.doorstroom.shared.ProvinceCode;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The register of temporary sites: add a site, change one (refused when someone else changed it
 * first), move its status along the line, import a province's list (all or nothing), and list sites
 * within the reader's scope ({@link Reach}). Every change is written to the audit trail in the same
 * transaction, without the contact person (personal data) or the site's free texts.
 */
@Service
public class SiteInventory {

    /** Roles that see sites, each within its scope; the others see none. */
    public static final Set<Role> READERS = Reach.READERS;

    /** Roles that add, change and move sites, each within its scope. */
    public static final Set<Role> EDITORS = Reach.EDITORS;

    private static final String SUBJECT = "temporary-site";

    private final TemporarySites sites;
    private final MunicipalityRegistry registry;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;

    SiteInventory(TemporarySites sites, MunicipalityRegistry registry, AuditTrail audit, ApplicationEventPublisher events) {
        this.sites = sites;
        this.registry = registry;
        this.audit = audit;
        this.events = events;
    }

    public static boolean mayRead() {
        return CurrentUser.get().map(u -> READERS.contains(u.role())).orElse(false);
    }

    public static boolean mayEdit() {
        return CurrentUser.get().map(u -> EDITORS.contains(u.role())).orElse(false);
    }

    /** Whether the current user may change sites in this municipality. */
    public boolean mayEditIn(MunicipalityCode municipality) {
        return mayEdit() && Reach.current(registry).covers(municipality);
    }

    static LocalDate today() {
        return LocalDate.now(AuditTrail.ZONE);
    }

    /** Adds a site in a status from today; see {@link #register(SiteForm, SiteStatus, LocalDate)}. */
    @Transactional
    public long register(SiteForm form, SiteStatus status) {
        return register(form, status, null);
    }

    /**
     * Adds a site in a status before it ends (none: {@link SiteStatus#IDENTIFIED}) since a day (none: today),
     * such as a site already in use since last month. Refused with every problem when a field breaks a rule,
     * the day lies in the future, the municipality lies outside the user's scope, or the register holds the
     * same place ({@link DuplicateRule}).
     */
    @Transactional
    public long register(SiteForm form, SiteStatus status, LocalDate since) {
        var reach = Reach.current(registry).requireEditor();
        var starting = status == null ? SiteStatus.IDENTIFIED : status;
        var today = today();
        var from = since == null ? today : since;
        var problems = new ArrayList<>(form.problems(0, registry::exists, Set.of()));
        if (!SiteStatus.STARTING.contains(starting)) {
            problems.add(Problem.of(SiteForm.STATUS, "site.status.notStarting", starting.name()));
        }
        problems.addAll(sinceProblems(0, since, today));
        problems.addAll(placeProblems(form, reach, null));
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        long id;
        try {
            id = store(List.of(new TemporarySites.NewSite(form, starting, from))).get(0);
        }
        catch (DuplicateKeyException e) {
            // Added by someone else in the same moment.
            throw InvalidInput.of(SiteForm.NAME, "sites.duplicate.meanwhile");
        }
        audit.recordChange("site.registered", SUBJECT, id, facts(form) + " status=" + starting.name());
        events.publishEvent(new SiteStatusChanged(id, form.municipality(), form.kind(), null, starting, from,
                form.capacity()));
        return id;
    }

    /**
     * Replaces a site's facts (not its status), refused with {@link EditConflict} when the site changed since
     * {@code version}.
     */
    @Transactional
    public void change(long id, int version, SiteForm form) {
        var reach = Reach.current(registry).requireEditor();
        var current = visible(id, reach, true);
        if (current.version() != version) {
            throw new EditConflict(SUBJECT + " " + id);
        }
        var problems = new ArrayList<>(form.problems(0, registry::exists, Set.of()));
        problems.addAll(placeProblems(form, reach, id));
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        var changed = current.form().differencesFrom(form);
        try {
            sites.change(id, version, form, CurrentUser.actor());
        }
        catch (DuplicateKeyException e) {
            throw InvalidInput.of(SiteForm.NAME, "sites.duplicate.meanwhile");
        }
        // Which fields changed, never their values: a contact person is personal data.
        audit.recordChange("site.changed", SUBJECT, id, facts(form) + " fields=" + String.join(",", changed));
    }

    /**
     * Moves a site to another status on a day ({@link SiteStatus}: one step forward, or dropped with a reason),
     * refused with {@link EditConflict} when the site changed since {@code version}.
     */
    @Transactional
    public void moveStatus(long id, int version, SiteStatus target, LocalDate on, String reason) {
        var reach = Reach.current(registry).requireEditor();
        var current = visible(id, reach, true);
        if (current.version() != version) {
            throw new EditConflict(SUBJECT + " " + id);
        }
        var problems = current.problemsMovingTo(target, on, reason, today());
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        var text = reason == null || reason.isBlank() ? null : reason.strip();
        sites.moveStatus(id, version, current.status(), target, on, text, CurrentUser.actor());
        // The reason is free text and may name someone: it stays in the site's history, not in the audit trail.
        audit.recordChange("site.status-changed", SUBJECT, id, "from=" + current.status().name() + " to=" + target.name()
                + " on=" + on + " capacity=" + current.capacity());
        events.publishEvent(new SiteStatusChanged(id, current.municipality(), current.kind(), current.status(), target, on,
                current.capacity()));
    }

    /**
     * Imports a list of sites (CSV or Excel, {@link SiteFile}). All or nothing: a file with any bad row is
     * refused whole with every problem by row and column, and so is a row that is the same place as another
     * row or as a site in the register; nothing is merged.
     */
    @Transactional
    public int importFile(InputStream file) {
        var reach = Reach.current(registry).requireEditor();
        var today = today();
        var entries = SiteFile.read(file, municipalities(), reach::covers, sites::storedIn, today);
        List<Long> ids;
        try {
            ids = store(entries.stream().map(e -> new TemporarySites.NewSite(e.form(), e.status(),
                    e.since() == null ? today : e.since())).toList());
        }
        catch (DuplicateKeyException e) {
            throw InvalidInput.of("file", "sites.duplicate.meanwhile");
        }
        audit.recordChange("sites.imported", "temporary-site-import", ids.isEmpty() ? null : ids.get(0),
                "sites=" + ids.size() + " persons=" + entries.stream().mapToInt(e -> e.form().capacity()).sum());
        for (int i = 0; i < ids.size(); i++) {
            var form = entries.get(i).form();
            events.publishEvent(new SiteStatusChanged(ids.get(i), form.municipality(), form.kind(), null,
                    entries.get(i).status(), entries.get(i).since() == null ? today : entries.get(i).since(),
                    form.capacity()));
        }
        return ids.size();
    }

    /** A site, if it lies in the reader's scope; the read is audited (a site names its contact person). */
    @Transactional
    public Optional<TemporarySite> site(long id) {
        var reach = Reach.current(registry);
        var site = sites.find(id, false, this::provinceOf).filter(s -> reach.covers(s.municipality()));
        site.ifPresent(s -> audit.recordChange("site.read", SUBJECT, id, null));
        return site;
    }

    /** The status history of a site in the reader's scope, oldest first; {@link SiteNotFound} otherwise. */
    @Transactional(readOnly = true)
    public List<StatusChange> history(long id) {
        visible(id, Reach.current(registry), false);
        return sites.history(id);
    }

    /**
     * The sites in the reader's scope that match, by municipality and name. The read is audited with the
     * ids of the sites (a site names its contact person), up to 150 per audit row.
     */
    @Transactional
    public List<TemporarySite> search(SiteFilter filter) {
        var found = find(filter);
        for (int from = 0; from < found.size(); from += 150) {
            audit.recordChange("sites.listed", SUBJECT, null, "sites=" + found.subList(from, Math.min(found.size(),
                    from + 150)).stream().map(site -> String.valueOf(site.id())).collect(java.util.stream.Collectors.joining(",")));
        }
        return found;
    }

    private List<TemporarySite> find(SiteFilter filter) {
        var reach = Reach.current(registry);
        var clauses = new ArrayList<String>();
        var params = new HashMap<String, Object>();
        clauses.add(reach.condition("municipality_code"));
        params.put("visible", reach.parameter());
        if (filter.municipality() != null) {
            clauses.add("municipality_code = :municipality");
            params.put("municipality", filter.municipality().value());
        }
        if (filter.province() != null) {
            var codes = registry.inProvince(filter.province()).stream().map(m -> m.code().value()).toList();
            clauses.add("municipality_code IN (:province)");
            params.put("province", codes.isEmpty() ? List.of("") : codes);
        }
        if (!filter.kinds().isEmpty()) {
            clauses.add("kind IN (:kinds)");
            params.put("kinds", filter.kinds().stream().map(Enum::name).toList());
        }
        if (!filter.statuses().isEmpty()) {
            clauses.add("status IN (:statuses)");
            params.put("statuses", filter.statuses().stream().map(Enum::name).toList());
        }
        var found = sites.where(String.join(" AND ", clauses), params, this::provinceOf);
        if (filter.harQualifying() == null) {
            return found;
        }
        var today = today();
        return found.stream().filter(s -> s.qualifiesForHar(today) == filter.harQualifying()).toList();
    }

    /** The sites of a municipality in the reader's scope (none outside it). */
    @Transactional
    public List<TemporarySite> inMunicipality(MunicipalityCode municipality) {
        return search(new SiteFilter(null, municipality, null, null, null));
    }

    /** The sites of a province in the reader's scope: the province's list. */
    @Transactional
    public List<TemporarySite> inProvince(ProvinceCode province) {
        return search(new SiteFilter(province, null, null, null, null));
    }

    /** The sites that match, for a download: audited with the filter and the number of sites. */
    @Transactional
    public List<TemporarySite> export(SiteFilter filter) {
        var found = search(filter);
        audit.recordChange("sites.exported", SUBJECT, null, "sites=" + found.size() + " " + filter.describe());
        return found;
    }

    /**
     * The temporary places per municipality that has any site not closed or dropped: figures only (no site,
     * no contact person), so open to every module and every role, like other counts.
     */
    @Transactional(readOnly = true)
    public Map<MunicipalityCode, SiteCapacity> capacityByMunicipality() {
        var capacities = new TreeMap<MunicipalityCode, SiteCapacity>();
        for (var row : sites.openCapacity()) {
            var figures = row.getValue();
            capacities.put(row.getKey(), new SiteCapacity(row.getKey(), figures[0], figures[1], figures[2], figures[3]));
        }
        return capacities;
    }

    /** The temporary places of one municipality (all zero when it has none). */
    @Transactional(readOnly = true)
    public SiteCapacity capacityIn(MunicipalityCode municipality) {
        return capacityByMunicipality().getOrDefault(municipality, SiteCapacity.none(municipality));
    }

    /** The municipalities whose sites the current user sees (and, for an editor, changes), by name. */
    public List<Municipality> municipalitiesInScope() {
        var reach = Reach.current(registry);
        return registry.all().stream().filter(m -> reach.covers(m.code())).toList();
    }

    /** The known municipalities by code or name, as forms and files name them. */
    public SiteText.Municipalities municipalities() {
        var byName = new HashMap<String, MunicipalityCode>();
        for (var municipality : registry.all()) {
            byName.put(Words.normalised(municipality.name()), municipality.code());
        }
        return new SiteText.Municipalities() {

            @Override
            public boolean test(MunicipalityCode code) {
                return registry.exists(code);
            }

            @Override
            public Optional<MunicipalityCode> named(String name) {
                return Optional.ofNullable(byName.get(Words.normalised(name)));
            }
        };
    }

    /** A status dated in the future or before 2000, at a row of a file (0 on a form). */
    static List<Problem> sinceProblems(int row, LocalDate since, LocalDate today) {
        if (since == null) {
            return List.of();
        }
        if (since.isAfter(today)) {
            return List.of(Problem.atRow(row, SiteForm.STATUS_SINCE, "site.date.future", since.toString()));
        }
        if (since.getYear() < 2000) {
            return List.of(Problem.atRow(row, SiteForm.STATUS_SINCE, "site.date.tooEarly", since.toString()));
        }
        return List.of();
    }

    /** The municipality outside the user's scope, and the same place already in the register (other than {@code self}). */
    private List<Problem> placeProblems(SiteForm form, Reach reach, Long self) {
        var problems = new ArrayList<Problem>();
        if (form.municipality() == null || !registry.exists(form.municipality())) {
            return problems;
        }
        if (!reach.covers(form.municipality())) {
            problems.add(Problem.of(SiteForm.MUNICIPALITY, "sites.municipality.outsideScope", form.municipality().value()));
            return problems;
        }
        var identity = DuplicateRule.Identity.of(form);
        for (var stored : sites.storedIn(List.of(form.municipality()))) {
            if (self != null && stored.id() == self) {
                continue;
            }
            var match = DuplicateRule.match(identity, stored.identity());
            if (match.isPresent()) {
                boolean name = match.get() == DuplicateRule.Match.NAME;
                problems.add(Problem.of(name ? SiteForm.NAME : SiteForm.ADDRESS,
                        name ? "sites.duplicate.nameRegistered" : "sites.duplicate.addressRegistered", stored.id(),
                        stored.name()));
                break;
            }
        }
        return problems;
    }

    private List<Long> store(List<TemporarySites.NewSite> newSites) {
        return sites.insert(newSites, CurrentUser.actor());
    }

    private TemporarySite visible(long id, Reach reach, boolean forUpdate) {
        return sites.find(id, forUpdate, this::provinceOf).filter(s -> reach.covers(s.municipality()))
                .orElseThrow(() -> new SiteNotFound(id));
    }

    private ProvinceCode provinceOf(MunicipalityCode municipality) {
        return registry.find(municipality).map(Municipality::province).orElse(null);
    }

    /** The facts of a site for the audit trail: no name, address, contact person or notes. */
    private static String facts(SiteForm form) {
        return "municipality=" + form.municipality().value() + " kind=" + form.kind().name() + " capacity=" + form.capacity();
    }
}
