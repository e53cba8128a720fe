package nl.doorstroom.system;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

import nl.doorstroom.forecasting.ForecastScenario;
import nl.doorstroom.forecasting.ForecastScenarios;
import nl.doorstroom.governance.ActionItemForm;
import nl.doorstroom.governance.ActionItemLink;
import nl.doorstroom.governance.ActionItemStatus;
import nl.doorstroom.governance.ActionItems;
import nl.doorstroom.governance.Meeting;
import nl.doorstroom.governance.MeetingForm;
import nl.doorstroom.governance.MeetingKind;
import nl.doorstroom.governance.Meetings;
import nl.doorstroom.governance.TableMembers;
import nl.doorstroom.identity.AuditTrail;
import nl.doorstroom.identity.DoorstroomUser;
import nl.doorstroom.identity.Role;
import nl.doorstroom.identity.Scope;
import nl.doorstroom.municipalities.MunicipalityRegistry;
import nl.doorstroom.shared.MunicipalityCode;
import nl.doorstroom.supervision.EscalationCase;
import nl.doorstroom.supervision.Escalations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Synthetic meetings of the coordination table for the demo (issue 10): three weekly meetings in the past
 * weeks (one of them an extra meeting on the outflow of permit holders) and one planned next week, with their
 * decisions and eight action items: some done or cancelled, some overdue today, some linked to a municipality,
 * an escalation case or a forecast scenario of the demo. Recorded through the facades, signed in as the
 * national coordinator, all or nothing; every meeting and item is marked synthetic and every text says so.
 * Loaded on the first start that finds no meeting, also into an existing demo database.
 */
@Component
@Order(97)
@ConditionalOnProperty(name = "doorstroom.demo.enabled", havingValue = "true")
class DemoGovernance implements ApplicationRunner {

    static final String NOTE = DemoCoordination.NOTE;
    static final MunicipalityCode UTRECHT = MunicipalityCode.of("GM0344");
    static final MunicipalityCode IJSSELSTEIN = MunicipalityCode.of("GM0353");
    /** The demo's housing corporation (see the demo accounts). */
    static final String CORPORATION = "Woonstichting Voorbeeld (synthetisch)";

    private static final Logger log = LoggerFactory.getLogger(DemoGovernance.class);

    /** What was loaded, for the log line and the tests. */
    record Loaded(int meetings, int actionItems, int overdue) {
    }

    private final Meetings meetings;
    private final ActionItems actionItems;
    private final Escalations escalations;
    private final ForecastScenarios scenarios;
    private final MunicipalityRegistry registry;
    private final TransactionTemplate transaction;

    DemoGovernance(Meetings meetings, ActionItems actionItems, Escalations escalations, ForecastScenarios scenarios,
            MunicipalityRegistry registry, TransactionTemplate transaction) {
        this.meetings = meetings;
        this.actionItems = actionItems;
        this.escalations = escalations;
        this.scenarios = scenarios;
        this.registry = registry;
        this.transaction = transaction;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (meetings.any()) {
            return;
        }
        long started = System.nanoTime();
        var loaded = as(() -> transaction.execute(status -> load(LocalDate.now(AuditTrail.ZONE))));
        if (loaded != null) {
            log.info("Demo governance loaded in {} ms: {} synthetic meetings, {} action items ({} overdue today)",
                    (System.nanoTime() - started) / 1_000_000, loaded.meetings(), loaded.actionItems(), loaded.overdue());
        }
    }

