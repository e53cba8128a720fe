package nl.doorstroom.system;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import nl.doorstroom.coordination.CallList;
import nl.doorstroom.coordination.Commitment;
import nl.doorstroom.coordination.Commitments;
import nl.doorstroom.coordination.Contact;
import nl.doorstroom.coordination.ContactForm;
import nl.doorstroom.coordination.Contacts;
import nl.doorstroom.identity.AuditTrail;
import nl.doorstroom.identity.DoorstroomUser;
import nl.doorstroom.identity.Role;
import nl.doorstroom.identity.Scope;
import nl.doorstroom.shared.MunicipalityCode;
import nl.doorstroom.shared.ProvinceCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Synthetic weeks of the coordination centre for the demo: the demo coordinator phoned the 45
 * municipalities first on the call list (the first round in the LRT minutes targeted 45 municipalities
 * below about 30%), over the last eight weeks; they promised extra places, some kept, some partly, some
 * not; follow-ups on the coordinator's work list, a few overdue; a few calls with provinces and a housing
 * corporation; two municipalities set aside. Seeded, all or nothing, through the facades. Every outcome
 * text says it is synthetic.
 */
@Component
@Order(60)
@ConditionalOnProperty(name = "doorstroom.demo.enabled", havingValue = "true")
class DemoCoordination implements ApplicationRunner {

    static final long SEED = 20231103L;
    static final String NOTE = " (synthetisch voorbeeld)";
    /** The demo account of the coordination centre, so that its work list shows the follow-ups. */
    static final String COORDINATOR = "coordinator";

    private static final Logger log = LoggerFactory.getLogger(DemoCoordination.class);
    private static final List<String> COUNTERPARTS = List.of("wethouder wonen", "beleidsadviseur huisvesting",
            "teamleider statushouders", "gemeentesecretaris", "burgemeester");
    private static final List<String> NOT_KEPT = List.of("Woningen gingen naar urgente woningzoekenden",
            "Hotel zegde de afspraak op", "Raad stemde niet in met de tijdelijke locatie",
            "Corporatie leverde later op dan verwacht");

    private final CallList callList;
    private final Contacts contacts;
    private final Commitments commitments;
    private final nl.doorstroom.sites.SiteInventory sites;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    DemoCoordination(CallList callList, Contacts contacts, Commitments commitments, nl.doorstroom.sites.SiteInventory sites,
            JdbcClient jdbc, TransactionTemplate transaction) {
        this.sites = sites;
        this.callList = callList;
        this.contacts = contacts;
        this.commitments = commitments;
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (jdbc.sql("SELECT count(*) FROM contact").query(Long.class).single() > 0) {
            return;
        }
        long started = System.nanoTime();
        int[] counts = asCoordinator(() -> transaction.execute(status -> load(LocalDate.now(AuditTrail.ZONE))));
        log.info("Demo coordination loaded in {} ms: {} contacts, {} commitments", (System.nanoTime() - started) / 1_000_000,
                counts[0], counts[1]);
    }

