package dev.scout.scorer;

/**
 * A scoring setting is out of range. Carries the setting's key path (as in {@code scout.yaml}), the bad value and
 * the rule, so the caller can report it the same way as other configuration errors.
 */
public final class InvalidScoringSettingsException extends IllegalArgumentException {

    private final String key;
    private final String value;
    private final String rule;

    public InvalidScoringSettingsException(String key, Object value, String rule) {
        super(key + ": " + rule + " (got " + value + ")");
        this.key = key;
        this.value = String.valueOf(value);
        this.rule = rule;
    }

    public String key() {
        return key;
    }

    public String value() {
        return value;
    }

    public String rule() {
        return rule;
    }
}
