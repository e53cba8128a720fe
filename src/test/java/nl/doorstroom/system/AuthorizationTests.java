package nl.doorstroom.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import nl.doorstroom.IntegrationTest;
import nl.doorstroom.TestUsers;
import nl.doorstroom.coordination.Coordinators;
import nl.doorstroom.governance.TableMembers;
import nl.doorstroom.governance.TableLetterWriters;
import nl.doorstroom.identity.AccountAdministration;
import nl.doorstroom.identity.ApiTokens;
import nl.doorstroom.identity.Role;
import nl.doorstroom.matching.LinkingRuns;
import nl.doorstroom.permitholders.HouseholdRegister;
import nl.doorstroom.permitholders.Journeys;
import nl.doorstroom.permitholders.LinkCancelReasons;
import nl.doorstroom.progress.AssessmentPolicy;
import nl.doorstroom.progress.Realisation;
import nl.doorstroom.quota.Indicators;
import nl.doorstroom.quota.Mergers;
import nl.doorstroom.quota.NationalTotals;
import nl.doorstroom.quota.QuotaTransfers;
import nl.doorstroom.housingmarket.MarketReaders;
import nl.doorstroom.reception.ReceptionTasks;
import nl.doorstroom.reception.Receptions;
import nl.doorstroom.sites.SiteInventory;
import nl.doorstroom.supervision.LetterTemplates;
import nl.doorstroom.supervision.Supervisors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import nl.doorstroom.housingmarket.SimulationAccess;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Walks every page and API endpoint with every role (and with nobody) and checks allowed or
 * forbidden. A new endpoint that is not listed here fails {@link #everyEndpointIsInTheMatrix}.
 */
@IntegrationTest
class AuthorizationTests {

    static final Set<Role> EVERYONE = EnumSet.allOf(Role.class);
    static final Set<Role> ADMIN = EnumSet.of(Role.ADMINISTRATOR);

    /** @param body the JSON body an API request sends (pages send none) */
    record Endpoint(HttpMethod method, String path, Set<Role> allowed, String body) {

        Endpoint(HttpMethod method, String path, Set<Role> allowed) {
            this(method, path, allowed, "{}");
        }
    }

    static final Set<Role> NATIONAL_READERS = EnumSet.of(Role.NATIONAL_COORDINATOR, Role.MINISTRY_ANALYST,
            Role.COA_PLANNER, Role.ADMINISTRATOR);

    static final Set<Role> COMMITMENT_READERS = union(Coordinators.READERS, Set.of(Role.MUNICIPALITY_OFFICER));

    static Set<Role> union(Set<Role> a, Set<Role> b) {
        var all = EnumSet.noneOf(Role.class);
        all.addAll(a);
        all.addAll(b);
        return all;
    }

    static final List<Endpoint> PAGES = List.of(
            new Endpoint(HttpMethod.GET, "/", EVERYONE),
            new Endpoint(HttpMethod.GET, "/?figure=DENSITY", EVERYONE),
            new Endpoint(HttpMethod.GET, "/municipalities", EVERYONE),
            new Endpoint(HttpMethod.GET, "/municipalities/GM0363", EVERYONE),
            new Endpoint(HttpMethod.GET, "/provinces", EVERYONE),
            new Endpoint(HttpMethod.GET, "/provinces/PV27", EVERYONE),
            new Endpoint(HttpMethod.GET, "/regions", EVERYONE),
            new Endpoint(HttpMethod.GET, "/regions/COA-1", EVERYONE),
            new Endpoint(HttpMethod.GET, "/population-versions", EVERYONE),
            new Endpoint(HttpMethod.GET, "/population-versions/1", EVERYONE),
            new Endpoint(HttpMethod.GET, "/regions/new", Role.REGION_EDITORS),
            new Endpoint(HttpMethod.POST, "/regions/new", Role.REGION_EDITORS),
            new Endpoint(HttpMethod.GET, "/regions/no-such-region/edit", Role.REGION_EDITORS),
            new Endpoint(HttpMethod.POST, "/regions/no-such-region/edit", Role.REGION_EDITORS),
            new Endpoint(HttpMethod.POST, "/regions/no-such-region/delete", Role.REGION_EDITORS),
            new Endpoint(HttpMethod.GET, "/population-versions/import", Role.IMPORTERS_OF_REFERENCE_DATA),
            new Endpoint(HttpMethod.POST, "/population-versions/import", Role.IMPORTERS_OF_REFERENCE_DATA),
            new Endpoint(HttpMethod.GET, "/households", HouseholdRegister.READERS),
            new Endpoint(HttpMethod.GET, "/households/export?format=csv", HouseholdRegister.READERS),
            new Endpoint(HttpMethod.GET, "/households/999999", HouseholdRegister.READERS),
            new Endpoint(HttpMethod.GET, "/households/new", HouseholdRegister.REGISTRARS),
            new Endpoint(HttpMethod.POST, "/households", HouseholdRegister.REGISTRARS),
            new Endpoint(HttpMethod.GET, "/households/999999/edit", HouseholdRegister.REGISTRARS),
            new Endpoint(HttpMethod.POST, "/households/999999", HouseholdRegister.REGISTRARS),
            new Endpoint(HttpMethod.GET, "/households/import", HouseholdRegister.REGISTRARS),
            new Endpoint(HttpMethod.POST, "/households/import", HouseholdRegister.REGISTRARS),
            new Endpoint(HttpMethod.POST, "/households/999999/link", Journeys.LINKERS),
            new Endpoint(HttpMethod.POST, "/households/999999/cancel-link", Journeys.LINKERS),
            new Endpoint(HttpMethod.POST, "/households/999999/offer", Journeys.RECORDERS),
            new Endpoint(HttpMethod.POST, "/households/999999/har", Journeys.RECORDERS),
            new Endpoint(HttpMethod.POST, "/households/999999/move-in", Journeys.RECORDERS),
            new Endpoint(HttpMethod.GET, "/households/overdue", EVERYONE),
            new Endpoint(HttpMethod.GET, "/households/overdue?province=PV26", EVERYONE),
            new Endpoint(HttpMethod.GET, "/households/funnel", EVERYONE),
            new Endpoint(HttpMethod.GET, "/households/funnel?province=PV26", EVERYONE),
            new Endpoint(HttpMethod.GET, "/households/cancel-reasons", EVERYONE),
            new Endpoint(HttpMethod.POST, "/households/cancel-reasons", LinkCancelReasons.KEEPERS),
            new Endpoint(HttpMethod.POST, "/households/cancel-reasons/NO_SUCH_REASON/retire", LinkCancelReasons.KEEPERS),
            new Endpoint(HttpMethod.POST, "/households/cancel-reasons/NO_SUCH_REASON/restore", LinkCancelReasons.KEEPERS),
            // Linking runs: COA planners and national coordinators read them; planners run and decide (as they link).
            new Endpoint(HttpMethod.GET, "/linking", LinkingRuns.READERS),
            new Endpoint(HttpMethod.GET, "/linking/runs/999999", LinkingRuns.READERS),
            new Endpoint(HttpMethod.GET, "/linking/runs/999999?show=UNLINKED", LinkingRuns.READERS),
            new Endpoint(HttpMethod.GET, "/linking/runs/999999/progress", LinkingRuns.READERS),
            new Endpoint(HttpMethod.GET, "/linking/runs/999999/proposals/999999", LinkingRuns.READERS),
            new Endpoint(HttpMethod.GET, "/linking/runs/999999/fairness", LinkingRuns.READERS),
            // A region that does not exist: the planner is refused (400) and no run is started.
            new Endpoint(HttpMethod.POST, "/linking/runs?region=NOWHERE", Journeys.LINKERS),
            new Endpoint(HttpMethod.POST, "/linking/runs/999999/cancel", Journeys.LINKERS),
            // With a proposal chosen: the page refuses an empty choice (a redirect) before the facade checks the role.
            new Endpoint(HttpMethod.POST, "/linking/runs/999999/accept?household=999999", Journeys.LINKERS),
            new Endpoint(HttpMethod.POST, "/linking/runs/999999/accept?all=true", Journeys.LINKERS),
            new Endpoint(HttpMethod.POST, "/linking/runs/999999/reject?household=999999", Journeys.LINKERS),
            new Endpoint(HttpMethod.POST, "/linking/runs/999999/proposals/999999/change", Journeys.LINKERS),
            new Endpoint(HttpMethod.POST, "/linking/runs/999999/recompute", Journeys.LINKERS),
            // The coordination centre: the facades check scope (which municipalities) on top of these roles.
            new Endpoint(HttpMethod.GET, "/coordination", Coordinators.READERS),
            new Endpoint(HttpMethod.GET, "/coordination/policy", Coordinators.READERS),
            new Endpoint(HttpMethod.GET, "/coordination/contacts", Coordinators.READERS),
            new Endpoint(HttpMethod.GET, "/coordination/contacts/999999", Coordinators.READERS),
            new Endpoint(HttpMethod.GET, "/coordination/contacts/new", Coordinators.COORDINATORS),
            new Endpoint(HttpMethod.GET, "/coordination/work", Coordinators.COORDINATORS),
            new Endpoint(HttpMethod.GET, "/coordination/weekly", Coordinators.READERS),
            new Endpoint(HttpMethod.GET, "/coordination/municipalities/GM0344", COMMITMENT_READERS),
            // A section of the progress page: empty (200) for those who may not see it.
            new Endpoint(HttpMethod.GET, "/coordination/municipalities/GM0344/commitments", EVERYONE),
            new Endpoint(HttpMethod.POST, "/coordination/policy", Coordinators.POLICY_KEEPERS),
            new Endpoint(HttpMethod.POST, "/coordination/set-aside", Coordinators.COORDINATORS),
            new Endpoint(HttpMethod.POST, "/coordination/set-aside/GM0344/restore", Coordinators.COORDINATORS),
            new Endpoint(HttpMethod.POST, "/coordination/contacts", Coordinators.COORDINATORS),
            new Endpoint(HttpMethod.POST, "/coordination/contacts/999999", Coordinators.COORDINATORS),
            new Endpoint(HttpMethod.POST, "/coordination/commitments/999999/decision", Coordinators.COORDINATORS),
            new Endpoint(HttpMethod.POST, "/coordination/follow-ups/999999/done", Coordinators.COORDINATORS),
            new Endpoint(HttpMethod.GET, "/admin/accounts", ADMIN),
            new Endpoint(HttpMethod.GET, "/admin/accounts/new", ADMIN),
            new Endpoint(HttpMethod.POST, "/admin/accounts/new", ADMIN),
            new Endpoint(HttpMethod.GET, "/admin/accounts/1", ADMIN),
            new Endpoint(HttpMethod.POST, "/admin/accounts/1", ADMIN),
            new Endpoint(HttpMethod.POST, "/admin/accounts/1/password", ADMIN),
            new Endpoint(HttpMethod.GET, "/admin/tokens", ADMIN),
            new Endpoint(HttpMethod.POST, "/admin/tokens", ADMIN),
            new Endpoint(HttpMethod.POST, "/admin/tokens/999999/revoke", ADMIN),
            new Endpoint(HttpMethod.GET, "/admin/audit", ADMIN),
            new Endpoint(HttpMethod.GET, "/progress", EVERYONE),
            new Endpoint(HttpMethod.GET, "/progress?format=csv&table=provinces", EVERYONE),
            new Endpoint(HttpMethod.GET, "/progress/map", EVERYONE),
            new Endpoint(HttpMethod.GET, "/progress/municipalities", EVERYONE),
            new Endpoint(HttpMethod.GET, "/progress/municipalities?format=xlsx", EVERYONE),
            new Endpoint(HttpMethod.GET, "/progress/municipalities/GM0344", EVERYONE),
            new Endpoint(HttpMethod.GET, "/progress/municipalities/GM0344?format=csv", EVERYONE),
            new Endpoint(HttpMethod.GET, "/progress/provinces/PV26", EVERYONE),
            new Endpoint(HttpMethod.GET, "/progress/provinces/PV26?format=csv", EVERYONE),
            new Endpoint(HttpMethod.GET, "/progress/regions/COA-3", EVERYONE),
            new Endpoint(HttpMethod.GET, "/progress/regions/COA-3?format=csv", EVERYONE),
            new Endpoint(HttpMethod.GET, "/progress/import", EVERYONE),
            new Endpoint(HttpMethod.POST, "/progress/import", Realisation.IMPORTERS),
            new Endpoint(HttpMethod.POST, "/progress/provinces/PV26/thresholds", AssessmentPolicy.ASSESSORS),
            new Endpoint(HttpMethod.POST, "/progress/municipalities/GM0344/excuses", AssessmentPolicy.ASSESSORS),
            new Endpoint(HttpMethod.GET, "/quota", EVERYONE),
            new Endpoint(HttpMethod.POST, "/quota/national-totals", NationalTotals.EDITORS),
            new Endpoint(HttpMethod.POST, "/quota/calculations", NationalTotals.EDITORS),
            new Endpoint(HttpMethod.GET, "/quota/periods/2024-I", EVERYONE),
            new Endpoint(HttpMethod.GET, "/quota/periods/2024-I?format=csv", EVERYONE),
            new Endpoint(HttpMethod.GET, "/quota/periods/2024-I/letters", EVERYONE),
            new Endpoint(HttpMethod.GET, "/quota/periods/2024-I/letters/GM0344", EVERYONE),
            new Endpoint(HttpMethod.GET, "/quota/transfers", EVERYONE),
            new Endpoint(HttpMethod.POST, "/quota/transfers", QuotaTransfers.RECORDERS),
            new Endpoint(HttpMethod.GET, "/quota/mergers", EVERYONE),
            new Endpoint(HttpMethod.POST, "/quota/mergers", Mergers.RECORDERS),
            new Endpoint(HttpMethod.GET, "/quota/what-if", EVERYONE),
            new Endpoint(HttpMethod.GET, "/quota/what-if?key=koenigstein&format=xlsx", EVERYONE),
            new Endpoint(HttpMethod.GET, "/quota/indicators", EVERYONE),
            new Endpoint(HttpMethod.POST, "/quota/indicators", Indicators.IMPORTERS),
            // Temporary sites (issue 6): the roles that see sites read, the editors among them change; scope in the inventory.
            new Endpoint(HttpMethod.GET, "/sites", SiteInventory.READERS),
            new Endpoint(HttpMethod.GET, "/sites?province=PV26&kind=HOTEL&status=IN_USE&har=yes", SiteInventory.READERS),
            new Endpoint(HttpMethod.GET, "/sites/export?format=xlsx", SiteInventory.READERS),
            new Endpoint(HttpMethod.GET, "/sites/999999", SiteInventory.READERS),
            new Endpoint(HttpMethod.POST, "/sites/999999/status", SiteInventory.EDITORS),
            new Endpoint(HttpMethod.GET, "/sites/new", SiteInventory.EDITORS),
            new Endpoint(HttpMethod.POST, "/sites", SiteInventory.EDITORS),
            new Endpoint(HttpMethod.GET, "/sites/999999/edit", SiteInventory.EDITORS),
            new Endpoint(HttpMethod.POST, "/sites/999999", SiteInventory.EDITORS),
            new Endpoint(HttpMethod.GET, "/sites/import", SiteInventory.EDITORS),
            new Endpoint(HttpMethod.POST, "/sites/import", SiteInventory.EDITORS),
            // reception: tasks (issue 8). Readers read (narrowed to their rows by the facade); coordinators and analysts set
            // the total and compute, coordinators and administrators import. Posted empty: refused (200 with problems).
            new Endpoint(HttpMethod.GET, "/reception/tasks", ReceptionTasks.READERS),
            new Endpoint(HttpMethod.GET, "/reception/tasks?date=2024-06-30&province=PV26", ReceptionTasks.READERS),
            new Endpoint(HttpMethod.GET, "/reception/tasks/export?format=xlsx", ReceptionTasks.READERS),
            new Endpoint(HttpMethod.GET, "/reception/tasks/totals", ReceptionTasks.READERS),
            new Endpoint(HttpMethod.POST, "/reception/tasks/totals", ReceptionTasks.SETTERS),
            new Endpoint(HttpMethod.GET, "/reception/tasks/calculations", ReceptionTasks.READERS),
            new Endpoint(HttpMethod.POST, "/reception/tasks/calculations", ReceptionTasks.SETTERS),
            new Endpoint(HttpMethod.GET, "/reception/tasks/places-import", ReceptionTasks.IMPORTERS),
            new Endpoint(HttpMethod.POST, "/reception/tasks/places-import", ReceptionTasks.IMPORTERS),
            new Endpoint(HttpMethod.GET, "/reception/tasks/ukrainians-import", ReceptionTasks.IMPORTERS),
            new Endpoint(HttpMethod.POST, "/reception/tasks/ukrainians-import", ReceptionTasks.IMPORTERS),
            // reception: locations and occupancy. Readers read (the facade narrows locations to scope), COA planners
            // change, national coordinators set the norm; posted empty or to a location that does not exist: 400 or 404.
            new Endpoint(HttpMethod.GET, "/reception", Receptions.READERS),
            new Endpoint(HttpMethod.GET, "/reception?lang=en", Receptions.READERS),
            new Endpoint(HttpMethod.POST, "/reception/norm", Receptions.NORM_KEEPERS),
            new Endpoint(HttpMethod.GET, "/reception/locations", Receptions.READERS),
            new Endpoint(HttpMethod.GET, "/reception/locations?province=PV26&kind=REGULAR", Receptions.READERS),
            new Endpoint(HttpMethod.GET, "/reception/locations/999999", Receptions.READERS),
            new Endpoint(HttpMethod.GET, "/reception/locations/new", Receptions.PLANNERS),
            new Endpoint(HttpMethod.POST, "/reception/locations", Receptions.PLANNERS),
            new Endpoint(HttpMethod.GET, "/reception/locations/999999/edit", Receptions.PLANNERS),
            new Endpoint(HttpMethod.POST, "/reception/locations/999999", Receptions.PLANNERS),
            new Endpoint(HttpMethod.POST, "/reception/locations/999999/measures", Receptions.PLANNERS),
            new Endpoint(HttpMethod.GET, "/reception/import", Receptions.PLANNERS),
            new Endpoint(HttpMethod.POST, "/reception/import", Receptions.PLANNERS),
            // housing market (issue 9): every role reads (the facade narrows to scope); coordinators and administrators
            // keep every corporation, a corporation its own figures (the facade checks which).
            new Endpoint(HttpMethod.GET, "/housing-market", MarketReaders.READERS),
            new Endpoint(HttpMethod.GET, "/housing-market?year=2026&province=PV26", MarketReaders.READERS),
            new Endpoint(HttpMethod.GET, "/housing-market?year=2025&municipality=GM0344&lang=en", MarketReaders.READERS),
            new Endpoint(HttpMethod.POST, "/housing-market/corporations", MarketReaders.KEEPERS),
            new Endpoint(HttpMethod.GET, "/housing-market/corporations/999999", MarketReaders.READERS),
            new Endpoint(HttpMethod.GET, "/housing-market/corporations/999999/figures/2026/GM0344", MarketReaders.CHANGERS),
            new Endpoint(HttpMethod.POST, "/housing-market/corporations/999999/figures/2026/GM0344", MarketReaders.CHANGERS),
            new Endpoint(HttpMethod.GET, "/housing-market/import", MarketReaders.CHANGERS),
            new Endpoint(HttpMethod.POST, "/housing-market/import", MarketReaders.CHANGERS),
            // supervision: letter templates. Readers of the province (no municipality) read; its supervisors change.
            // Posted empty: refused for the blank text (400) or put back to the default (302) where allowed.
            new Endpoint(HttpMethod.GET, "/supervision/provinces/PV26/letters", LetterTemplates.READERS),
            new Endpoint(HttpMethod.GET, "/supervision/provinces/PV26/letters/warning-letter", LetterTemplates.READERS),
            new Endpoint(HttpMethod.GET, "/supervision/provinces/PV26/letters/warning-letter/preview", LetterTemplates.READERS),
            new Endpoint(HttpMethod.POST, "/supervision/provinces/PV26/letters/warning-letter", Supervisors.SUPERVISORS),
            new Endpoint(HttpMethod.POST, "/supervision/provinces/PV26/letters/warning-letter/reset", Supervisors.SUPERVISORS),
            // supervision pages: readers read (a municipality officer its own municipality, not the province's ladder);
            // the province's supervisors change. Posted empty or to a case that does not exist: 400 or 404 where allowed.
            new Endpoint(HttpMethod.GET, "/supervision", Supervisors.READERS),
            new Endpoint(HttpMethod.GET, "/supervision/provinces/PV26", Supervisors.READERS),
            new Endpoint(HttpMethod.GET, "/supervision/provinces/PV26/ladder", LetterTemplates.READERS),
            new Endpoint(HttpMethod.GET, "/supervision/overdue", Supervisors.READERS),
            new Endpoint(HttpMethod.GET, "/supervision/overdue?date=2026-01-31&province=PV26", Supervisors.READERS),
            new Endpoint(HttpMethod.GET, "/supervision/assessments", Supervisors.READERS),
            new Endpoint(HttpMethod.GET, "/supervision/municipalities/GM0344", Supervisors.READERS),
            new Endpoint(HttpMethod.GET, "/supervision/cases/999999", Supervisors.READERS),
            new Endpoint(HttpMethod.GET, "/supervision/cases/999999/documents/999999", Supervisors.READERS),
            new Endpoint(HttpMethod.POST, "/supervision/municipalities/GM0344/cases", Supervisors.SUPERVISORS),
            new Endpoint(HttpMethod.POST, "/supervision/cases/999999/steps", Supervisors.SUPERVISORS),
            new Endpoint(HttpMethod.POST, "/supervision/cases/999999/closure", Supervisors.SUPERVISORS),
            new Endpoint(HttpMethod.POST, "/supervision/cases/999999/course-of-action", Supervisors.SUPERVISORS),
            new Endpoint(HttpMethod.POST, "/supervision/cases/999999/costs", Supervisors.SUPERVISORS),
            new Endpoint(HttpMethod.POST, "/supervision/cases/999999/documents", Supervisors.SUPERVISORS),
            new Endpoint(HttpMethod.POST, "/supervision/cases/999999/documents/999999/publication", Supervisors.SUPERVISORS),
            new Endpoint(HttpMethod.POST, "/supervision/cases/999999/minister-requests", Supervisors.MINISTER_REQUESTERS),
            new Endpoint(HttpMethod.POST, "/supervision/assessments", Supervisors.SUPERVISORS),
            new Endpoint(HttpMethod.POST, "/supervision/assessments/confirm-all", Supervisors.SUPERVISORS),
            new Endpoint(HttpMethod.POST, "/supervision/provinces/PV26/policy", Supervisors.SUPERVISORS),
            new Endpoint(HttpMethod.POST, "/supervision/provinces/PV26/ladder", Supervisors.SUPERVISORS),
            // the whole picture per municipality: the coordination centre's readers (a province its own municipalities).
            new Endpoint(HttpMethod.GET, "/coordination/whole-picture", Coordinators.READERS),
            new Endpoint(HttpMethod.GET, "/coordination/whole-picture?province=PV26", Coordinators.READERS),
            // forecasts: every role reads; analysts, the coordination centre, COA and administrators make and run.
            new Endpoint(HttpMethod.GET, "/forecasts", nl.doorstroom.forecasting.Forecasters.READERS),
            new Endpoint(HttpMethod.GET, "/forecasts/scenarios/new", nl.doorstroom.forecasting.Forecasters.READERS),
            new Endpoint(HttpMethod.GET, "/forecasts/backtest", nl.doorstroom.forecasting.Forecasters.READERS),
            new Endpoint(HttpMethod.GET, "/forecasts/scenarios/999999", nl.doorstroom.forecasting.Forecasters.READERS),
            new Endpoint(HttpMethod.GET, "/forecasts/compare?runs=999999", nl.doorstroom.forecasting.Forecasters.READERS),
            new Endpoint(HttpMethod.GET, "/forecasts/compare/progress?runs=999999", nl.doorstroom.forecasting.Forecasters.READERS),
            new Endpoint(HttpMethod.GET, "/forecasts/compare/export?runs=999999", nl.doorstroom.forecasting.Forecasters.READERS),
            new Endpoint(HttpMethod.POST, "/forecasts/scenarios", nl.doorstroom.forecasting.Forecasters.FORECASTERS),
            new Endpoint(HttpMethod.POST, "/forecasts/scenarios/999999", nl.doorstroom.forecasting.Forecasters.FORECASTERS),
            new Endpoint(HttpMethod.POST, "/forecasts/standard", nl.doorstroom.forecasting.Forecasters.FORECASTERS),
            new Endpoint(HttpMethod.POST, "/forecasts/runs", nl.doorstroom.forecasting.Forecasters.FORECASTERS),
            new Endpoint(HttpMethod.POST, "/forecasts/runs/999999/cancel", nl.doorstroom.forecasting.Forecasters.FORECASTERS),
            // Allocation-share simulations: every role reads (narrowed by scope); authors make and change scenarios.
            new Endpoint(HttpMethod.GET, "/housing-market/simulations", SimulationAccess.READERS),
            new Endpoint(HttpMethod.GET, "/housing-market/simulations/999999", SimulationAccess.READERS),
            new Endpoint(HttpMethod.POST, "/housing-market/simulations", SimulationAccess.AUTHORS),
            new Endpoint(HttpMethod.POST, "/housing-market/simulations/999999", SimulationAccess.AUTHORS),
            new Endpoint(HttpMethod.GET, "/housing-market/needed-share?area=PV26", SimulationAccess.READERS),
            // Noord-Holland: none of its municipalities lies in the scope of the province, municipality or corporation.
            new Endpoint(HttpMethod.GET, "/housing-market/needed-share?area=PV27", NATIONAL_READERS),
            // The table's meetings and action items (issue 10): every role reads its part; the chair's side records
            // and edits; an owner moves its own items' status (posted empty or to an item that does not exist: 400
            // or 404 where allowed, so nothing changes).
            new Endpoint(HttpMethod.GET, "/governance", TableMembers.READERS),
            new Endpoint(HttpMethod.GET, "/governance/meetings/new", TableMembers.EDITORS),
            new Endpoint(HttpMethod.POST, "/governance/meetings", TableMembers.EDITORS),
            new Endpoint(HttpMethod.GET, "/governance/meetings/999999", TableMembers.READERS),
            new Endpoint(HttpMethod.GET, "/governance/meetings/999999/agenda", TableMembers.READERS),
            new Endpoint(HttpMethod.GET, "/governance/meetings/999999/agenda.pdf", TableMembers.READERS),
            new Endpoint(HttpMethod.GET, "/governance/meetings/999999/edit", TableMembers.EDITORS),
            new Endpoint(HttpMethod.POST, "/governance/meetings/999999", TableMembers.EDITORS),
            new Endpoint(HttpMethod.POST, "/governance/meetings/999999/action-items", TableMembers.EDITORS),
            new Endpoint(HttpMethod.GET, "/governance/action-items", TableMembers.READERS),
            new Endpoint(HttpMethod.GET, "/governance/action-items?show=all&status=OPEN&overdue=true", TableMembers.READERS),
            new Endpoint(HttpMethod.GET, "/governance/action-items/new?link=MUNICIPALITY:GM0344", TableMembers.EDITORS),
            new Endpoint(HttpMethod.POST, "/governance/action-items", TableMembers.EDITORS),
            new Endpoint(HttpMethod.GET, "/governance/action-items/999999", TableMembers.READERS),
            new Endpoint(HttpMethod.GET, "/governance/action-items/999999/edit", TableMembers.EDITORS),
            new Endpoint(HttpMethod.POST, "/governance/action-items/999999", TableMembers.EDITORS),
            new Endpoint(HttpMethod.POST, "/governance/action-items/999999/status", TableMembers.READERS),
            // weekly reports: national roles and province supervisors read; coordinators, analysts and administrators make.
            new Endpoint(HttpMethod.GET, "/governance/reports", nl.doorstroom.governance.WeeklyReports.READERS),
            new Endpoint(HttpMethod.POST, "/governance/reports", nl.doorstroom.governance.WeeklyReports.GENERATORS),
            new Endpoint(HttpMethod.GET, "/governance/reports/999999", nl.doorstroom.governance.WeeklyReports.READERS),
            new Endpoint(HttpMethod.GET, "/governance/reports/999999/pdf", nl.doorstroom.governance.WeeklyReports.READERS),
            new Endpoint(HttpMethod.GET, "/governance/jobs/999999", nl.doorstroom.governance.GovernanceJobs.ROLES),
            new Endpoint(HttpMethod.POST, "/governance/jobs/999999/cancel", nl.doorstroom.governance.GovernanceJobs.ROLES),
            // The table's letters (issue 10): national members keep templates; a province supervisor writes to its own
            // municipalities (the facade narrows); nobody else sees them. Unknown ids answer 404 to writers.
            new Endpoint(HttpMethod.GET, "/governance/letters", TableLetterWriters.WRITERS),
            new Endpoint(HttpMethod.GET, "/governance/letters/new", TableLetterWriters.WRITERS),
            new Endpoint(HttpMethod.GET, "/governance/letters/new?province=PV26&colour=RED&step=ANY", TableLetterWriters.WRITERS),
            new Endpoint(HttpMethod.POST, "/governance/letters/batches", TableLetterWriters.WRITERS),
            new Endpoint(HttpMethod.GET, "/governance/letters/batches/999999/pdf", TableLetterWriters.WRITERS),
            new Endpoint(HttpMethod.GET, "/governance/letters/templates/999999", TableLetterWriters.WRITERS),
            new Endpoint(HttpMethod.GET, "/governance/letters/templates/new", TableLetterWriters.KEEPERS),
            new Endpoint(HttpMethod.POST, "/governance/letters/templates", TableLetterWriters.KEEPERS),
            new Endpoint(HttpMethod.POST, "/governance/letters/templates/999999", TableLetterWriters.KEEPERS),
            // Open data: aggregates without personal data, for every signed-in user (not anonymous: see OpenDataFigures).
            new Endpoint(HttpMethod.GET, "/open-data", EVERYONE),
            new Endpoint(HttpMethod.GET, "/open-data?period=2024-I", EVERYONE),
            new Endpoint(HttpMethod.GET, "/open-data/figures.csv", EVERYONE),
            new Endpoint(HttpMethod.GET, "/open-data/figures.json?period=2024-H1", EVERYONE));

    static final List<Endpoint> API = List.of(
            new Endpoint(HttpMethod.GET, "/api/v1/municipalities", EVERYONE),
            new Endpoint(HttpMethod.GET, "/api/v1/municipalities/GM0363", EVERYONE),
            new Endpoint(HttpMethod.GET, "/api/v1/provinces", EVERYONE),
            new Endpoint(HttpMethod.GET, "/api/v1/provinces/PV27", EVERYONE),
            new Endpoint(HttpMethod.GET, "/api/v1/regions", EVERYONE),
            new Endpoint(HttpMethod.GET, "/api/v1/regions/COA-1", EVERYONE),
            new Endpoint(HttpMethod.GET, "/api/v1/population-versions", EVERYONE),
            new Endpoint(HttpMethod.GET, "/api/v1/population-versions/1", EVERYONE),
            new Endpoint(HttpMethod.POST, "/api/v1/population-versions", Role.IMPORTERS_OF_REFERENCE_DATA),
            new Endpoint(HttpMethod.POST, "/api/v1/regions", Role.REGION_EDITORS),
            new Endpoint(HttpMethod.PUT, "/api/v1/regions/no-such-region", Role.REGION_EDITORS),
            new Endpoint(HttpMethod.DELETE, "/api/v1/regions/no-such-region", Role.REGION_EDITORS),
            new Endpoint(HttpMethod.GET, "/api/v1/progress", EVERYONE),
            new Endpoint(HttpMethod.GET, "/api/v1/progress/municipalities", EVERYONE),
            new Endpoint(HttpMethod.GET, "/api/v1/progress/municipalities/GM0344", EVERYONE),
            new Endpoint(HttpMethod.GET, "/api/v1/progress/provinces/PV26", EVERYONE),
            new Endpoint(HttpMethod.GET, "/api/v1/progress/regions/COA-3", EVERYONE),
            new Endpoint(HttpMethod.GET, "/api/v1/realisation-imports", EVERYONE),
            new Endpoint(HttpMethod.GET, "/api/v1/realisation-imports/1", EVERYONE),
            new Endpoint(HttpMethod.POST, "/api/v1/realisation-imports", Realisation.IMPORTERS),
            new Endpoint(HttpMethod.GET, "/api/v1/quota-periods", EVERYONE),
            new Endpoint(HttpMethod.GET, "/api/v1/quota-periods/2026-II/national-totals", EVERYONE),
            new Endpoint(HttpMethod.POST, "/api/v1/quota-periods/2099-I/national-totals", NationalTotals.EDITORS),
            new Endpoint(HttpMethod.GET, "/api/v1/quota-periods/2026-II/calculations", EVERYONE),
            new Endpoint(HttpMethod.POST, "/api/v1/quota-periods/2099-I/calculations", NationalTotals.EDITORS),
            new Endpoint(HttpMethod.GET, "/api/v1/quota-periods/2026-II/quotas", EVERYONE),
            new Endpoint(HttpMethod.GET, "/api/v1/quota-transfers", EVERYONE),
            new Endpoint(HttpMethod.POST, "/api/v1/quota-transfers", QuotaTransfers.RECORDERS),
            new Endpoint(HttpMethod.GET, "/api/v1/mergers", EVERYONE),
            new Endpoint(HttpMethod.POST, "/api/v1/mergers", Mergers.RECORDERS),
            new Endpoint(HttpMethod.GET, "/api/v1/distribution-keys", EVERYONE),
            new Endpoint(HttpMethod.GET, "/api/v1/apportionment-methods", EVERYONE),
            new Endpoint(HttpMethod.GET, "/api/v1/indicator-versions", EVERYONE),
            new Endpoint(HttpMethod.POST, "/api/v1/indicator-versions", Indicators.IMPORTERS),
            new Endpoint(HttpMethod.POST, "/api/v1/what-if-runs", EVERYONE),
            new Endpoint(HttpMethod.GET, "/api/v1/households", HouseholdRegister.READERS),
            new Endpoint(HttpMethod.GET, "/api/v1/households?format=csv", HouseholdRegister.READERS),
            new Endpoint(HttpMethod.GET, "/api/v1/households/999999", HouseholdRegister.READERS),
            new Endpoint(HttpMethod.POST, "/api/v1/households", HouseholdRegister.REGISTRARS),
            new Endpoint(HttpMethod.PUT, "/api/v1/households/999999", HouseholdRegister.REGISTRARS),
            new Endpoint(HttpMethod.POST, "/api/v1/households/999999/links", Journeys.LINKERS),
            new Endpoint(HttpMethod.POST, "/api/v1/households/999999/link-cancellations", Journeys.LINKERS),
            new Endpoint(HttpMethod.POST, "/api/v1/households/999999/offers", Journeys.RECORDERS),
            new Endpoint(HttpMethod.POST, "/api/v1/households/999999/har-placements", Journeys.RECORDERS),
            new Endpoint(HttpMethod.POST, "/api/v1/households/999999/moves", Journeys.RECORDERS),
            new Endpoint(HttpMethod.POST, "/api/v1/household-imports", HouseholdRegister.REGISTRARS),
            new Endpoint(HttpMethod.GET, "/api/v1/household-overdue-counts", EVERYONE),
            new Endpoint(HttpMethod.GET, "/api/v1/household-overdue-counts?province=PV26", EVERYONE),
            new Endpoint(HttpMethod.GET, "/api/v1/household-funnel", EVERYONE),
            new Endpoint(HttpMethod.GET, "/api/v1/household-flow?municipality=GM0344", EVERYONE),
            new Endpoint(HttpMethod.GET, "/api/v1/link-cancel-reasons", EVERYONE),
            new Endpoint(HttpMethod.GET, "/api/v1/link-cancel-reasons/OTHER", EVERYONE),
            new Endpoint(HttpMethod.POST, "/api/v1/link-cancel-reasons", LinkCancelReasons.KEEPERS),
            new Endpoint(HttpMethod.PUT, "/api/v1/link-cancel-reasons/NO_SUCH_REASON", LinkCancelReasons.KEEPERS),
            new Endpoint(HttpMethod.GET, "/api/v1/linking-runs", LinkingRuns.READERS),
            new Endpoint(HttpMethod.GET, "/api/v1/linking-runs/999999", LinkingRuns.READERS),
            new Endpoint(HttpMethod.GET, "/api/v1/linking-runs/999999/proposals", LinkingRuns.READERS),
            new Endpoint(HttpMethod.GET, "/api/v1/linking-runs/999999/proposals/999999", LinkingRuns.READERS),
            new Endpoint(HttpMethod.GET, "/api/v1/linking-runs/999999/fairness", LinkingRuns.READERS),
            // Refused for its region (400) where allowed: no run over the nation starts in the test.
            new Endpoint(HttpMethod.POST, "/api/v1/linking-runs", Journeys.LINKERS, "{\"region\": \"NOWHERE\"}"),
            new Endpoint(HttpMethod.POST, "/api/v1/linking-runs/999999/cancellation", Journeys.LINKERS),
            new Endpoint(HttpMethod.POST, "/api/v1/linking-runs/999999/recomputations", Journeys.LINKERS),
            new Endpoint(HttpMethod.POST, "/api/v1/linking-runs/999999/acceptances", Journeys.LINKERS),
            new Endpoint(HttpMethod.POST, "/api/v1/linking-runs/999999/rejections", Journeys.LINKERS),
            new Endpoint(HttpMethod.POST, "/api/v1/linking-runs/999999/changes", Journeys.LINKERS),
            new Endpoint(HttpMethod.GET, "/api/v1/call-list", Coordinators.READERS),
            new Endpoint(HttpMethod.GET, "/api/v1/call-policy", Coordinators.READERS),
            new Endpoint(HttpMethod.PUT, "/api/v1/call-policy", Coordinators.POLICY_KEEPERS),
            new Endpoint(HttpMethod.POST, "/api/v1/call-list/set-asides", Coordinators.COORDINATORS),
            new Endpoint(HttpMethod.DELETE, "/api/v1/call-list/set-asides/GM0344", Coordinators.COORDINATORS),
            new Endpoint(HttpMethod.GET, "/api/v1/contacts", Coordinators.READERS),
            new Endpoint(HttpMethod.GET, "/api/v1/contacts/999999", Coordinators.READERS),
            new Endpoint(HttpMethod.POST, "/api/v1/contacts", Coordinators.COORDINATORS),
            new Endpoint(HttpMethod.PUT, "/api/v1/contacts/999999", Coordinators.COORDINATORS),
            new Endpoint(HttpMethod.GET, "/api/v1/commitments?municipality=GM0344", COMMITMENT_READERS),
            new Endpoint(HttpMethod.POST, "/api/v1/commitments/999999/decisions", Coordinators.COORDINATORS),
            new Endpoint(HttpMethod.GET, "/api/v1/follow-ups", Coordinators.COORDINATORS),
            new Endpoint(HttpMethod.POST, "/api/v1/follow-ups/999999/completions", Coordinators.COORDINATORS),
            new Endpoint(HttpMethod.GET, "/api/v1/weekly-extra-places", Coordinators.READERS),
            // Temporary sites (issue 6).
            new Endpoint(HttpMethod.GET, "/api/v1/sites", SiteInventory.READERS),
            new Endpoint(HttpMethod.GET, "/api/v1/sites?format=csv", SiteInventory.READERS),
            new Endpoint(HttpMethod.GET, "/api/v1/sites/999999", SiteInventory.READERS),
            new Endpoint(HttpMethod.GET, "/api/v1/sites/999999/status-changes", SiteInventory.READERS),
            new Endpoint(HttpMethod.POST, "/api/v1/sites", SiteInventory.EDITORS),
            new Endpoint(HttpMethod.PUT, "/api/v1/sites/999999", SiteInventory.EDITORS),
            new Endpoint(HttpMethod.POST, "/api/v1/sites/999999/status-changes", SiteInventory.EDITORS),
            new Endpoint(HttpMethod.POST, "/api/v1/site-imports", SiteInventory.EDITORS),
            // reception: tasks (issue 8). An empty body is refused (400, or 415 for the CSV imports) where allowed.
            new Endpoint(HttpMethod.GET, "/api/v1/reception-task-totals", ReceptionTasks.READERS),
            new Endpoint(HttpMethod.POST, "/api/v1/reception-task-totals", ReceptionTasks.SETTERS),
            new Endpoint(HttpMethod.GET, "/api/v1/reception-task-calculations", ReceptionTasks.READERS),
            new Endpoint(HttpMethod.POST, "/api/v1/reception-task-calculations", ReceptionTasks.SETTERS),
            new Endpoint(HttpMethod.GET, "/api/v1/reception-tasks", ReceptionTasks.READERS),
            new Endpoint(HttpMethod.GET, "/api/v1/reception-tasks?date=2024-06-30&province=PV26", ReceptionTasks.READERS),
            new Endpoint(HttpMethod.POST, "/api/v1/municipal-reception-imports", ReceptionTasks.IMPORTERS),
            new Endpoint(HttpMethod.POST, "/api/v1/ukrainian-reception-imports", ReceptionTasks.IMPORTERS),
            // reception: locations and occupancy (issue 8). An empty body is refused (400, 415) where allowed.
            new Endpoint(HttpMethod.GET, "/api/v1/reception-locations", Receptions.READERS),
            new Endpoint(HttpMethod.GET, "/api/v1/reception-locations?province=PV26&kind=REGULAR", Receptions.READERS),
            new Endpoint(HttpMethod.GET, "/api/v1/reception-locations/999999", Receptions.READERS),
            new Endpoint(HttpMethod.POST, "/api/v1/reception-locations", Receptions.PLANNERS),
            new Endpoint(HttpMethod.PUT, "/api/v1/reception-locations/999999", Receptions.PLANNERS),
            new Endpoint(HttpMethod.GET, "/api/v1/reception-occupancy", Receptions.READERS),
            new Endpoint(HttpMethod.GET, "/api/v1/reception-occupancy?location=999999&from=2015-01-01&to=2015-02-01",
                    Receptions.READERS),
            new Endpoint(HttpMethod.POST, "/api/v1/occupancy-imports", Receptions.PLANNERS),
            new Endpoint(HttpMethod.GET, "/api/v1/occupancy-imports", Receptions.READERS),
            // housing market (issue 9). An empty body is refused (400, or 415 for the import) where allowed.
            new Endpoint(HttpMethod.GET, "/api/v1/housing-corporations", MarketReaders.READERS),
            new Endpoint(HttpMethod.POST, "/api/v1/housing-corporations", MarketReaders.KEEPERS),
            new Endpoint(HttpMethod.GET, "/api/v1/housing-corporations/999999/market-figures?year=2026", MarketReaders.READERS),
            new Endpoint(HttpMethod.PUT, "/api/v1/housing-corporations/999999/market-figures/2026/GM0344",
                    MarketReaders.CHANGERS),
            new Endpoint(HttpMethod.POST, "/api/v1/housing-corporations/999999/market-figures/imports?year=2026",
                    MarketReaders.CHANGERS),
            new Endpoint(HttpMethod.GET, "/api/v1/housing-corporations/999999/market-figures/imports", MarketReaders.READERS),
            new Endpoint(HttpMethod.GET, "/api/v1/market-figures?year=2026", MarketReaders.READERS),
            new Endpoint(HttpMethod.GET, "/api/v1/market-figures?municipality=GM0344", MarketReaders.READERS),
            new Endpoint(HttpMethod.GET, "/api/v1/reception-norms", Receptions.READERS),
            new Endpoint(HttpMethod.PUT, "/api/v1/reception-norms/ter-apel", Receptions.NORM_KEEPERS),
            // supervision API (issue 7): the facades narrow each role to its province or municipality; an empty body
            // or a case that does not exist is refused (400, 404) where the role is allowed, so nothing changes.
            new Endpoint(HttpMethod.GET, "/api/v1/assessment-periods", Supervisors.READERS),
            new Endpoint(HttpMethod.GET, "/api/v1/assessments", Supervisors.READERS),
            new Endpoint(HttpMethod.GET, "/api/v1/assessments?period=2026-I&province=PV26", Supervisors.READERS),
            new Endpoint(HttpMethod.PUT, "/api/v1/assessments/GM0344/2026-I", Supervisors.SUPERVISORS),
            new Endpoint(HttpMethod.GET, "/api/v1/municipalities/GM0344/assessments", Supervisors.READERS),
            new Endpoint(HttpMethod.GET, "/api/v1/escalation-ladders", Supervisors.READERS),
            new Endpoint(HttpMethod.GET, "/api/v1/escalation-ladders/PV26", LetterTemplates.READERS),
            new Endpoint(HttpMethod.PUT, "/api/v1/escalation-ladders/PV26", Supervisors.SUPERVISORS),
            new Endpoint(HttpMethod.GET, "/api/v1/escalation-cases", Supervisors.READERS),
            new Endpoint(HttpMethod.GET, "/api/v1/escalation-cases?status=all", Supervisors.READERS),
            new Endpoint(HttpMethod.POST, "/api/v1/escalation-cases", Supervisors.SUPERVISORS),
            new Endpoint(HttpMethod.GET, "/api/v1/escalation-cases/999999", Supervisors.READERS),
            new Endpoint(HttpMethod.POST, "/api/v1/escalation-cases/999999/steps", Supervisors.SUPERVISORS),
            new Endpoint(HttpMethod.POST, "/api/v1/escalation-cases/999999/closure", Supervisors.SUPERVISORS),
            new Endpoint(HttpMethod.POST, "/api/v1/escalation-cases/999999/course-of-action", Supervisors.SUPERVISORS),
            new Endpoint(HttpMethod.POST, "/api/v1/escalation-cases/999999/costs", Supervisors.SUPERVISORS),
            new Endpoint(HttpMethod.POST, "/api/v1/escalation-cases/999999/documents", Supervisors.SUPERVISORS),
            new Endpoint(HttpMethod.GET, "/api/v1/whole-picture", Coordinators.READERS),
            new Endpoint(HttpMethod.GET, "/api/v1/whole-picture?province=PV26", Coordinators.READERS),
            // allocation-share scenarios API
            new Endpoint(HttpMethod.GET, "/api/v1/allocation-scenarios", SimulationAccess.READERS),
            new Endpoint(HttpMethod.POST, "/api/v1/allocation-scenarios", SimulationAccess.AUTHORS),
            new Endpoint(HttpMethod.GET, "/api/v1/allocation-scenarios/999999", SimulationAccess.READERS),
            new Endpoint(HttpMethod.PUT, "/api/v1/allocation-scenarios/999999", SimulationAccess.AUTHORS),
            new Endpoint(HttpMethod.GET, "/api/v1/allocation-scenarios/999999/result", SimulationAccess.READERS),
            new Endpoint(HttpMethod.GET, "/api/v1/needed-allocation-shares?province=PV26", SimulationAccess.READERS),
            new Endpoint(HttpMethod.GET, "/api/v1/needed-allocation-shares?municipality=GM0363", NATIONAL_READERS),
            // forecasts API
            new Endpoint(HttpMethod.GET, "/api/v1/forecast-scenarios", nl.doorstroom.forecasting.Forecasters.READERS),
            new Endpoint(HttpMethod.GET, "/api/v1/forecast-scenarios/baseline", nl.doorstroom.forecasting.Forecasters.READERS),
            new Endpoint(HttpMethod.GET, "/api/v1/forecast-scenarios/999999", nl.doorstroom.forecasting.Forecasters.READERS),
            new Endpoint(HttpMethod.POST, "/api/v1/forecast-scenarios", nl.doorstroom.forecasting.Forecasters.FORECASTERS),
            new Endpoint(HttpMethod.PUT, "/api/v1/forecast-scenarios/999999", nl.doorstroom.forecasting.Forecasters.FORECASTERS),
            new Endpoint(HttpMethod.POST, "/api/v1/forecast-runs", nl.doorstroom.forecasting.Forecasters.FORECASTERS),
            new Endpoint(HttpMethod.GET, "/api/v1/forecast-runs/999999", nl.doorstroom.forecasting.Forecasters.READERS),
            new Endpoint(HttpMethod.POST, "/api/v1/forecast-runs/999999/cancellation", nl.doorstroom.forecasting.Forecasters.FORECASTERS),
            new Endpoint(HttpMethod.POST, "/api/v1/escalation-cases/999999/minister-requests",
                    Supervisors.MINISTER_REQUESTERS),
            new Endpoint(HttpMethod.GET, "/api/v1/escalation-cases/999999/documents/999999", Supervisors.READERS),
            new Endpoint(HttpMethod.POST, "/api/v1/escalation-cases/999999/documents/999999/publication",
                    Supervisors.SUPERVISORS),
            new Endpoint(HttpMethod.GET, "/api/v1/escalation-overdue", Supervisors.READERS),
            new Endpoint(HttpMethod.GET, "/api/v1/escalation-overdue?date=2026-10-18&province=PV26", Supervisors.READERS),
            new Endpoint(HttpMethod.GET, "/api/v1/supervision-dashboard", Supervisors.READERS),
            // The table's meetings and action items (issue 10); an empty body is refused (400) or the meeting or item
            // does not exist (404) where the role is allowed.
            new Endpoint(HttpMethod.GET, "/api/v1/meetings", TableMembers.READERS),
            new Endpoint(HttpMethod.GET, "/api/v1/meetings?from=2026-01-01", TableMembers.READERS),
            new Endpoint(HttpMethod.POST, "/api/v1/meetings", TableMembers.EDITORS),
            new Endpoint(HttpMethod.GET, "/api/v1/meetings/999999", TableMembers.READERS),
            new Endpoint(HttpMethod.PUT, "/api/v1/meetings/999999", TableMembers.EDITORS),
            new Endpoint(HttpMethod.GET, "/api/v1/meetings/999999/action-items", TableMembers.READERS),
            new Endpoint(HttpMethod.POST, "/api/v1/meetings/999999/action-items", TableMembers.EDITORS),
            new Endpoint(HttpMethod.GET, "/api/v1/action-items", TableMembers.READERS),
            new Endpoint(HttpMethod.GET, "/api/v1/action-items?owner=mine&status=OPEN&overdue=true", TableMembers.READERS),
            new Endpoint(HttpMethod.GET, "/api/v1/action-items/999999", TableMembers.READERS),
            new Endpoint(HttpMethod.PUT, "/api/v1/action-items/999999", TableMembers.EDITORS),
            new Endpoint(HttpMethod.POST, "/api/v1/action-items/999999/status", TableMembers.READERS),
            // weekly reports API (a POST without a reference date is refused as invalid, so nothing is made here)
            new Endpoint(HttpMethod.GET, "/api/v1/weekly-reports", nl.doorstroom.governance.WeeklyReports.READERS),
            new Endpoint(HttpMethod.POST, "/api/v1/weekly-reports", nl.doorstroom.governance.WeeklyReports.GENERATORS),
            new Endpoint(HttpMethod.GET, "/api/v1/weekly-reports/999999", nl.doorstroom.governance.WeeklyReports.READERS),
            new Endpoint(HttpMethod.GET, "/api/v1/weekly-reports/999999/pdf", nl.doorstroom.governance.WeeklyReports.READERS),
            new Endpoint(HttpMethod.GET, "/api/v1/governance-jobs/999999", nl.doorstroom.governance.GovernanceJobs.ROLES),
            new Endpoint(HttpMethod.POST, "/api/v1/governance-jobs/999999/cancellation",
                    nl.doorstroom.governance.GovernanceJobs.ROLES),
            new Endpoint(HttpMethod.GET, "/api/v1/open-data/municipal-figures", EVERYONE),
            new Endpoint(HttpMethod.GET, "/api/v1/open-data/municipal-figures?period=2024-H1", EVERYONE),
            new Endpoint(HttpMethod.GET, "/api/v1/open-data/data-dictionary", EVERYONE));

    @Autowired
    MockMvc mvc;

    @Autowired
    ApiTokens tokens;

    @Autowired
    AccountAdministration accounts;

    @Autowired
    @org.springframework.beans.factory.annotation.Qualifier("requestMappingHandlerMapping")
    org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping mappings;

    @Test
    void everyPageAllowsExactlyTheRolesInTheMatrix() throws Exception {
        var wrong = new ArrayList<String>();
        for (var endpoint : PAGES) {
            for (var role : Role.values()) {
                var builder = request(endpoint.method(), endpoint.path()).with(authentication(TestUsers.signedIn(role)));
                if (endpoint.method() != HttpMethod.GET) {
                    builder.with(csrf());
                }
                int status = mvc.perform(builder).andReturn().getResponse().getStatus();
                boolean allowed = endpoint.allowed().contains(role);
                if (allowed == (status == 403) || status == 401 || status >= 500) {
                    wrong.add(endpoint + " as " + role + " answered " + status);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void nobodyWhoIsNotSignedInSeesAnyPage() throws Exception {
        for (var endpoint : PAGES) {
            var builder = request(endpoint.method(), endpoint.path());
            if (endpoint.method() != HttpMethod.GET) {
                builder.with(csrf());
            }
            var response = mvc.perform(builder).andReturn().getResponse();
            assertThat(response.getStatus()).as(endpoint.toString()).isEqualTo(302);
            assertThat(response.getRedirectedUrl()).as(endpoint.toString()).endsWith("/login");
        }
    }

    @Test
    void anIssuedTokenIsShownOnceInTheAnswerToTheAdministrator() throws Exception {
        var admin = accounts.accounts().stream().filter(a -> a.username().equals("admin")).findFirst().orElseThrow();

        var page = mvc.perform(post("/admin/tokens").param("accountId", String.valueOf(admin.id()))
                        .param("name", "koppeling test").param("validDays", "7")
                        .with(authentication(TestUsers.signedIn(Role.ADMINISTRATOR))).with(csrf()))
                .andReturn().getResponse();

        assertThat(page.getStatus()).isEqualTo(200);
        var secret = page.getContentAsString().replaceAll("(?s).*value=\"(dst_[^\"]+)\".*", "$1");
        assertThat(secret).startsWith("dst_");
        assertThat(tokens.authenticate(secret)).isPresent();
        assertThat(mvc.perform(get("/admin/tokens").with(authentication(TestUsers.signedIn(Role.ADMINISTRATOR))))
                .andReturn().getResponse().getContentAsString()).doesNotContain(secret);
    }

    @Test
    void aFormPostedWithoutCsrfTokenIsRefused() throws Exception {
        int status = mvc.perform(post("/regions/new").param("name", "x")
                .with(authentication(TestUsers.signedIn(Role.ADMINISTRATOR)))).andReturn().getResponse().getStatus();

        assertThat(status).isEqualTo(403);
    }

    @Test
    void everyApiEndpointAllowsExactlyTheRolesInTheMatrixWithTheirTokens() throws Exception {
        var tokenOf = new EnumMap<Role, String>(Role.class);
        for (var account : accounts.accounts()) {
            if (DemoScenario.ACCOUNTS.stream().anyMatch(d -> d.username().equals(account.username()))) {
                tokenOf.put(account.role(), tokens.issue(account.id(), "authorization test", 1).secret());
            }
        }
        assertThat(tokenOf.keySet()).containsExactlyInAnyOrderElementsOf(EVERYONE);
        var wrong = new ArrayList<String>();
        for (var endpoint : API) {
            int anonymous = mvc.perform(request(endpoint.method(), endpoint.path())).andReturn().getResponse().getStatus();
            if (anonymous != 401) {
                wrong.add(endpoint + " without token answered " + anonymous);
            }
            for (var role : Role.values()) {
                var builder = request(endpoint.method(), endpoint.path())
                        .header("Authorization", "Bearer " + tokenOf.get(role))
                        .contentType(MediaType.APPLICATION_JSON).content(endpoint.body());
                int status = mvc.perform(builder).andReturn().getResponse().getStatus();
                boolean allowed = endpoint.allowed().contains(role);
                if (allowed == (status == 403) || status == 401 || status >= 500) {
                    wrong.add(endpoint + " as " + role + " answered " + status);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void everyEndpointIsInTheMatrix() {
        var listed = new ArrayList<String>();
        PAGES.forEach(e -> listed.add(e.method() + " " + normalise(e.path())));
        API.forEach(e -> listed.add(e.method() + " " + normalise(e.path())));
        var missing = new ArrayList<String>();
        for (Map.Entry<org.springframework.web.servlet.mvc.method.RequestMappingInfo, ?> entry
                : mappings.getHandlerMethods().entrySet()) {
            var info = entry.getKey();
            for (var pattern : info.getPatternValues()) {
                if (pattern.equals("/login") || pattern.equals("/ping") || pattern.equals("/error")
                        || pattern.startsWith("/api/v1/openapi")) {
                    continue;
                }
                for (var method : info.getMethodsCondition().getMethods()) {
                    var key = method.name() + " " + pattern.replaceAll("\\{[^}]+}", "*");
                    if (!listed.contains(key)) {
                        missing.add(key);
                    }
                }
            }
        }
        assertThat(missing).as("endpoints without a row in the authorization matrix").isEmpty();
    }

    /** Turns a concrete path into the pattern shape of its mapping: ids become '*'. */
    static String normalise(String path) {
        var withoutQuery = path.replaceAll("\\?.*", "");
        return withoutQuery
                .replaceAll("/municipalities/GM\\d{4}", "/municipalities/*")
                .replaceAll("/provinces/PV\\d{2}", "/provinces/*")
                .replaceAll("/regions/(?!new)[^/]+", "/regions/*")
                .replaceAll("/population-versions/\\d+", "/population-versions/*")
                .replaceAll("/admin/accounts/\\d+", "/admin/accounts/*")
                .replaceAll("/admin/tokens/\\d+", "/admin/tokens/*")
                .replaceAll("/realisation-imports/\\d+", "/realisation-imports/*")
                .replaceAll("/quota-periods/[^/]+", "/quota-periods/*")
                .replaceAll("/quota/periods/[^/]+", "/quota/periods/*")
                .replaceAll("/letters/GM\\d{4}", "/letters/*")
                .replaceAll("/letters/templates/\\d+", "/letters/templates/*")
                .replaceAll("/letters/batches/\\d+", "/letters/batches/*")
                .replaceAll("/letters/(warning-letter|intention|substitution-decision)", "/letters/*")
                .replaceAll("/households/\\d+", "/households/*")
                .replaceAll("/linking/runs/\\d+", "/linking/runs/*")
                .replaceAll("/supervision/cases/\\d+", "/supervision/cases/*")
                .replaceAll("/forecasts/scenarios/\\d+", "/forecasts/scenarios/*")
                .replaceAll("/forecasts/runs/\\d+", "/forecasts/runs/*")
                .replaceAll("/forecast-scenarios/\\d+", "/forecast-scenarios/*")
                .replaceAll("/forecast-runs/\\d+", "/forecast-runs/*")
                .replaceAll("/housing-market/simulations/\\d+", "/housing-market/simulations/*")
                .replaceAll("/allocation-scenarios/\\d+", "/allocation-scenarios/*")
                .replaceAll("/governance/reports/\\d+", "/governance/reports/*")
                .replaceAll("/weekly-reports/\\d+", "/weekly-reports/*")
                .replaceAll("/governance/jobs/\\d+", "/governance/jobs/*")
                .replaceAll("/governance-jobs/\\d+", "/governance-jobs/*")
                .replaceAll("/proposals/\\d+", "/proposals/*")
                .replaceAll("/linking-runs/\\d+", "/linking-runs/*")
                .replaceAll("/contacts/\\d+", "/contacts/*")
                .replaceAll("/commitments/\\d+", "/commitments/*")
                .replaceAll("/follow-ups/\\d+", "/follow-ups/*")
                .replaceAll("/set-asides/GM\\d{4}", "/set-asides/*")
                .replaceAll("/set-aside/GM\\d{4}", "/set-aside/*")
                .replaceAll("/sites/\\d+", "/sites/*")
                .replaceAll("/reception/locations/\\d+", "/reception/locations/*")
                .replaceAll("/housing-market/corporations/\\d+", "/housing-market/corporations/*")
                .replaceAll("/housing-corporations/\\d+", "/housing-corporations/*")
                .replaceAll("figures/\\d{4}/GM\\d{4}", "figures/*/*")
                .replaceAll("/reception-locations/\\d+", "/reception-locations/*")
                .replaceAll("/assessments/GM\\d{4}/[^/]+", "/assessments/*/*")
                .replaceAll("/escalation-ladders/PV\\d{2}", "/escalation-ladders/*")
                .replaceAll("/escalation-cases/\\d+", "/escalation-cases/*")
                .replaceAll("/documents/\\d+", "/documents/*")
                .replaceAll("/governance/meetings/\\d+", "/governance/meetings/*")
                .replaceAll("/governance/action-items/\\d+", "/governance/action-items/*")
                .replaceAll("/api/v1/meetings/\\d+", "/api/v1/meetings/*")
                .replaceAll("/api/v1/action-items/\\d+", "/api/v1/action-items/*")
                .replaceAll("/link-cancel-reasons/[^/]+", "/link-cancel-reasons/*")
                .replaceAll("/households/cancel-reasons/[A-Z_]+/", "/households/cancel-reasons/*/");
    }
}
