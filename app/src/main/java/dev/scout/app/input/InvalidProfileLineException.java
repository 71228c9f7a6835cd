package dev.scout.app.input;

/** A profile line breaks the input schema; {@code field} is the JSON path of the bad value ("" for the whole line). */
public final class InvalidProfileLineException extends RuntimeException {

    private final String field;

    public InvalidProfileLineException(String field, String problem) {
        super(field.isEmpty() ? problem : field + ": " + problem);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
