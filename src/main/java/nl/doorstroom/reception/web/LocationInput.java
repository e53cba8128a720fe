package nl.doorstroom.reception.web;

import nl.doorstroom.reception.LocationForm;
import nl.doorstroom.reception.LocationKind;
import nl.doorstroom.reception.ReceptionLocation;
import nl.doorstroom.shared.FormInput;
import nl.doorstroom.shared.InvalidInput;

/** A location form as typed: kept after a refusal, read into a {@link LocationForm} when it can be. */
record LocationInput(String code, String name, String municipality, String kind, String regularCapacity,
        String emergencyCapacity, String openedOn, String closedOn) {

    static LocationInput empty() {
        return new LocationInput("", "", "", "", "", "0", "", "");
    }

    static LocationInput of(ReceptionLocation l) {
        return new LocationInput(l.code(), l.name(), l.municipality().value(), l.kind().name(),
                String.valueOf(l.regularCapacity()), String.valueOf(l.emergencyCapacity()),
                l.openedOn() == null ? "" : l.openedOn().toString(), l.closedOn() == null ? "" : l.closedOn().toString());
    }

    /** The form, or every problem of the fields that could not be read and of the rules. */
    LocationForm form(java.util.function.Predicate<nl.doorstroom.shared.MunicipalityCode> known) {
        var input = new FormInput();
        var form = new LocationForm(code, name, input.municipality(LocationForm.MUNICIPALITY, municipality),
                input.choice(LocationKind.class, LocationForm.KIND, kind, null),
                input.integer(LocationForm.REGULAR_CAPACITY, regularCapacity),
                input.integer(LocationForm.EMERGENCY_CAPACITY, emergencyCapacity),
                input.date(LocationForm.OPENED_ON, openedOn), input.date(LocationForm.CLOSED_ON, closedOn));
        if (input.hasProblems()) {
            // The rules of the fields that were read, as well: every problem at once.
            var unread = new java.util.HashSet<String>();
            var problems = new java.util.ArrayList<InvalidInput.Problem>();
            try {
                input.check();
            }
            catch (InvalidInput e) {
                problems.addAll(e.problems());
                e.problems().forEach(p -> unread.add(p.field()));
            }
            problems.addAll(form.problems(known, unread));
            throw new InvalidInput(problems);
        }
        return form;
    }
}
