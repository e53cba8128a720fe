package nl.doorstroom.reception.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import nl.doorstroom.documents.Chart;
import nl.doorstroom.municipalities.Municipality;
import nl.doorstroom.municipalities.MunicipalityRegistry;
import nl.doorstroom.municipalities.Province;
import nl.doorstroom.reception.EmergencyMeasure;
import nl.doorstroom.reception.LocationKind;
import nl.doorstroom.reception.LocationNotFound;
import nl.doorstroom.reception.MeasureKind;
import nl.doorstroom.reception.Occupancy;
import nl.doorstroom.reception.ReceptionLocation;
import nl.doorstroom.reception.ReceptionLocations;
import nl.doorstroom.reception.Receptions;
import nl.doorstroom.reception.WeeklyReception;
import nl.doorstroom.identity.AuditTrail;
import nl.doorstroom.shared.EditConflict;
import nl.doorstroom.shared.FieldProblems;
import nl.doorstroom.shared.FormInput;
import nl.doorstroom.shared.InvalidInput;
import nl.doorstroom.shared.InvalidInput.Problem;
import nl.doorstroom.shared.MunicipalityCode;
import nl.doorstroom.shared.Notice;
import nl.doorstroom.shared.ProvinceCode;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The reception picture as people read it: the national occupancy against capacity, the central registration
 * centre against its norm and the waiting in pre-registration places over the last two years (each chart with
 * the same figures in a table); the locations with their latest occupancy against capacity; one location with
 * its history and emergency measures.
 */
@Controller
class ReceptionPages {

    /** How far back the charts look: two years of weeks. */
    static final int WEEKS = 104;

    /** A location in the list, with its latest figures. */
    record LocationRow(long id, String code, String name, String municipality, String province, LocationKind kind,
            int regularCapacity, int emergencyCapacity, LocalDate measuredOn, Integer occupied, Integer percent,
            boolean open) {
    }

    /** The norm form as typed. */
    record NormInput(String norm, String validFrom) {
    }

    private final ReceptionLocations reception;
    private final MunicipalityRegistry registry;
    private final MessageSource messages;

    ReceptionPages(ReceptionLocations reception, MunicipalityRegistry registry, MessageSource messages) {
        this.reception = reception;
        this.registry = registry;
        this.messages = messages;
    }

    static LocalDate today() {
        return LocalDate.now(AuditTrail.ZONE);
    }

    @GetMapping("/reception")
    String overview(Model model, Locale locale) {
        return overview(model, locale, null, FieldProblems.NONE, false);
    }

    @PostMapping("/reception/norm")
    String setNorm(@RequestParam int version, @RequestParam(required = false) String norm,
            @RequestParam(required = false) String validFrom, Model model, Locale locale, RedirectAttributes redirect) {
        var typed = new NormInput(norm, validFrom);
        try {
            var input = new FormInput();
            var persons = input.integer("norm", norm);
            var from = input.date("validFrom", validFrom);
            input.check();
            var set = reception.setTerApelNorm(version, persons, from);
            redirect.addFlashAttribute("notice", Notice.of("reception.norm.saved", set.persons()));
            return "redirect:/reception";
        }
        catch (InvalidInput e) {
            return overview(model, locale, typed, new FieldProblems(e.problems()), false);
        }
        catch (EditConflict e) {
            return overview(model, locale, typed, FieldProblems.NONE, true);
        }
    }

