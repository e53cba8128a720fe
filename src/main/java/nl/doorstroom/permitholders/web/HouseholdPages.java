package nl.doorstroom.permitholders.web;

import nl.doorstroom.shared.FieldProblems;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import nl.doorstroom.identity.AuditTrail;
import nl.doorstroom.identity.CurrentUser;
import nl.doorstroom.identity.Role;
import nl.doorstroom.identity.ScopeKind;
import nl.doorstroom.permitholders.FirmCriterion;
import nl.doorstroom.permitholders.HarStatus;
import nl.doorstroom.permitholders.Household;
import nl.doorstroom.permitholders.HouseholdFilter;
import nl.doorstroom.permitholders.HouseholdNotFound;
import nl.doorstroom.permitholders.HouseholdRegister;
import nl.doorstroom.permitholders.HouseholdRow;
import nl.doorstroom.permitholders.Journeys;
import nl.doorstroom.permitholders.LinkCancelReason;
import nl.doorstroom.permitholders.LinkCancelReasons;
import nl.doorstroom.permitholders.Norms;
import nl.doorstroom.permitholders.OverdueBand;
import nl.doorstroom.permitholders.Stage;
import nl.doorstroom.shared.InvalidInput.Problem;
import nl.doorstroom.shared.MunicipalityCode;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The register as people read it: the list of households with filters (a municipality sees those
 * linked to it), and one household with its profile, members, criteria, links, timeline and the 14-week
 * clock, with the steps the reader may record. Every read goes through {@link HouseholdRegister}, which
 * audits it.
 */
@Controller
class HouseholdPages {

    static final int PAGE_SIZE = 50;

    /** A household in the list, with its clock worked out for today. */
    record ListRow(long id, String reference, int persons, Stage stage, long daysInStage, long daysOverdue,
            OverdueBand band, boolean pastFourteenWeeks, HarStatus har, String municipality, String location,
            LocalDate permitDate) {

        static ListRow of(HouseholdRow row, LocalDate today, AreaChoices areas) {
            long overdue = row.daysOverdue(today);
            return new ListRow(row.id(), row.reference(), row.persons(), row.stage(), row.daysInStage(today), overdue,
                    overdue > 0 ? OverdueBand.of(overdue) : null, row.pastFourteenWeeks(today), row.harStatus(today),
                    areas.name(row.municipality()), row.location(), row.permitDate());
        }
    }

    /** Where a household is against its norms today. */
    record Clock(Stage stage, LocalDate since, long daysInStage, LocalDate due, long daysOverdue, OverdueBand band,
            long daysSincePermit, LocalDate fourteenWeeksOn, boolean pastFourteenWeeks, HarStatus har,
            LocalDate harSince, LocalDate harEndsOn) {

        static Clock of(Household household, LocalDate today) {
            var journey = household.journey();
            long overdue = journey.daysOverdue(today);
            return new Clock(journey.stage(), journey.stageSince(), journey.daysInStage(today), journey.stageDue(),
                    overdue, overdue > 0 ? OverdueBand.of(overdue) : null, journey.daysSincePermit(today),
                    Norms.fourteenWeeksAfter(journey.permitDate()), journey.pastFourteenWeeks(today),
                    journey.harStatus(today), journey.harSince(),
                    journey.harSince() == null ? null : journey.harSince().plus(Norms.HAR_MAXIMUM));
        }
    }

    record CriterionRow(String kindKey, String municipality, Integer hoursPerWeek) {
    }

    record LinkRow(String municipality, LocalDate linkedOn, String outsideRegion, String linkedBy, boolean active,
            LocalDate cancelledOn, String reason, String note, String cancelledBy) {
    }

    record TimelineRow(LocalDate occurredOn, String kindKey, String municipality, int persons, String detail,
            String recordedBy, Instant recordedAt) {
    }

    private final HouseholdRegister register;
    private final LinkCancelReasons reasons;
    private final AreaChoices areas;
    private final MessageSource messages;

    HouseholdPages(HouseholdRegister register, LinkCancelReasons reasons, AreaChoices areas, MessageSource messages) {
        this.register = register;
        this.reasons = reasons;
        this.areas = areas;
        this.messages = messages;
    }

