package nl.doorstroom.permitholders.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import nl.doorstroom.identity.CurrentUser;
import nl.doorstroom.identity.DoorstroomUser;
import nl.doorstroom.identity.ScopeKind;
import nl.doorstroom.permitholders.HouseholdOverview;
import nl.doorstroom.permitholders.HouseholdRegister;
import nl.doorstroom.permitholders.OverdueBand;
import nl.doorstroom.permitholders.OverdueRow;
import nl.doorstroom.permitholders.Stage;
import nl.doorstroom.shared.InvalidInput.Problem;
import nl.doorstroom.shared.MunicipalityCode;
import nl.doorstroom.shared.ProvinceCode;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Households past their stage's norm, counted by how far (nation: per province and the households COA
 * has not yet linked; a province: per municipality), with those longer than 14 weeks in reception and
 * HAR placements past six months. Counts only, for every signed-in role; a role that may see households
 * follows each count to the list of those households, within its scope.
 */
@Controller
class OverduePages {

    /** A row of the table, with the address of the list behind each count (null where the reader may not follow it). */
    record Row(String area, String name, OverdueRow counts, Map<OverdueBand, String> bandLinks, String overdueLink,
            String pastFourteenWeeksLink, String harLink) {
    }

    private final HouseholdOverview overview;
    private final AreaChoices areas;

    OverduePages(HouseholdOverview overview, AreaChoices areas) {
        this.overview = overview;
        this.areas = areas;
    }

    @GetMapping("/households/overdue")
    String overdue(@RequestParam(required = false) String province, Model model, Locale locale) {
        var problems = new ArrayList<Problem>();
        ProvinceCode chosen = null;
        if (province != null && !province.isBlank()) {
            try {
                chosen = ProvinceCode.of(province.strip().toUpperCase(Locale.ROOT));
                if (areas.registry().province(chosen).isEmpty()) {
                    problems.add(Problem.of("province", "households.overdue.unknownProvince", province.strip()));
                    chosen = null;
                }
            }
            catch (IllegalArgumentException e) {
                problems.add(Problem.of("province", "households.overdue.unknownProvince", province.strip()));
            }
        }
        var today = HouseholdPages.today();
        var result = overview.overdue(chosen, today);
        var user = CurrentUser.get().orElseThrow();
        boolean mayFollow = HouseholdRegister.mayRead();
        var rows = new ArrayList<Row>();
        for (var row : result.rows()) {
            rows.add(row(row, chosen, user, mayFollow));
        }
        var total = totalRow(result.total(), chosen, user, mayFollow);
        model.addAttribute("problems", problems);
        model.addAttribute("province", chosen);
        model.addAttribute("provinceName", chosen == null ? null
                : areas.registry().province(chosen).map(p -> p.name()).orElse(chosen.value()));
        model.addAttribute("today", today);
        model.addAttribute("rows", rows);
        model.addAttribute("total", total);
        model.addAttribute("bands", OverdueBand.values());
        model.addAttribute("provinces", areas.provinces());
        model.addAttribute("mayFollow", mayFollow);
        return "permitholders/overdue";
    }

    private Row row(OverdueRow row, ProvinceCode province, DoorstroomUser user, boolean mayFollow) {
        String name;
        Map<String, String> base = new LinkedHashMap<>();
        boolean follow;
        if (row.area() == null) {
            name = null;
            base.put("stage", Stage.AWAITING_LINK.name());
            follow = mayFollow && user.scope().kind() == ScopeKind.NATION;
        }
        else if (province == null) {
            var code = ProvinceCode.of(row.area());
            name = areas.registry().province(code).map(p -> p.name()).orElse(row.area());
            base.put("province", row.area());
            follow = mayFollow && user.scope().coversProvince(code);
        }
        else {
            var code = MunicipalityCode.of(row.area());
            name = areas.name(code);
            base.put("municipality", row.area());
            follow = mayFollow && user.scope().covers(code, province);
        }
        return links(row.area(), name, row, base, follow);
    }

    private Row totalRow(OverdueRow total, ProvinceCode province, DoorstroomUser user, boolean mayFollow) {
        Map<String, String> base = new LinkedHashMap<>();
        if (province != null) {
            base.put("province", province.value());
        }
        // Only where the list holds what the count counts: the whole nation, or the whole province.
        boolean follow = mayFollow && (province == null ? user.scope().kind() == ScopeKind.NATION
                : user.scope().coversProvince(province));
        return links(total.area(), null, total, base, follow);
    }

    private static Row links(String area, String name, OverdueRow counts, Map<String, String> base, boolean follow) {
        if (!follow) {
            return new Row(area, name, counts, Map.of(), null, null, null);
        }
        var bandLinks = new LinkedHashMap<OverdueBand, String>();
        for (var band : OverdueBand.values()) {
            bandLinks.put(band, link(base, "OVERDUE", band));
        }
        return new Row(area, name, counts, bandLinks, link(base, "OVERDUE", null), link(base, "PAST_14_WEEKS", null),
                link(base, "HAR_OVER_TERM", null));
    }

    private static String link(Map<String, String> base, String overdue, OverdueBand band) {
        var stages = base.containsKey("stage") ? List.of(base.get("stage")) : List.<String>of();
        return new HouseholdQuery(null, stages, null, null, base.get("municipality"), base.get("province"), overdue,
                band == null ? null : band.name()).link("/households", 0);
    }
}
