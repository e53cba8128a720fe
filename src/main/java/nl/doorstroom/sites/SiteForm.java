package nl.doorstroom.sites;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

import nl.doorstroom.shared.InvalidInput.Problem;
import nl.doorstroom.shared.MunicipalityCode;

/**
 * A temporary site as someone registers or changes it (its status moves on its own). The field names
 * are those of the API's body and of the file's columns, so a problem names the same field everywhere.
 *
 * @param municipality the municipality the site lies in; its province follows from the register of municipalities
 * @param address the address, or a description of the location where there is none (state land)
 * @param latitude WGS84 degrees, with {@code longitude}; both empty when the exact place is not known
 * @param capacity how many persons can stay there
 * @param costPerNight euros per person per night, when known
 * @param contactPerson personal data: never written to a log or the audit trail
 */
public record SiteForm(SiteKind kind, String name, MunicipalityCode municipality, String address, BigDecimal latitude,
        BigDecimal longitude, SiteOwner owner, Integer capacity, LocalDate availableFrom, LocalDate availableUntil,
        BigDecimal costPerNight, String contactPerson, String notes) {

    public static final String KIND = "kind";
    public static final String NAME = "name";
    public static final String MUNICIPALITY = "municipality";
    public static final String ADDRESS = "address";
    public static final String LATITUDE = "latitude";
    public static final String LONGITUDE = "longitude";
    public static final String OWNER = "owner";
    public static final String CAPACITY = "capacity";
    public static final String AVAILABLE_FROM = "availableFrom";
    public static final String AVAILABLE_UNTIL = "availableUntil";
    public static final String COST_PER_NIGHT = "costPerNight";
    public static final String CONTACT_PERSON = "contactPerson";
    public static final String NOTES = "notes";
    /** The status a site is registered or imported in, and since when (not part of a change). */
    public static final String STATUS = "status";
    public static final String STATUS_SINCE = "statusSince";

    /** Every field of the form, in the order of the page and the file. */
    public static final List<String> FIELDS = List.of(NAME, KIND, MUNICIPALITY, ADDRESS, LATITUDE, LONGITUDE, OWNER,
            CAPACITY, AVAILABLE_FROM, AVAILABLE_UNTIL, COST_PER_NIGHT, CONTACT_PERSON, NOTES);

    public static final int NAME_LENGTH = 120;
    public static final int ADDRESS_LENGTH = 200;
    public static final int CONTACT_LENGTH = 120;
    public static final int NOTES_LENGTH = 2000;
    public static final int MAXIMUM_CAPACITY = 5_000;
    public static final BigDecimal MAXIMUM_COST = new BigDecimal("1000.00");

    /**
     * The Netherlands with a margin (the Wadden islands, Zuid-Limburg, the Zeeland coast): a point outside
     * this box is a typing error, such as latitude and longitude swapped.
     */
    public static final BigDecimal SOUTH = new BigDecimal("50.70"), NORTH = new BigDecimal("53.60"),
            WEST = new BigDecimal("3.30"), EAST = new BigDecimal("7.25");

    /** Texts stripped (an empty optional text is none), degrees to six decimals (about 10 cm). */
    public SiteForm {
        name = strip(name);
        address = strip(address);
        contactPerson = strip(contactPerson);
        notes = strip(notes);
        latitude = latitude == null ? null : latitude.setScale(6, RoundingMode.HALF_UP);
        longitude = longitude == null ? null : longitude.setScale(6, RoundingMode.HALF_UP);
        costPerNight = costPerNight == null ? null : costPerNight.stripTrailingZeros().scale() <= 2
                ? costPerNight.setScale(2, RoundingMode.UNNECESSARY) : costPerNight;
    }

    /**
     * Every problem with this site, at the given row of a file (0 on a form or in the API). A null field
     * is missing, unless {@code unread} names it: then it could not be read, and the reader said so already.
     */
    public List<Problem> problems(int row, Predicate<MunicipalityCode> known, Collection<String> unread) {
        var problems = new ArrayList<Problem>();
        if (kind == null && !unread.contains(KIND)) {
            problems.add(Problem.atRow(row, KIND, "site.kind.missing"));
        }
        text(problems, row, NAME, name, true, NAME_LENGTH);
        if (municipality == null) {
            if (!unread.contains(MUNICIPALITY)) {
                problems.add(Problem.atRow(row, MUNICIPALITY, "site.municipality.missing"));
            }
        }
        else if (!known.test(municipality)) {
            problems.add(Problem.atRow(row, MUNICIPALITY, "site.municipality.unknown", municipality.value()));
        }
        text(problems, row, ADDRESS, address, true, ADDRESS_LENGTH);
        if ((latitude == null) != (longitude == null)) {
            if (!unread.contains(LATITUDE) && !unread.contains(LONGITUDE)) {
                problems.add(Problem.atRow(row, latitude == null ? LATITUDE : LONGITUDE, "site.point.incomplete"));
            }
        }
        if (latitude != null && (latitude.compareTo(SOUTH) < 0 || latitude.compareTo(NORTH) > 0)) {
            problems.add(Problem.atRow(row, LATITUDE, "site.latitude.outside", latitude.toPlainString(),
                    SOUTH.toPlainString(), NORTH.toPlainString()));
        }
        if (longitude != null && (longitude.compareTo(WEST) < 0 || longitude.compareTo(EAST) > 0)) {
            problems.add(Problem.atRow(row, LONGITUDE, "site.longitude.outside", longitude.toPlainString(),
                    WEST.toPlainString(), EAST.toPlainString()));
        }
        if (owner == null && !unread.contains(OWNER)) {
            problems.add(Problem.atRow(row, OWNER, "site.owner.missing"));
        }
        if (capacity == null) {
            if (!unread.contains(CAPACITY)) {
                problems.add(Problem.atRow(row, CAPACITY, "site.capacity.missing"));
            }
        }
        else if (capacity < 1) {
            problems.add(Problem.atRow(row, CAPACITY, "site.capacity.notPositive", capacity));
        }
        else if (capacity > MAXIMUM_CAPACITY) {
            problems.add(Problem.atRow(row, CAPACITY, "site.capacity.tooLarge", capacity, MAXIMUM_CAPACITY));
        }
        if (availableFrom != null && availableFrom.getYear() < 2000) {
            problems.add(Problem.atRow(row, AVAILABLE_FROM, "site.date.tooEarly", availableFrom.toString()));
        }
        if (availableFrom != null && availableUntil != null && availableUntil.isBefore(availableFrom)) {
            problems.add(Problem.atRow(row, AVAILABLE_UNTIL, "site.availableUntil.beforeFrom", availableUntil.toString(),
                    availableFrom.toString()));
        }
        if (costPerNight != null) {
            if (costPerNight.signum() < 0) {
                problems.add(Problem.atRow(row, COST_PER_NIGHT, "site.cost.negative", costPerNight.toPlainString()));
            }
            else if (costPerNight.scale() > 2) {
                problems.add(Problem.atRow(row, COST_PER_NIGHT, "site.cost.cents", costPerNight.toPlainString()));
            }
            else if (costPerNight.compareTo(MAXIMUM_COST) > 0) {
                problems.add(Problem.atRow(row, COST_PER_NIGHT, "site.cost.tooLarge", costPerNight.toPlainString(),
                        MAXIMUM_COST.toPlainString()));
            }
        }
        text(problems, row, CONTACT_PERSON, contactPerson, false, CONTACT_LENGTH);
        text(problems, row, NOTES, notes, false, NOTES_LENGTH);
        return problems;
    }

    /** Whether the exact place is known; otherwise the map draws the site at its municipality's centre. */
    public boolean hasPoint() {
        return latitude != null && longitude != null;
    }

    /**
     * The value of each field as text (empty when none), by field name in the order of {@link #FIELDS}:
     * what two versions of a site are compared by.
     */
    public Map<String, String> values() {
        var values = new LinkedHashMap<String, String>();
        values.put(NAME, text(name));
        values.put(KIND, kind == null ? "" : kind.name());
        values.put(MUNICIPALITY, municipality == null ? "" : municipality.value());
        values.put(ADDRESS, text(address));
        values.put(LATITUDE, latitude == null ? "" : latitude.toPlainString());
        values.put(LONGITUDE, longitude == null ? "" : longitude.toPlainString());
        values.put(OWNER, owner == null ? "" : owner.name());
        values.put(CAPACITY, capacity == null ? "" : capacity.toString());
        values.put(AVAILABLE_FROM, availableFrom == null ? "" : availableFrom.toString());
        values.put(AVAILABLE_UNTIL, availableUntil == null ? "" : availableUntil.toString());
        values.put(COST_PER_NIGHT, costPerNight == null ? "" : costPerNight.toPlainString());
        values.put(CONTACT_PERSON, text(contactPerson));
        values.put(NOTES, text(notes));
        return values;
    }

    /** The fields in which {@code other} holds something else than this form, in the order of {@link #FIELDS}. */
    public List<String> differencesFrom(SiteForm other) {
        var mine = values();
        var theirs = other.values();
        return FIELDS.stream().filter(f -> !Objects.equals(mine.get(f), theirs.get(f))).toList();
    }

    private static void text(List<Problem> problems, int row, String field, String value, boolean required, int length) {
        if (value == null) {
            if (required) {
                problems.add(Problem.atRow(row, field, "site." + field + ".missing"));
            }
        }
        else if (value.length() > length) {
            problems.add(Problem.atRow(row, field, "site.text.tooLong", length));
        }
    }

    private static String strip(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