    static LocalDate today() {
        return LocalDate.now(AuditTrail.ZONE);
    }

    @GetMapping("/households")
    String list(@ModelAttribute("query") HouseholdQuery query, @RequestParam(required = false) String page,
            Model model) {
        var problems = new ArrayList<Problem>();
        var filter = query.filter(problems);
        int number = 0;
        if (page != null && !page.isBlank()) {
            try {
                number = Math.max(0, Integer.parseInt(page.strip()) - 1);
            }
            catch (NumberFormatException e) {
                problems.add(Problem.of("filter", "households.filter.invalid", page.strip(), "page"));
            }
        }
        var today = today();
        var result = register.search(filter, number, PAGE_SIZE);
        var rows = result.rows().stream().map(r -> ListRow.of(r, today, areas)).toList();
        var user = CurrentUser.get().orElseThrow();
        var own = user.role() == Role.MUNICIPALITY_OFFICER ? user.scope().municipality() : null;
        model.addAttribute("title", own == null ? text("households.list.title", null)
                : text("households.list.titleFor", new Object[] {areas.name(own)}));
        model.addAttribute("problems", problems);
        model.addAttribute("result", result);
        model.addAttribute("rows", rows);
        model.addAttribute("showLocation", rows.stream().anyMatch(r -> r.location() != null));
        model.addAttribute("today", today);
        model.addAttribute("filter", filter);
        model.addAttribute("previous", number > 0 ? query.link("/households", number) : null);
        model.addAttribute("next", number + 1 < result.pages() ? query.link("/households", number + 2) : null);
        // A municipality sees only households linked to it: none of them still awaits a link.
        model.addAttribute("stages", own == null ? List.of(Stage.values())
                : java.util.Arrays.stream(Stage.values()).filter(s -> s != Stage.AWAITING_LINK).toList());
        model.addAttribute("chosenStages", filter.stages().stream().map(Enum::name).toList());
        model.addAttribute("overdueChoices", List.of(HouseholdFilter.Overdue.OVERDUE, HouseholdFilter.Overdue.PAST_14_WEEKS,
                HouseholdFilter.Overdue.HAR_OVER_TERM));
        model.addAttribute("bands", OverdueBand.values());
        model.addAttribute("locations", register.locations());
        model.addAttribute("showAreas", own == null);
        model.addAttribute("showProvinces", user.scope().kind() == ScopeKind.NATION);
        model.addAttribute("regions", own == null ? areas.linkingRegions() : List.of());
        model.addAttribute("provinces", areas.provinces());
        model.addAttribute("groups", own == null ? areas.groups() : List.of());
        model.addAttribute("mayRegister", HouseholdRegister.mayRegister());
        return "permitholders/list";
    }

