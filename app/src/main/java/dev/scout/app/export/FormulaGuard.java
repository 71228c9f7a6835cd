package dev.scout.app.export;

/**
 * Neutralises spreadsheet formula injection (OWASP CSV Injection, ASVS 5.0 1.2.10): a free-text cell that starts
 * with {@code = + - @}, TAB, CR or NUL gets a leading {@code '} so Excel, LibreOffice and Google Sheets show it as
 * text instead of evaluating it. Apply to free-text columns only; numbers must stay numbers. Stateless.
 */
public final class FormulaGuard {

    private FormulaGuard() {
    }

    /** {@code value} with a leading {@code '} when its first character could start a formula. */
    public static String neutralise(String value) {
        if (value.isEmpty()) {
            return value;
        }
        return switch (value.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r', '\0' -> "'" + value;
            default -> value;
        };
    }
}
