package nl.doorstroom.coordination;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import nl.doorstroom.shared.InvalidInput.Problem;
import nl.doorstroom.shared.MunicipalityCode;
import nl.doorstroom.shared.ProvinceCode;

/**
 * A contact as a coordinator records it, with the commitments made and the follow-ups agreed in it.
 * Problems name the fields as the form does: {@code commitments[0].places}, {@code followUps[1].dueOn}.
 */
public record ContactForm(Contact.Party party, MunicipalityCode municipality, ProvinceCode province, String partyName,
        Contact.Kind kind, LocalDate occurredOn, String counterpart, String outcome, List<CommitmentForm> commitments,
        List<FollowUpForm> followUps) {

    public record CommitmentForm(MunicipalityCode municipality, Integer places, Commitment.Kind kind, Long siteId,
            LocalDate expectedOn) {
    }

    public record FollowUpForm(String description, LocalDate dueOn, String assignee) {
    }

    public ContactForm {
        commitments = commitments == null ? List.of() : List.copyOf(commitments);
        followUps = followUps == null ? List.of() : List.copyOf(followUps);
    }

    static String clean(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    List<Problem> problems(LocalDate today, Predicate<MunicipalityCode> municipalityExists,
            Predicate<ProvinceCode> provinceExists, boolean withParts) {
        var problems = new ArrayList<Problem>();
        if (party == null) {
            problems.add(Problem.of("party", "coordination.party.missing"));
        }
        else {
            switch (party) {
                case MUNICIPALITY -> {
                    if (municipality == null) {
                        problems.add(Problem.of("municipality", "coordination.municipality.missing"));
                    }
                    else if (!municipalityExists.test(municipality)) {
                        problems.add(Problem.of("municipality", "coordination.municipality.unknown", municipality.value()));
                    }
                }
                case PROVINCE, KINGS_COMMISSIONER -> {
                    if (province == null) {
                        problems.add(Problem.of("province", "coordination.province.missing"));
                    }
                    else if (!provinceExists.test(province)) {
                        problems.add(Problem.of("province", "coordination.province.unknown", province.value()));
                    }
                }
                case HOUSING_CORPORATION -> {
                    if (clean(partyName) == null) {
                        problems.add(Problem.of("partyName", "coordination.partyName.missing"));
                    }
                }
            }
        }
        if (clean(partyName) != null && clean(partyName).length() > 120) {
            problems.add(Problem.of("partyName", "coordination.text.tooLong", 120));
        }
        if (kind == null) {
            problems.add(Problem.of("kind", "coordination.contactKind.missing"));
        }
        if (occurredOn == null) {
            problems.add(Problem.of("occurredOn", "coordination.date.missing"));
        }
        else if (occurredOn.isAfter(today)) {
            problems.add(Problem.of("occurredOn", "coordination.date.future", occurredOn.toString()));
        }
        text(problems, "counterpart", counterpart, 200);
        text(problems, "outcome", outcome, 2000);
        if (!withParts) {
            return problems;
        }
        for (int i = 0; i < commitments.size(); i++) {
            var c = commitments.get(i);
            var prefix = "commitments[" + i + "].";
            if (c.municipality() == null) {
                problems.add(Problem.of(prefix + "municipality", "coordination.municipality.missing"));
            }
            else if (!municipalityExists.test(c.municipality())) {
                problems.add(Problem.of(prefix + "municipality", "coordination.municipality.unknown",
                        c.municipality().value()));
            }
            if (c.places() == null) {
                problems.add(Problem.of(prefix + "places", "coordination.places.missing"));
            }
            else if (c.places() < 1 || c.places() > 10_000) {
                problems.add(Problem.of(prefix + "places", "coordination.places.range", 1, 10_000));
            }
            if (c.kind() == null) {
                problems.add(Problem.of(prefix + "kind", "coordination.kind.missing"));
            }
            if (c.expectedOn() == null) {
                problems.add(Problem.of(prefix + "expectedOn", "coordination.date.missing"));
            }
            else if (occurredOn != null && c.expectedOn().isBefore(occurredOn)) {
                problems.add(Problem.of(prefix + "expectedOn", "coordination.expected.beforeContact"));
            }
        }
        for (int i = 0; i < followUps.size(); i++) {
            var f = followUps.get(i);
            var prefix = "followUps[" + i + "].";
            text(problems, prefix + "description", f.description(), 500);
            if (f.dueOn() == null) {
                problems.add(Problem.of(prefix + "dueOn", "coordination.date.missing"));
            }
            if (clean(f.assignee()) == null) {
                problems.add(Problem.of(prefix + "assignee", "coordination.assignee.missing"));
            }
        }
        return problems;
    }

    private static void text(List<Problem> problems, String field, String value, int maximum) {
        var clean = clean(value);
        if (clean == null) {
            problems.add(Problem.of(field, "coordination.text.missing"));
        }
        else if (clean.length() > maximum) {
            problems.add(Problem.of(field, "coordination.text.tooLong", maximum));
        }
    }
}
