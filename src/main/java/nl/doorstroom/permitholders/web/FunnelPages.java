package nl.doorstroom.permitholders.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import nl.doorstroom.shared.FormInput;
import nl.doorstroom.documents.Chart;
import nl.doorstroom.identity.CurrentUser;
import nl.doorstroom.identity.ScopeKind;
import nl.doorstroom.permitholders.Funnel;
import nl.doorstroom.permitholders.HouseholdOverview;
import nl.doorstroom.permitholders.HouseholdOverview.Area;
import nl.doorstroom.permitholders.WeeklyFlow;
import nl.doorstroom.shared.InvalidInput.Problem;
import nl.doorstroom.shared.MunicipalityCode;
import nl.doorstroom.shared.ProvinceCode;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The way from permit to home for the nation, a province or a municipality: how many households
 * reached each step (permit, linked, offered, housed or placed under the HAR) with the median days each
 * step took, and the households per week and step over the last half-year. Counts only, for every
 * signed-in role; each chart has its table.
 */
@Controller
class FunnelPages {

    static final int WEEKS = 26;

    /** One step of the funnel as the table shows it. */
    record Step(String key, Funnel.Count count, Double share, String median) {
    }

    /** One week of the flow: households per kind, in the order of {@link #kinds}. */
    record Week(LocalDate monday, List<Long> households, List<Long> persons) {
    }

    private final HouseholdOverview overview;
    private final AreaChoices areas;
    private final MessageSource messages;

    FunnelPages(HouseholdOverview overview, AreaChoices areas, MessageSource messages) {
        this.overview = overview;
        this.areas = areas;
        this.messages = messages;
    }

    @GetMapping("/households/funnel")
    String funnel(@RequestParam(required = false) String province, @RequestParam(required = false) String municipality,
            @RequestParam(required = false) String permitsFrom, Model model, Locale locale) {
        var problems = new ArrayList<Problem>();
        var area = Area.nation();
        String areaName = null;
        if (municipality != null && !municipality.isBlank()) {
            try {
                var code = MunicipalityCode.parse(municipality);
                if (areas.registry().exists(code)) {
                    area = Area.of(code);
                    areaName = areas.name(code);
                }
                else {
                    problems.add(Problem.of("municipality", "households.funnel.unknownArea", municipality.strip()));
                }
            }
            catch (IllegalArgumentException e) {
                problems.add(Problem.of("municipality", "households.funnel.unknownArea", municipality.strip()));
            }
        }
        else if (province != null && !province.isBlank()) {
            try {
                var code = ProvinceCode.of(province.strip().toUpperCase(Locale.ROOT));
                var found = areas.registry().province(code);
                if (found.isPresent()) {
                    area = Area.of(code);
                    areaName = found.get().name();
                }
                else {
                    problems.add(Problem.of("province", "households.funnel.unknownArea", province.strip()));
                }
            }
            catch (IllegalArgumentException e) {
                problems.add(Problem.of("province", "households.funnel.unknownArea", province.strip()));
            }
        }
        var input = new FormInput();
        LocalDate from = null;
        try {
            from = input.date("permitsFrom", permitsFrom);
            input.check();
        }
        catch (nl.doorstroom.shared.InvalidInput e) {
            problems.addAll(e.problems());
        }
        var today = HouseholdPages.today();
        var funnel = overview.funnel(area, from);
        var flow = overview.weeklyFlow(area, WEEKS, today);
        var steps = steps(funnel, area.national(), locale);
        model.addAttribute("medianMinimum", nl.doorstroom.permitholders.HouseholdOverview.MEDIAN_MINIMUM);
        model.addAttribute("problems", problems);
        model.addAttribute("area", area);
        model.addAttribute("areaName", areaName);
        model.addAttribute("permitsFrom", from);
        model.addAttribute("today", today);
        model.addAttribute("funnel", funnel);
        model.addAttribute("steps", steps);
        model.addAttribute("funnelChart", funnelChart(steps, locale));
        model.addAttribute("kinds", List.copyOf(flow.households().keySet()));
        model.addAttribute("weeks", weeks(flow));
        model.addAttribute("flowChart", flowChart(flow, locale));
        model.addAttribute("provinces", areas.provinces());
        model.addAttribute("groups", areas.groups());
        model.addAttribute("chosenProvince", area.province() == null ? "" : area.province().value());
        model.addAttribute("chosenMunicipality", area.municipality() == null ? "" : area.municipality().value());
        var user = CurrentUser.get().orElseThrow();
        model.addAttribute("ownMunicipality", user.scope().kind() == ScopeKind.MUNICIPALITY
                ? user.scope().municipality().value() : null);
        return "permitholders/funnel";
    }

    private List<Step> steps(Funnel funnel, boolean national, Locale locale) {
        long base = funnel.registered().households();
        return List.of(
                new Step(national ? "households.funnel.registered" : "households.funnel.registeredHere",
                        funnel.registered(), share(funnel.registered(), base), null),
                new Step("households.funnel.linked", funnel.linked(), share(funnel.linked(), base),
                        median("households.funnel.median.link", funnel.medianDaysToLink(), locale)),
                new Step("households.funnel.offered", funnel.offered(), share(funnel.offered(), base),
                        median("households.funnel.median.offer", funnel.medianDaysToOffer(), locale)),
                new Step("households.funnel.housed", funnel.housed(), share(funnel.housed(), base),
                        median("households.funnel.median.move", funnel.medianDaysToMove(), locale)),
                new Step("households.funnel.har", funnel.har(), share(funnel.har(), base),
                        median("households.funnel.median.har", funnel.medianDaysToHar(), locale)));
    }

    /** The median days of a step in words (vergunning tot koppeling: 12,5 dagen), or that none took it yet. */
    private String median(String stepKey, Double days, Locale locale) {
        var step = text(stepKey, locale);
        if (days == null) {
            return messages.getMessage("households.funnel.noMedian", new Object[] {step}, locale);
        }
        var number = java.text.NumberFormat.getNumberInstance(locale);
        number.setMaximumFractionDigits(1);
        return messages.getMessage("households.funnel.medianDays", new Object[] {step, number.format(days)}, locale);
    }

    private static Double share(Funnel.Count count, long base) {
        return base == 0 ? null : (double) count.households() / base;
    }

    private String funnelChart(List<Step> steps, Locale locale) {
        var categories = steps.stream().map(s -> text(s.key(), locale)).toList();
        return Chart.bar(categories, List.of(
                new Chart.Series(text("households.funnel.households", locale),
                        steps.stream().map(s -> s.count().households()).toList()),
                new Chart.Series(text("households.funnel.persons", locale),
                        steps.stream().map(s -> s.count().persons()).toList())))
                .json();
    }

    private static List<Week> weeks(WeeklyFlow flow) {
        var weeks = new ArrayList<Week>();
        for (int i = 0; i < flow.weeks().size(); i++) {
            int week = i;
            weeks.add(new Week(flow.weeks().get(i),
                    flow.households().values().stream().map(v -> v.get(week)).toList(),
                    flow.persons().values().stream().map(v -> v.get(week)).toList()));
        }
        return weeks;
    }

    private String flowChart(WeeklyFlow flow, Locale locale) {
        var format = DateTimeFormatter.ofPattern("d-M");
        var categories = flow.weeks().stream().map(format::format).toList();
        var series = new ArrayList<Chart.Series>();
        flow.households().forEach((kind, values) -> series.add(new Chart.Series(text("event." + kind, locale), values)));
        return Chart.line(categories, series).withYAxisName(text("households.funnel.households", locale)).json();
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
