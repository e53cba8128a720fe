package nl.doorstroom.sites.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import nl.doorstroom.documents.TableExport;
import nl.doorstroom.identity.AuditTrail;
import nl.doorstroom.identity.CurrentUser;
import nl.doorstroom.identity.ScopeKind;
import nl.doorstroom.municipalities.Municipality;
import nl.doorstroom.municipalities.MunicipalityRegistry;
import nl.doorstroom.municipalities.Province;
import nl.doorstroom.shared.EditConflict;
import nl.doorstroom.shared.FieldProblems;
import nl.doorstroom.shared.FormInput;
import nl.doorstroom.shared.InvalidInput;
import nl.doorstroom.shared.InvalidInput.Problem;
import nl.doorstroom.shared.MunicipalityCode;
import nl.doorstroom.shared.Notice;
import nl.doorstroom.shared.ProvinceCode;
import nl.doorstroom.sites.HarRule;
import nl.doorstroom.sites.SiteInventory;
import nl.doorstroom.sites.SiteKind;
import nl.doorstroom.sites.SiteNotFound;
import nl.doorstroom.sites.SiteOverview;
import nl.doorstroom.sites.SiteStatus;
import nl.doorstroom.sites.SiteTable;
import nl.doorstroom.sites.TemporarySite;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The register as people read it: the list of sites per province with filters, counts and capacity per kind
 * and status, the map and the downloads; one site with its status history, and the form to move its status.
 */
@Controller
class SitePages {

    /** A site in a list, with what the list shows of it. */
    record ListRow(long id, String name, SiteKind kind, String municipality, int capacity, LocalDate availableFrom,
            LocalDate availableUntil, SiteStatus status, LocalDate statusSince, boolean har) {
    }

    /** The sites of one province, with their totals. */
    record ProvinceSection(String code, String name, SiteOverview.Totals totals, List<ListRow> rows) {
    }

    /** One step in a site's history. */
    record HistoryRow(LocalDate occurredOn, SiteStatus from, SiteStatus to, String reason, String changedBy,
            Instant changedAt) {
    }

    /** The status form as typed: kept after a refusal, and shown beside the stored status after a conflict. */
    record MoveInput(String status, String occurredOn, String reason) {
    }

    private final SiteInventory inventory;
    private final MunicipalityRegistry registry;
    private final SiteMap map;
    private final MessageSource messages;

    SitePages(SiteInventory inventory, MunicipalityRegistry registry, SiteMap map, MessageSource messages) {
        this.inventory = inventory;
        this.registry = registry;
        this.map = map;
        this.messages = messages;
    }

    static LocalDate today() {
        return LocalDate.now(AuditTrail.ZONE);
    }

    @GetMapping("/sites")
    String list(@ModelAttribute("query") SiteQuery query, Model model) {
        var problems = new ArrayList<Problem>();
        var filter = query.filter(problems);
        var today = today();
        var sites = inventory.search(filter);
        var overview = SiteOverview.of(sites, today);
        var provinceNames = new LinkedHashMap<ProvinceCode, String>();
        registry.provinces().forEach(p -> provinceNames.put(p.code(), p.name()));
        var sections = new ArrayList<ProvinceSection>();
        for (var row : overview.provinces()) {
            var rows = sites.stream().filter(s -> row.key().equals(s.province())).map(s -> row(s, today))
                    .sorted(Comparator.comparing(ListRow::municipality).thenComparing(ListRow::name)).toList();
            sections.add(new ProvinceSection(row.key().value(), provinceNames.getOrDefault(row.key(), row.key().value()),
                    row.totals(), rows));
        }
        sections.sort(Comparator.comparing(ProvinceSection::name));
        var user = CurrentUser.get().orElseThrow();
        var inScope = inventory.municipalitiesInScope();
        model.addAttribute("problems", problems);
        model.addAttribute("filter", filter);
        model.addAttribute("today", today);
        model.addAttribute("overview", overview);
        model.addAttribute("provinceNames", provinceNames);
        model.addAttribute("sections", sections);
        model.addAttribute("map", map.of(sites));
        model.addAttribute("kinds", SiteKind.values());
        model.addAttribute("statuses", SiteStatus.values());
        model.addAttribute("chosenKinds", filter.kinds().stream().map(Enum::name).toList());
        model.addAttribute("chosenStatuses", filter.statuses().stream().map(Enum::name).toList());
        model.addAttribute("showProvinces", user.scope().kind() == ScopeKind.NATION);
        model.addAttribute("provinces", registry.provinces());
        model.addAttribute("groups", inScope.size() > 1 ? groups(inScope) : List.of());
        model.addAttribute("mayEdit", SiteInventory.mayEdit());
        return "sites/list";
    }

