package nl.doorstroom.shared;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The CBS code of a province, such as {@code PV26} for Utrecht.
 */
public record ProvinceCode(String value) implements Comparable<ProvinceCode>, java.io.Serializable {

    private static final Pattern FORMAT = Pattern.compile("PV\\d{2}");

    public ProvinceCode {
        Objects.requireNonNull(value, "value");
        if (!FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("Not a CBS province code (PV followed by two digits): " + value);
        }
    }

    public static ProvinceCode of(String value) {
        return new ProvinceCode(value);
    }

    @Override
    public int compareTo(ProvinceCode other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
