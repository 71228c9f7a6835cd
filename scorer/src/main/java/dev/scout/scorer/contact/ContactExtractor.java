package dev.scout.scorer.contact;

import dev.scout.scorer.text.TextFolding;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a public business email in a bio, including the common obfuscations "name [at] domain [dot] com" and
 * "name (at) domain (dot) com". A fediverse handle ({@code @user@host}) is not an email. When several addresses
 * appear, one next to a business word (business, contact, collab, inquiries, booking, pr, press) wins. Pure.
 */
public final class ContactExtractor {

    private static final Pattern OBFUSCATED_AT = Pattern.compile("\\s*[\\[(]\\s*at\\s*[\\])]\\s*", Pattern.CASE_INSENSITIVE);
    private static final Pattern OBFUSCATED_DOT = Pattern.compile("\\s*[\\[(]\\s*dot\\s*[\\])]\\s*", Pattern.CASE_INSENSITIVE);
    private static final Pattern EMAIL = Pattern.compile(
            "(?<![@\\w.+-])([A-Za-z0-9][A-Za-z0-9._%+-]{0,63}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?"
            + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?)*\\.[A-Za-z]{2,24})(?![\\w@-])");
    private static final Pattern BUSINESS = Pattern.compile(
            "(business|contact|collab|inquir|enquir|booking|\\bpr\\b|press|partnership|work with me|mail)",
            Pattern.CASE_INSENSITIVE);

    public Optional<String> find(String bio) {
        if (bio == null || bio.isBlank() || (bio.indexOf('@') < 0 && !bio.toLowerCase(Locale.ROOT).contains("at"))) {
            return Optional.empty();
        }
        String text = OBFUSCATED_DOT.matcher(OBFUSCATED_AT.matcher(TextFolding.fold(bio)).replaceAll("@")).replaceAll(".");
        Matcher m = EMAIL.matcher(text);
        String first = null;
        while (m.find()) {
            String email = m.group(1);
            if (email.contains("..")) {
                continue;
            }
            int at = email.indexOf('@');
            String normalised = email.substring(0, at) + "@" + email.substring(at + 1).toLowerCase(Locale.ROOT);
            if (first == null) {
                first = normalised;
            }
            String before = text.substring(Math.max(0, m.start() - 40), m.start());
            if (BUSINESS.matcher(before).find()) {
                return Optional.of(normalised);
            }
        }
        return Optional.ofNullable(first);
    }
}
