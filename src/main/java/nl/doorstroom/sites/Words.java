package nl.doorstroom.sites;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Text compared the way people mean it: accents, case, spaces and punctuation do not count, so that
 * "Hotel De Poort", "hotel de poort" and "Hotel-de-Poort" are the same words, and so are the column
 * headers "Beschikbaar vanaf" and "beschikbaar_vanaf".
 */
final class Words {

    private Words() {
    }

    /** Only the letters and digits, lower case, accents dropped ("Súdwest-Fryslân" becomes "sudwestfryslan"). */
    static String normalised(String text) {
        if (text == null) {
            return "";
        }
        var plain = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        return plain.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "");
    }
}