    @GetMapping("/sites/export")
    ResponseEntity<StreamingResponseBody> export(@ModelAttribute SiteQuery query, @RequestParam String format,
            Locale locale) {
        if (!"csv".equals(format) && !"xlsx".equals(format)) {
            throw InvalidInput.of("filter", "sites.export.format", format);
        }
        var problems = new ArrayList<Problem>();
        var filter = query.filter(problems);
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        var today = today();
        var sites = inventory.export(filter);
        var table = SiteTable.of(sites, today, key -> messages.getMessage(key, null, key, locale), this::municipalityName,
                this::provinceName, text("sites.list.title", locale),
                messages.getMessage("sites.export.note", new Object[] { today.toString(), sites.size() }, locale));
        return TableExport.download(table, format, "tijdelijke-locaties-" + today);
    }

    @GetMapping("/sites/{id:\\d+}")
    String detail(@PathVariable long id, Model model) {
        return detail(id, model, null, FieldProblems.NONE, false);
    }

    @PostMapping("/sites/{id:\\d+}/status")
    String moveStatus(@PathVariable long id, @RequestParam int version, @RequestParam(required = false) String status,
            @RequestParam(required = false) String occurredOn, @RequestParam(required = false) String reason,
            Model model, RedirectAttributes redirect, Locale locale) {
        var typed = new MoveInput(status, occurredOn, reason);
        try {
            var input = new FormInput();
            var target = input.choice(SiteStatus.class, "status", status, null);
            var on = input.date(TemporarySite.DATE, occurredOn);
            input.check();
            inventory.moveStatus(id, version, target, on, reason);
            redirect.addFlashAttribute("notice", Notice.of("sites.status.moved", text(target.messageKey(), locale)));
            return "redirect:/sites/" + id;
        }
        catch (InvalidInput e) {
            model.addAttribute("moveVersion", version);
            return detail(id, model, typed, new FieldProblems(e.problems()), false);
        }
        catch (EditConflict e) {
            // Shown beside the status as it is now; the form takes the current version, so a second try is on purpose.
            return detail(id, model, typed, FieldProblems.NONE, true);
        }
    }

    private String detail(long id, Model model, MoveInput typed, FieldProblems moveProblems, boolean conflict) {
        var site = inventory.site(id).orElseThrow(() -> new SiteNotFound(id));
        var today = today();
        model.addAttribute("site", site);
        model.addAttribute("municipalityName", municipalityName(site.municipality()));
        model.addAttribute("provinceName", site.province() == null ? null : provinceName(site.province()));
        model.addAttribute("har", site.qualifiesForHar(today));
        var firstStart = site.availableFrom() == null || site.availableFrom().isBefore(today) ? today : site.availableFrom();
        model.addAttribute("harStart", firstStart);
        model.addAttribute("harLatestEnd", HarRule.latestEnd(site, firstStart).orElse(null));
        model.addAttribute("history", inventory.history(id).stream().map(h -> new HistoryRow(h.occurredOn(), h.from(),
                h.to(), h.reason(), h.changedBy(), h.changedAt())).toList());
        boolean mayEdit = inventory.mayEditIn(site.municipality());
        model.addAttribute("mayEdit", mayEdit);
        model.addAttribute("nextStatuses", mayEdit ? site.status().next() : List.of());
        model.addAttribute("move", typed == null ? new MoveInput("", today.toString(), "") : typed);
        model.addAttribute("moveProblems", moveProblems);
        model.addAttribute("conflict", conflict);
        if (!model.containsAttribute("moveVersion")) {
            model.addAttribute("moveVersion", site.version());
        }
        model.addAttribute("today", today);
        return "sites/detail";
    }

    private ListRow row(TemporarySite site, LocalDate today) {
        return new ListRow(site.id(), site.name(), site.kind(), municipalityName(site.municipality()), site.capacity(),
                site.availableFrom(), site.availableUntil(), site.status(), site.statusSince(), site.qualifiesForHar(today));
    }

    /** The user's municipalities grouped by province, for a select with {@code <optgroup>}s. */
    static List<Map.Entry<String, List<Municipality>>> groups(List<Municipality> municipalities) {
        var groups = new LinkedHashMap<String, List<Municipality>>();
        municipalities.stream().sorted(Comparator.comparing(Municipality::provinceName).thenComparing(Municipality::name))
                .forEach(m -> groups.computeIfAbsent(m.provinceName(), k -> new ArrayList<>()).add(m));
        return List.copyOf(groups.entrySet());
    }

    String municipalityName(MunicipalityCode code) {
        return registry.find(code).map(Municipality::name).orElse(code.value());
    }

    String provinceName(ProvinceCode code) {
        return registry.province(code).map(Province::name).orElse(code.value());
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
