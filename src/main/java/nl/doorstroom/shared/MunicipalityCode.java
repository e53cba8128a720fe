package nl.doorstroom.shared;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The CBS code of a municipality, such as {@code GM0363} for Amsterdam.
 */
public record MunicipalityCode(String value) implements Comparable<MunicipalityCode>, java.io.Serializable {

    private static final Pattern FORMAT = Pattern.compile("GM\\d{4}");

    public MunicipalityCode {
        Objects.requireNonNull(value, "value");
        if (!FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("Not a CBS municipality code (GM followed by four digits): " + value);
        }
    }

    public static MunicipalityCode of(String value) {
        return new MunicipalityCode(value);
    }

    /**
     * Reads the forms in which CBS publishes a code: {@code GM0363}, {@code 0363} or {@code 363}.
     */
    public static MunicipalityCode parse(String text) {
        var trimmed = text == null ? "" : text.strip().toUpperCase();
        if (trimmed.startsWith("GM")) {
            return new MunicipalityCode(trimmed);
        }
        if (!trimmed.matches("\\d{1,4}")) {
            throw new IllegalArgumentException("Not a CBS municipality code: " + text);
        }
        return new MunicipalityCode("GM" + "0".repeat(4 - trimmed.length()) + trimmed);
    }

    @Override
    public int compareTo(MunicipalityCode other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
