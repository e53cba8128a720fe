package nl.doorstroom.coordination.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;

import nl.doorstroom.coordination.Commitment;
import nl.doorstroom.coordination.Contact;
import nl.doorstroom.coordination.ContactForm;
import nl.doorstroom.shared.FormInput;
import nl.doorstroom.shared.InvalidInput.Problem;
import nl.doorstroom.shared.ProvinceCode;

/**
 * The contact form's text as entered (kept to show it again with its problems) and read into a
 * {@link ContactForm}. The form has {@value #COMMITMENT_ROWS} commitment rows and {@value #FOLLOW_UP_ROWS}
 * follow-up rows; a row left wholly blank is no commitment or follow-up.
 */
record ContactInput(Map<String, String> values) {

    static final int COMMITMENT_ROWS = 3;
    static final int FOLLOW_UP_ROWS = 2;

    static ContactInput of(Map<String, String> params) {
        var values = new LinkedHashMap<String, String>();
        params.forEach((k, v) -> {
            if (!k.equals("_csrf")) {
                values.put(k, v);
            }
        });
        return new ContactInput(values);
    }

    static ContactInput of(Contact contact) {
        var values = new LinkedHashMap<String, String>();
        values.put("party", contact.party().name());
        values.put("municipality", contact.municipality() == null ? "" : contact.municipality().value());
        values.put("province", contact.province() == null ? "" : contact.province().value());
        values.put("partyName", contact.partyName() == null ? "" : contact.partyName());
        values.put("kind", contact.kind().name());
        values.put("occurredOn", contact.occurredOn().toString());
        values.put("counterpart", contact.counterpart());
        values.put("outcome", contact.outcome());
        values.put("version", String.valueOf(contact.version()));
        return new ContactInput(values);
    }

    public String get(String field) {
        return values.getOrDefault(field, "");
    }

    /** The form read, with the form row of each commitment and follow-up (blank rows are left out). */
    record Read(ContactForm form, java.util.List<Integer> commitmentRows, java.util.List<Integer> followUpRows) {

        /** Problems named by the rows of the form the user sees, not by the rows kept. */
        java.util.List<Problem> onFormRows(java.util.List<Problem> problems) {
            return problems.stream().map(p -> new Problem(p.row(), rename(p.field()), p.messageKey(), p.arguments()))
                    .toList();
        }

        private String rename(String field) {
            for (var list : java.util.List.of("commitments", "followUps")) {
                var prefix = list + "[";
                if (field.startsWith(prefix)) {
                    int end = field.indexOf(']');
                    int kept = Integer.parseInt(field.substring(prefix.length(), end));
                    var rows = list.equals("commitments") ? commitmentRows : followUpRows;
                    return prefix + (kept < rows.size() ? rows.get(kept) : kept) + field.substring(end);
                }
            }
            return field;
        }
    }

    Read read(FormInput input) {
        var commitmentRows = new ArrayList<Integer>();
        var followUpRows = new ArrayList<Integer>();
        var party = input.choice(Contact.Party.class, "party", get("party"), null);
        var kind = input.choice(Contact.Kind.class, "kind", get("kind"), null);
        var municipality = party == Contact.Party.MUNICIPALITY ? input.municipality("municipality", get("municipality")) : null;
        ProvinceCode province = null;
        if ((party == Contact.Party.PROVINCE || party == Contact.Party.KINGS_COMMISSIONER) && !FormInput.blank(get("province"))) {
            try {
                province = ProvinceCode.of(get("province").strip());
            }
            catch (IllegalArgumentException e) {
                input.problem(Problem.of("province", "coordination.province.unknown", get("province").strip()));
            }
        }
        var commitments = new ArrayList<ContactForm.CommitmentForm>();
        for (int i = 0; i < COMMITMENT_ROWS; i++) {
            var p = "commitments[" + i + "].";
            if (FormInput.blank(get(p + "places")) && FormInput.blank(get(p + "municipality"))
                    && FormInput.blank(get(p + "expectedOn"))) {
                continue;
            }
            var row = p;
            commitmentRows.add(i);
            commitments.add(new ContactForm.CommitmentForm(input.municipality(row + "municipality", get(p + "municipality")),
                    input.integer(row + "places", get(p + "places")),
                    input.choice(Commitment.Kind.class, row + "kind", get(p + "kind"), null),
                    input.whole(row + "siteId", get(p + "siteId")), input.date(row + "expectedOn", get(p + "expectedOn"))));
        }
        var followUps = new ArrayList<ContactForm.FollowUpForm>();
        for (int i = 0; i < FOLLOW_UP_ROWS; i++) {
            var p = "followUps[" + i + "].";
            if (FormInput.blank(get(p + "description")) && FormInput.blank(get(p + "dueOn"))) {
                continue;
            }
            var row = p;
            followUpRows.add(i);
            followUps.add(new ContactForm.FollowUpForm(get(p + "description"), input.date(row + "dueOn", get(p + "dueOn")),
                    get(p + "assignee")));
        }
        return new Read(new ContactForm(party, municipality, province, get("partyName"), kind,
                input.date("occurredOn", get("occurredOn")), get("counterpart"), get("outcome"), commitments, followUps),
                commitmentRows, followUpRows);
    }
}
