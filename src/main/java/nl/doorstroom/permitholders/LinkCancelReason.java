package nl.doorstroom.permitholders;

import java.util.Locale;

/** A reason from the managed list a link can be cancelled with. */
public record LinkCancelReason(String code, String labelNl, String labelEn, boolean active, int position) {

    public String label(Locale locale) {
        return "en".equals(locale.getLanguage()) ? labelEn : labelNl;
    }
}