    Loaded load(LocalDate today) {
        // The table meets weekly on Fridays: two Fridays before today, an extra meeting on a Wednesday between,
        // and the next Friday planned. Due dates below are chosen so that some items are overdue on any weekday.
        var friday = today.with(TemporalAdjusters.previous(DayOfWeek.FRIDAY));
        var first = friday.minusWeeks(2);
        var extra = first.plusDays(5);
        var third = friday;
        var planned = today.with(TemporalAdjusters.next(DayOfWeek.FRIDAY));
        var table = participants();

        long m1 = meetings.recordSynthetic(new MeetingForm(first, MeetingKind.REGULAR, "Landelijke Regietafel" + NOTE, table,
                List.of(new Meeting.AgendaItem("Opening en mededelingen", null),
                        new Meeting.AgendaItem("Voortgang taakstelling eerste halfjaar", "landelijk en per provincie"),
                        new Meeting.AgendaItem("Doorstroom uit Ter Apel", null),
                        new Meeting.AgendaItem("Toewijzingspercentage sociale huur", null)),
                "Synthetisch verslag. De tafel bespreekt de achterstand in de huisvesting van vergunninghouders en de "
                        + "bezetting van Ter Apel.\nHet coördinatiecentrum belt gemeenten onder 30% realisatie.",
                List.of("Het coördinatiecentrum start de belronde bij gemeenten onder 30% realisatie" + NOTE,
                        "Ministerie en woningcorporaties bespreken opties voor het toewijzingspercentage" + NOTE)));
        long m2 = meetings.recordSynthetic(new MeetingForm(extra, MeetingKind.EXTRA,
                "Extra overleg over uitstroom van vergunninghouders" + NOTE, table,
                List.of(new Meeting.AgendaItem("Uitstroom van vergunninghouders uit de opvang", null),
                        new Meeting.AgendaItem("Tijdelijke locaties per provincie", "hotels, vakantieparken, rijksvastgoed")),
                "Synthetisch verslag van het extra overleg over de uitstroom.",
                List.of("Provincies leveren per provincie een lijst met tijdelijke locaties" + NOTE)));
        long m3 = meetings.recordSynthetic(new MeetingForm(third, MeetingKind.REGULAR, "Landelijke Regietafel" + NOTE, table,
                List.of(new Meeting.AgendaItem("Opening en mededelingen", null),
                        new Meeting.AgendaItem("Prognose van de opvang", null),
                        new Meeting.AgendaItem("Toezicht en indeplaatsstelling", null)),
                "Synthetisch verslag. De prognose laat zien hoe lang de capaciteit nog volstaat.",
                List.of("JenV rekent een scenario door met 500 extra plaatsen per week" + NOTE)));
        long m4 = meetings.recordSynthetic(new MeetingForm(planned, MeetingKind.REGULAR, "Landelijke Regietafel" + NOTE, table,
                List.of(new Meeting.AgendaItem("Opening en mededelingen", null),
                        new Meeting.AgendaItem("Voortgang taakstelling", null),
                        new Meeting.AgendaItem("Toewijzingspercentage: stand van zaken", null)),
                null, List.of()));

        var items = new ArrayList<Long>();
        long allocation = item(m1, "Ministerie en woningcorporaties bespreken opties voor het toewijzingspercentage" + NOTE,
                TableMembers.BZK, first.plusDays(14), List.of());
        items.add(allocation);
        status(allocation, ActionItemStatus.IN_PROGRESS, first.plusDays(4), "Eerste gesprek met Aedes gevoerd" + NOTE);
        long calls = item(m1, "Coördinatiecentrum belt de gemeenten onder 30% realisatie" + NOTE,
                TableMembers.COORDINATION_CENTRE, first.plusDays(7), List.of());
        items.add(calls);
        status(calls, ActionItemStatus.DONE, first.plusDays(6), "Eerste belronde afgerond" + NOTE);
        long list = item(m1, "COA levert per gemeente het aantal vergunninghouders langer dan 14 weken in de opvang" + NOTE,
                TableMembers.COA, first.plusDays(5), List.of());
        items.add(list);
        status(list, ActionItemStatus.DONE, first.plusDays(3), null);
        long sites = item(m2, "Provincies leveren per provincie de lijst met tijdelijke locaties" + NOTE, TableMembers.IPO,
                extra.plusDays(7), List.of());
        items.add(sites);
        long utrecht = item(m2, "Gemeente Utrecht licht haar achterstand en de geplande woningen toe" + NOTE,
                municipalityName(UTRECHT), planned.plusDays(3),
                List.of(new ActionItemLink(ActionItemLink.Kind.MUNICIPALITY, UTRECHT.value())));
        items.add(utrecht);
        long hotel = item(m2, "Onderzoek naar een extra hotellocatie (HAR) vervalt: locatie niet beschikbaar" + NOTE,
                TableMembers.COA, extra.plusDays(10), List.of());
        items.add(hotel);
        status(hotel, ActionItemStatus.CANCELLED, extra.plusDays(2), "Locatie niet beschikbaar" + NOTE);

        var openCase = escalations.cases(null, null, true).stream().filter(EscalationCase::synthetic).findFirst();
        var caseLinks = openCase.map(c -> List.of(new ActionItemLink(ActionItemLink.Kind.ESCALATION_CASE, String.valueOf(c.id())),
                new ActionItemLink(ActionItemLink.Kind.MUNICIPALITY, c.municipality().value()))).orElse(List.of());
        var caseOwner = openCase.flatMap(c -> registry.province(c.province()))
                .map(p -> TableMembers.provinceOrganisation(p.name())).orElse(TableMembers.IPO);
        items.add(item(m3, "Provincie bespreekt de toezichtzaak en het handelingsperspectief met de gemeente" + NOTE,
                caseOwner, planned.plusDays(7), caseLinks));
        var scenario = scenarios.all().stream().filter(ForecastScenario::synthetic).findFirst();
        items.add(item(m3, "JenV rekent een scenario door met 500 extra plaatsen per week" + NOTE, TableMembers.JENV,
                today.minusDays(1),
                scenario.map(s -> List.of(new ActionItemLink(ActionItemLink.Kind.FORECAST_SCENARIO, String.valueOf(s.id()))))
                        .orElse(List.of())));
        items.add(item(m3, "Woningcorporaties melden de vrijkomende sociale huurwoningen in hun gemeenten" + NOTE,
                CORPORATION, planned.plusDays(14),
                List.of(new ActionItemLink(ActionItemLink.Kind.MUNICIPALITY, IJSSELSTEIN.value()))));

        long overdue = actionItems.overdueOn(today).stream().filter(i -> items.contains(i.id())).count();
        return new Loaded(4, items.size(), (int) overdue);
    }

    private long item(long meeting, String what, String owner, LocalDate due, List<ActionItemLink> links) {
        return actionItems.record(meeting, new ActionItemForm(what, owner, null, due, links));
    }

    private void status(long id, ActionItemStatus status, LocalDate on, String note) {
        var item = actionItems.find(id);
        actionItems.changeStatus(id, item.version(), status, on, note);
    }

    private String municipalityName(MunicipalityCode code) {
        return TableMembers.municipalityOrganisation(registry.find(code).map(m -> m.name()).orElse(code.value()));
    }

    private static List<Meeting.Participant> participants() {
        var list = new ArrayList<Meeting.Participant>();
        for (var organisation : TableMembers.TABLE_ORGANISATIONS) {
            list.add(new Meeting.Participant(organisation, null));
        }
        return list;
    }

    private static <T> T as(java.util.function.Supplier<T> work) {
        var loader = new DoorstroomUser(0, DemoQuotaHistory.ACTOR, "Demoscenario", Role.NATIONAL_COORDINATOR, Scope.nation());
        var previous = SecurityContextHolder.getContext();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(loader, null,
                List.of(new SimpleGrantedAuthority(Role.NATIONAL_COORDINATOR.authority()))));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        }
        finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