    @GetMapping("/households/{id:\\d+}")
    String detail(@PathVariable long id, Model model, Locale locale) {
        var detail = register.read(id).orElseThrow(() -> new HouseholdNotFound(id));
        var household = detail.household();
        var today = today();
        var stage = household.stage();
        var reasonLabels = new HashMap<String, String>();
        var all = reasons.all();
        all.forEach(r -> reasonLabels.put(r.code(), r.label(locale)));
        model.addAttribute("household", household);
        model.addAttribute("redacted", detail.redacted());
        model.addAttribute("clock", Clock.of(household, today));
        model.addAttribute("regionName", areas.regionName(household.region()));
        model.addAttribute("municipalityName", areas.name(household.municipality()));
        model.addAttribute("locationMunicipalityName", areas.name(household.locationMunicipality()));
        model.addAttribute("criteria", household.criteria().stream()
                .map(c -> new CriterionRow(c.kind().messageKey(), areas.name(c.municipality()), c.hoursPerWeek())).toList());
        model.addAttribute("links", detail.links().stream().map(l -> new LinkRow(areas.name(l.municipality()),
                l.linkedOn(), criterionText(l.outsideRegion(), locale), l.linkedBy(), l.active(), l.cancelledOn(),
                l.cancelReason() == null ? null : reasonLabels.getOrDefault(l.cancelReason(), l.cancelReason()),
                l.cancelNote(), l.cancelledBy())).toList());
        model.addAttribute("timeline", detail.timeline().stream().map(e -> new TimelineRow(e.occurredOn(), e.messageKey(),
                areas.name(e.municipality()), e.persons(), timelineDetail(e.kind(), e.detail(), reasonLabels, locale),
                e.recordedBy(), e.recordedAt())).toList());

        boolean mayLink = Journeys.mayLink();
        boolean mayRecord = Journeys.mayRecordFor(household.municipality());
        model.addAttribute("mayEdit", HouseholdRegister.mayRegister());
        model.addAttribute("showLink", mayLink && stage == Stage.AWAITING_LINK);
        model.addAttribute("showCancel", mayLink && (stage == Stage.LINKED || stage == Stage.OFFERED));
        model.addAttribute("showOffer", mayRecord && stage == Stage.LINKED);
        model.addAttribute("showHar", mayRecord && (stage == Stage.LINKED || stage == Stage.OFFERED));
        model.addAttribute("showMoveIn", mayRecord && (stage == Stage.OFFERED || stage == Stage.HAR));
        model.addAttribute("moveInNeedsDwelling", stage == Stage.HAR);
        if (mayLink && stage == Stage.AWAITING_LINK) {
            model.addAttribute("linkGroups", areas.groupsFrom(household.region()));
        }
        model.addAttribute("activeReasons", all.stream().filter(LinkCancelReason::active).toList());
        model.addAttribute("reasonLabels", reasonLabels);
        model.addAttribute("steps", steps(model, today));
        return "permitholders/detail";
    }

    /** The step forms, filled from what a refused step left in the flash attributes. */
    @SuppressWarnings("unchecked")
    private static StepForms steps(Model model, LocalDate today) {
        var failed = (String) model.getAttribute("step");
        var typed = (Map<String, String>) model.getAttribute("typed");
        var problems = (List<Problem>) model.getAttribute("stepProblems");
        return new StepForms(failed, typed, new FieldProblems(problems), Boolean.TRUE.equals(model.getAttribute("conflict")),
                today.toString());
    }

    /** A firm criterion as stored with a link outside the region ({@code WORK:GM0344:16}), in words. */
    private String criterionText(String code, Locale locale) {
        if (code == null || code.isBlank()) {
            return null;
        }
        var parts = code.split(":");
        try {
            var kind = FirmCriterion.Kind.valueOf(parts[0]);
            var municipality = parts.length > 1 ? areas.name(MunicipalityCode.parse(parts[1])) : "";
            var hours = parts.length > 2 ? parts[2] : null;
            return hours == null
                    ? messages.getMessage("households.criterion.text", new Object[] {text(kind.messageKey(), null, locale), municipality}, locale)
                    : messages.getMessage("households.criterion.textHours",
                            new Object[] {text(kind.messageKey(), null, locale), municipality, hours}, locale);
        }
        catch (IllegalArgumentException e) {
            return code;
        }
    }

    private String timelineDetail(String kind, String detail, Map<String, String> reasonLabels, Locale locale) {
        if (detail == null) {
            return null;
        }
        return switch (kind) {
            case "LINK_CANCELLED" -> reasonLabels.getOrDefault(detail, detail);
            case "LINKED" -> messages.getMessage("households.timeline.outsideRegion",
                    new Object[] {criterionText(detail, locale)}, locale);
            case "OFFERED", "MOVED_IN" -> dwelling(detail, locale);
            default -> detail;
        };
    }

    /** The district and the rooms of an offer or a move, stored as {@code Overvecht, 3}, in words. */
    private String dwelling(String detail, Locale locale) {
        int comma = detail.lastIndexOf(", ");
        if (comma < 0) {
            return detail;
        }
        try {
            return messages.getMessage("households.timeline.dwelling",
                    new Object[] {detail.substring(0, comma), Integer.valueOf(detail.substring(comma + 2).strip())}, locale);
        }
        catch (NumberFormatException e) {
            return detail;
        }
    }

    private String text(String key, Object[] arguments) {
        return messages.getMessage(key, arguments, org.springframework.context.i18n.LocaleContextHolder.getLocale());
    }

    private String text(String key, Object[] arguments, Locale locale) {
        return messages.getMessage(key, arguments, locale);
    }
}
