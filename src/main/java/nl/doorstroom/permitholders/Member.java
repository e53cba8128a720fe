package nl.doorstroom.permitholders;

import java.util.Locale;
import java.util.Optional;

/** One person of a household, described only as far as linking and housing need. */
public record Member(AgeBand ageBand, Sex sex, Role role) {

    public enum AgeBand {
        A0_4("0-4"), A5_11("5-11"), A12_17("12-17"), A18_29("18-29"), A30_44("30-44"), A45_64("45-64"), A65("65+");

        private final String label;

        AgeBand(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public boolean minor() {
            return this == A0_4 || this == A5_11 || this == A12_17;
        }

        public static Optional<AgeBand> parse(String text) {
            var value = text == null ? "" : text.strip().replace(" ", "");
            for (var band : values()) {
                if (band.label.equals(value) || band.name().equalsIgnoreCase(value)) {
                    return Optional.of(band);
                }
            }
            return Optional.empty();
        }
    }

    public enum Sex {
        F, M, X;

        public static Optional<Sex> parse(String text) {
            var value = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
            return switch (value) {
                case "F", "V" -> Optional.of(F);
                case "M" -> Optional.of(M);
                case "X" -> Optional.of(X);
                default -> Optional.empty();
            };
        }
    }

    public enum Role {
        HEAD, PARTNER, CHILD, OTHER;

        public static Optional<Role> parse(String text) {
            var value = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
            return switch (value) {
                case "HEAD", "HOOFD", "REFERENT" -> Optional.of(HEAD);
                case "PARTNER" -> Optional.of(PARTNER);
                case "CHILD", "KIND" -> Optional.of(CHILD);
                case "OTHER", "OVERIG", "ANDER" -> Optional.of(OTHER);
                default -> Optional.empty();
            };
        }

        public String messageKey() {
            return "member.role." + name();
        }
    }
}
