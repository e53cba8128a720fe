package nl.doorstroom.progress;

/**
 * The assessment on a cut-off date (1 January, 1 July): adequate, reasonably adequate, or not
 * adequate (DOMAIN.md, "Supervision"). Thresholds differ per province.
 */
public enum Colour {
    GREEN, ORANGE, RED;

    public String messageKey() {
        return "colour." + name();
    }

    public String cssClass() {
        return "colour-" + name().toLowerCase(java.util.Locale.ROOT);
    }
}