    private String overview(Model model, Locale locale, NormInput typed, FieldProblems normProblems, boolean conflict) {
        var today = today();
        var weeks = reception.nationalSeries(today.minusWeeks(WEEKS - 1), today);
        var norm = reception.terApelNorm();
        var labels = weeks.stream().map(w -> week(w.week())).toList();
        var national = Chart.line(labels, List.of(
                        new Chart.Series(text("reception.inProcedure", locale), weeks.stream().map(WeeklyReception::inProcedure).toList(), "occupancy"),
                        new Chart.Series(text("reception.permitHolders", locale), weeks.stream().map(WeeklyReception::permitHolders).toList(), "occupancy"),
                        new Chart.Series(text("reception.other", locale), weeks.stream().map(WeeklyReception::other).toList(), "occupancy"),
                        new Chart.Series(text("reception.capacity", locale), weeks.stream().map(WeeklyReception::capacity).toList())))
                .withYAxisName(text("reception.persons", locale));
        var central = Chart.line(labels, List.of(new Chart.Series(text("reception.centralRegistration", locale),
                        weeks.stream().map(WeeklyReception::centralRegistration).toList())))
                .withYAxisName(text("reception.persons", locale)).withMarkLine(text("reception.norm", locale), norm.persons());
        var waiting = Chart.line(labels, List.of(new Chart.Series(text("reception.preRegistration", locale),
                        weeks.stream().map(WeeklyReception::preRegistrationWaiting).toList())))
                .withYAxisName(text("reception.persons", locale));
        var latest = weeks.stream().filter(w -> w.locationsReporting() > 0).reduce((a, b) -> b).orElse(null);
        var aboveNorm = weeks.stream().filter(w -> w.centralRegistration() > norm.persons()).count();
        model.addAttribute("weeks", weeks);
        model.addAttribute("latest", latest);
        model.addAttribute("norm", norm);
        model.addAttribute("normHistory", reception.normHistory());
        model.addAttribute("weeksAboveNorm", aboveNorm);
        model.addAttribute("nationalChart", national.json());
        model.addAttribute("centralChart", central.json());
        model.addAttribute("waitingChart", waiting.json());
        model.addAttribute("measures", reception.measuresInForce(today));
        model.addAttribute("locationNames", names(reception.search(null, Set.of())));
        model.addAttribute("mayKeepNorm", Receptions.mayKeepNorm());
        model.addAttribute("normInput", typed == null ? new NormInput(String.valueOf(norm.persons()), today.toString()) : typed);
        model.addAttribute("normProblems", normProblems);
        model.addAttribute("normConflict", conflict);
        return "reception/overview";
    }

    @GetMapping("/reception/locations")
    String locations(@RequestParam(required = false) String province, @RequestParam(required = false) String kind,
            Model model) {
        var problems = new ArrayList<Problem>();
        ProvinceCode chosenProvince = null;
        if (!FormInput.blank(province)) {
            try {
                chosenProvince = ProvinceCode.of(province.strip().toUpperCase(Locale.ROOT));
                if (!registry.exists(chosenProvince)) {
                    problems.add(Problem.of("province", "reception.filter.province", province.strip()));
                    chosenProvince = null;
                }
            }
            catch (IllegalArgumentException e) {
                problems.add(Problem.of("province", "reception.filter.province", province.strip()));
            }
        }
        LocationKind chosenKind = null;
        if (!FormInput.blank(kind)) {
            chosenKind = LocationKind.parse(kind).orElse(null);
            if (chosenKind == null) {
                problems.add(Problem.of("kind", "reception.filter.kind", kind.strip()));
            }
        }
        var today = today();
        var found = reception.search(chosenProvince, chosenKind == null ? Set.of() : Set.of(chosenKind));
        var latest = reception.latestOccupancy(today);
        var rows = found.stream().map(l -> {
            var o = latest.get(l.id());
            Integer occupied = o == null ? null : o.total();
            Integer percent = o == null || l.capacity() == 0 ? null : (int) Math.round(100.0 * o.total() / l.capacity());
            return new LocationRow(l.id(), l.code(), l.name(), municipalityName(l.municipality()),
                    l.province() == null ? "" : provinceName(l.province()), l.kind(), l.regularCapacity(),
                    l.emergencyCapacity(), o == null ? null : o.date(), occupied, percent, l.openOn(today));
        }).sorted(Comparator.comparing(LocationRow::province).thenComparing(LocationRow::name)).toList();
        model.addAttribute("problems", problems);
        model.addAttribute("rows", rows);
        model.addAttribute("totalRegular", rows.stream().filter(LocationRow::open).mapToInt(LocationRow::regularCapacity).sum());
        model.addAttribute("totalEmergency", rows.stream().filter(LocationRow::open).mapToInt(LocationRow::emergencyCapacity).sum());
        model.addAttribute("totalOccupied", rows.stream().filter(r -> r.occupied() != null).mapToInt(LocationRow::occupied).sum());
        model.addAttribute("provinces", registry.provinces().stream().sorted(Comparator.comparing(Province::name)).toList());
        model.addAttribute("kinds", LocationKind.values());
        model.addAttribute("chosenProvince", chosenProvince == null ? "" : chosenProvince.value());
        model.addAttribute("chosenKind", chosenKind == null ? "" : chosenKind.name());
        return "reception/locations";
    }

