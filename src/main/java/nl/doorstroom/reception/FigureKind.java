package nl.doorstroom.reception;

import java.util.List;

/** The figures municipalities report about their reception, each imported as its own dated versions. */
public enum FigureKind {

    /** Places the municipality provides for municipal reception, against its task under the distribution act. */
    MUNICIPAL_PLACES("places", List.of("places", "municipal_places", "municipalplaces", "plaatsen", "aantal_plaatsen")),

    /** Displaced Ukrainians in municipal reception (Oekraïense ontheemden). */
    UKRAINIANS("persons", List.of("persons", "ukrainians", "personen", "ontheemden", "aantal"));

    private final String column;
    private final List<String> headers;

    FigureKind(String column, List<String> headers) {
        this.column = column;
        this.headers = headers;
    }

    /** The name of the figure's column in a file, and of its field in a problem. */
    public String column() {
        return column;
    }

    List<String> headers() {
        return headers;
    }
}