    private int[] load(LocalDate today) {
        var random = new Random(SEED);
        var first = callList.on(today).priorities().stream().limit(45).toList();
        int contactCount = 0;
        int commitmentCount = 0;
        for (var priority : first) {
            int calls = 1 + random.nextInt(2);
            for (int c = 0; c < calls; c++) {
                var on = today.minusDays(3 + random.nextInt(54));
                var promises = new ArrayList<ContactForm.CommitmentForm>();
                boolean promised = random.nextInt(10) < 8;
                if (promised) {
                    var kind = Commitment.Kind.values()[random.nextInt(Commitment.Kind.values().length)];
                    Long site = null;
                    if (kind == Commitment.Kind.TEMPORARY_SITE) {
                        // Places at a site of the register in this municipality, or else a hotel.
                        var here = sites.inMunicipality(priority.code());
                        if (here.isEmpty()) {
                            kind = Commitment.Kind.HAR_HOTEL;
                        }
                        else {
                            site = here.get(0).id();
                        }
                    }
                    promises.add(new ContactForm.CommitmentForm(priority.code(), 5 + random.nextInt(56), kind, site,
                            on.plusDays(7 + random.nextInt(22))));
                }
                var followUps = new ArrayList<ContactForm.FollowUpForm>();
                if (random.nextInt(3) == 0) {
                    followUps.add(new ContactForm.FollowUpForm("Terugbellen over de voortgang" + NOTE,
                            on.plusDays(7 + random.nextInt(14)), COORDINATOR));
                }
                long id = contacts.log(new ContactForm(Contact.Party.MUNICIPALITY, priority.code(), null, null,
                        random.nextBoolean() ? Contact.Kind.CALL : Contact.Kind.MEETING, on,
                        COUNTERPARTS.get(random.nextInt(COUNTERPARTS.size())),
                        (promised ? "Gemeente zegt extra plaatsen toe" : "Gemeente ziet geen mogelijkheden op korte termijn")
                                + NOTE, promises, followUps));
                contactCount++;
                commitmentCount += promises.size();
                for (var commitment : contacts.find(id).orElseThrow().commitments()) {
                    decide(commitment, today, random);
                }
            }
        }
        contacts.log(new ContactForm(Contact.Party.PROVINCE, null, ProvinceCode.of("PV27"), null, Contact.Kind.MEETING,
                today.minusDays(12), "gedeputeerde", "Provincie maakt een lijst van tijdelijke locaties" + NOTE, List.of(),
                List.of(new ContactForm.FollowUpForm("Lijst van locaties opvragen" + NOTE, today.minusDays(2), COORDINATOR))));
        contacts.log(new ContactForm(Contact.Party.HOUSING_CORPORATION, null, null, "Woonstichting Voorbeeld",
                Contact.Kind.MEETING, today.minusDays(9), "directeur wonen", "Overleg over het toewijzingspercentage" + NOTE,
                List.of(), List.of()));
        contactCount += 2;
        if (first.size() >= 45) {
            callList.setAside(first.get(43).code(), today.plusDays(21), "Nieuwe wethouder; na de raadsvergadering opnieuw"
                    + NOTE);
            callList.setAside(first.get(44).code(), today.plusDays(10), "Raad besluit volgende week over een tijdelijke "
                    + "locatie" + NOTE);
        }
        return new int[] {contactCount, commitmentCount};
    }

    /** A commitment past its date is kept (55%), partly kept (20%) or not kept (25%); a later one mostly runs. */
    private void decide(Commitment commitment, LocalDate today, Random random) {
        if (!commitment.expectedOn().isBefore(today) && random.nextInt(4) != 0) {
            return;
        }
        int roll = random.nextInt(20);
        var latest = commitment.expectedOn().plusDays(7).isAfter(today) ? today : commitment.expectedOn().plusDays(7);
        long span = Math.max(0, latest.toEpochDay() - commitment.madeOn().toEpochDay());
        var realised = commitment.madeOn().plusDays(span == 0 ? 0 : 1 + random.nextInt((int) span));
        if (realised.isAfter(today)) {
            realised = today;
        }
        if (roll < 11) {
            commitments.decide(commitment.id(), commitment.version(), Commitment.Status.KEPT, commitment.places(), realised,
                    null);
        }
        else if (roll < 15 && commitment.places() > 1) {
            commitments.decide(commitment.id(), commitment.version(), Commitment.Status.PARTLY_KEPT,
                    1 + random.nextInt(commitment.places() - 1), realised, null);
        }
        else if (commitment.expectedOn().isBefore(today)) {
            commitments.decide(commitment.id(), commitment.version(), Commitment.Status.NOT_KEPT, null, null,
                    NOT_KEPT.get(random.nextInt(NOT_KEPT.size())) + NOTE);
        }
    }

    private static <T> T asCoordinator(java.util.function.Supplier<T> work) {
        var loader = new DoorstroomUser(0, COORDINATOR, "Demoscenario", Role.NATIONAL_COORDINATOR, Scope.nation());
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(loader, null,
                List.of(new SimpleGrantedAuthority(Role.NATIONAL_COORDINATOR.authority()))));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        }
        finally {
            SecurityContextHolder.clearContext();
        }
    }
}