    @GetMapping("/reception/locations/{id:\\d+}")
    String location(@PathVariable long id, Model model, Locale locale) {
        return location(id, model, locale, null, FieldProblems.NONE);
    }

    String location(long id, Model model, Locale locale, MeasureInput typed, FieldProblems measureProblems) {
        var location = reception.location(id).orElseThrow(() -> new LocationNotFound(id));
        var today = today();
        var history = reception.occupancy(id, today.minusWeeks(WEEKS), today);
        var labels = history.stream().map(o -> week(o.date())).toList();
        var chart = Chart.line(labels, List.of(
                        new Chart.Series(text("reception.inProcedure", locale), history.stream().map(Occupancy::inProcedure).toList(), "occupancy"),
                        new Chart.Series(text("reception.permitHolders", locale), history.stream().map(Occupancy::permitHolders).toList(), "occupancy"),
                        new Chart.Series(text("reception.other", locale), history.stream().map(Occupancy::other).toList(), "occupancy")))
                .withYAxisName(text("reception.persons", locale));
        if (location.kind() == LocationKind.CENTRAL_REGISTRATION) {
            var norm = reception.terApelNorm();
            chart = chart.withMarkLine(text("reception.norm", locale), norm.persons());
        }
        else if (location.capacity() > 0) {
            chart = chart.withMarkLine(text("reception.capacity", locale), location.capacity());
        }
        model.addAttribute("location", location);
        model.addAttribute("municipalityName", municipalityName(location.municipality()));
        model.addAttribute("provinceName", location.province() == null ? "" : provinceName(location.province()));
        var newestFirst = new ArrayList<>(history);
        java.util.Collections.reverse(newestFirst);
        model.addAttribute("history", newestFirst);
        model.addAttribute("latest", history.isEmpty() ? null : history.get(history.size() - 1));
        model.addAttribute("chart", history.isEmpty() ? null : chart.json());
        model.addAttribute("measures", reception.measures(id));
        model.addAttribute("today", today);
        model.addAttribute("measureKinds", MeasureKind.values());
        model.addAttribute("measure", typed == null ? MeasureInput.empty(today) : typed);
        model.addAttribute("measureProblems", measureProblems);
        return "reception/location";
    }

    /** The measure form as typed. */
    record MeasureInput(String measureKind, String description, String startsOn, String endsOn, String places) {

        static MeasureInput empty(LocalDate today) {
            return new MeasureInput("", "", today.toString(), "", "");
        }
    }

    private static String week(LocalDate day) {
        return day.format(DateTimeFormatter.ofPattern("d-M-yyyy"));
    }

    private static java.util.Map<Long, String> names(List<ReceptionLocation> locations) {
        var names = new java.util.HashMap<Long, String>();
        locations.forEach(l -> names.put(l.id(), l.name()));
        return names;
    }

    boolean registryKnows(MunicipalityCode code) {
        return registry.exists(code);
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
