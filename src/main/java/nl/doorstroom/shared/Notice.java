package nl.doorstroom.shared;

import java.io.Serializable;
import java.util.List;

/**
 * A message for the page after a redirect ("Woningaanbod vastgelegd"): its key in the bundles and its
 * arguments (strings and numbers), kept in the session as a flash attribute.
 */
public record Notice(String key, List<Serializable> arguments) implements Serializable {

    public static Notice of(String key, Serializable... arguments) {
        return new Notice(key, List.of(arguments));
    }
}
