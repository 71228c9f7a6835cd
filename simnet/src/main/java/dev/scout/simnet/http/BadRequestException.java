package dev.scout.simnet.http;

/** A request parameter a simulated API refuses; hosts turn it into their platform's 400 answer. */
public final class BadRequestException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String parameter;
    private final String value;

    public BadRequestException(String parameter, String value, String rule) {
        super("parameter '" + parameter + "' " + rule + " (got '" + value + "')");
        this.parameter = parameter;
        this.value = value;
    }

    public String parameter() {
        return parameter;
    }

    public String value() {
        return value;
    }
}
