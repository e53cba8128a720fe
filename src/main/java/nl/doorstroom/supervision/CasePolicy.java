package nl.doorstroom.supervision;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import nl.doorstroom.identity.AuditTrail;
import nl.doorstroom.municipalities.MunicipalityRegistry;
import nl.doorstroom.shared.HalfYear;
import nl.doorstroom.shared.MunicipalityCode;
import nl.doorstroom.shared.ProvinceCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A province's policy to open a case by itself after a number of missed half-years in a row ("some
 * provinces act after four missed periods in a row": DOMAIN.md, "Supervision"). Applied every morning
 * and on a supervisor's request.
 */
@Service
public class CasePolicy {

    private static final Logger log = LoggerFactory.getLogger(CasePolicy.class);

    private final Assessments assessments;
    private final EscalationLadders ladders;
    private final Escalations escalations;
    private final StoredCases cases;
    private final MunicipalityRegistry registry;
    private final TransactionTemplate transactions;
    private final boolean synthetic;

    CasePolicy(Assessments assessments, EscalationLadders ladders, Escalations escalations, StoredCases cases,
            MunicipalityRegistry registry, TransactionTemplate transactions,
            @Value("${doorstroom.demo.enabled:false}") boolean synthetic) {
        this.assessments = assessments;
        this.ladders = ladders;
        this.escalations = escalations;
        this.cases = cases;
        this.registry = registry;
        this.transactions = transactions;
        this.synthetic = synthetic;
    }

    /** Every morning for every province with a policy; each case in its own transaction. */
    @Scheduled(cron = "${doorstroom.supervision.policy-cron:0 30 6 * * *}", zone = "Europe/Amsterdam")
    void daily() {
        var date = LocalDate.now(AuditTrail.ZONE);
        int opened = 0;
        for (var province : registry.provinces()) {
            opened += applyTo(province.code(), date).size();
        }
        log.info("Supervision policy applied: {} case(s) opened", opened);
    }

    /** Applies a province's policy now, at a supervisor's request; returns the cases opened. */
    public List<Long> apply(ProvinceCode province) {
        Supervisors.requireSupervisor(province);
        return applyTo(province, LocalDate.now(AuditTrail.ZONE));
    }

    /**
     * The municipalities the policy would open a case for now, with how many half-years each missed in a row
     * as the province decided them (proposals not yet decided do not count).
     */
    public List<Qualifying> qualifying(ProvinceCode province) {
        return qualifying(province, LocalDate.now(AuditTrail.ZONE));
    }

    /**
     * Whether a case already deals with the municipality: it is open; or it closed on or after the last cut-off
     * date; or it closed on a commitment (art. 124d) whose date has not passed.
     */
    static boolean dealtWith(EscalationCase c, LocalDate lastCutOff, LocalDate today) {
        if (c.isOpen() || !c.closedOn().isBefore(lastCutOff)) {
            return true;
        }
        return c.closure() == EscalationCase.Closure.COMMITTED && c.commitment() != null
                && c.commitment().due() != null && !today.isAfter(c.commitment().due());
    }

    List<Qualifying> qualifying(ProvinceCode province, LocalDate today) {
        var ladder = ladders.of(province);
        if (ladder.openAfterMissed() == null) {
            return List.of();
        }
        var histories = assessments.histories();
        var all = cases.find(province, null, false);
        var found = new ArrayList<Qualifying>();
        for (var municipality : registry.inProvince(province)) {
            var history = histories.get(municipality.code());
            if (history == null || history.rows().isEmpty()) {
                continue;
            }
            int missed = history.decidedMissedInARow();
            LocalDate lastCutOff = cutOff(history.rows().get(0).period());
            if (missed >= ladder.openAfterMissed() && all.stream().noneMatch(c -> c.municipality()
                    .equals(municipality.code()) && dealtWith(c, lastCutOff, today))) {
                found.add(new Qualifying(municipality.code(), municipality.name(), missed));
            }
        }
        return found;
    }

    /** A municipality the policy opens a case for. */
    public record Qualifying(MunicipalityCode code, String name, int missedInARow) {
    }

    /** The day after the half-year ends: its cut-off date (1 January or 1 July). */
    static LocalDate cutOff(HalfYear period) {
        return period.end().plusDays(1);
    }

    /**
     * Opens a case for every municipality of the province that missed the policy's number of half-years
     * in a row and has no open case. A case closed on or after the last cut-off date means the province
     * already dealt with this run of missed half-years, so none is opened again until the next cut-off.
     */
    List<Long> applyTo(ProvinceCode province, LocalDate date) {
        var opened = new ArrayList<Long>();
        for (var q : qualifying(province, date)) {
            var municipality = registry.find(q.code()).orElseThrow();
            try {
                opened.add(transactions.execute(tx -> escalations.openByPolicy(municipality, q.missedInARow(), date,
                        synthetic)));
            }
            catch (DuplicateKeyException e) {
                // Another node (or a supervisor) opened one a moment ago.
            }
        }
        return opened;
    }
}
