package dev.scout.crawler.platform.meta;

import java.util.OptionalInt;
import java.util.Set;

/**
 * A Meta Graph error ({@code {"error":{"code":110,"error_subcode":2207013,"type":"OAuthException",…}}}) as
 * {@link dev.scout.crawler.platform.PlatformHttp} reports it in a reason code ({@code 110/2207013}), classified by
 * what Scout must do about it. Codes from the Graph error-handling and rate-limiting guides
 * (reference platforms-and-scale-out.md §1.7, §1.8). Immutable.
 *
 * @param code    {@code error.code}
 * @param subcode {@code error.error_subcode}, when given
 */
public record GraphError(int code, OptionalInt subcode) {
    /** 4 app, 17 user, 32 Pages, 613 custom limit (Platform Rate Limits); 80002 Instagram BUC limit. */
    private static final Set<Integer> THROTTLE = Set.of(4, 17, 32, 613, 80002);
    /**
     * Other Business Use Case limits (ads, Pages, LeadGen, Messenger …): they do not hit the endpoints Scout calls,
     * but if one appears it means the same thing: stop and wait.
     */
    private static final Set<Integer> OTHER_BUC = Set.of(80000, 80001, 80003, 80004, 80005, 80006, 80008, 80009, 80014);
    private static final int NOT_PROFESSIONAL_SUBCODE = 2207013;

    /** Parses {@code code} or {@code code/subcode}; empty when the reason code is not a Graph error. */
    public static java.util.Optional<GraphError> parse(String reasonCode) {
        if (reasonCode == null || !reasonCode.matches("\\d{1,9}(/\\d{1,12})?")) {
            return java.util.Optional.empty();
        }
        String[] parts = reasonCode.split("/");
        OptionalInt sub = OptionalInt.empty();
        if (parts.length == 2) {
            long s = Long.parseLong(parts[1]);
            sub = s <= Integer.MAX_VALUE ? OptionalInt.of((int) s) : OptionalInt.empty();
        }
        return java.util.Optional.of(new GraphError(Integer.parseInt(parts[0]), sub));
    }

    /**
     * The target is a personal account or does not exist: Business Discovery answers both with code 110, subcode
     * 2207013, and does not tell them apart [SECONDARY: observed by a public client, not in Meta's reference].
     */
    public boolean notProfessionalAccount() {
        return subcode.orElse(0) == NOT_PROFESSIONAL_SUBCODE || code == 110;
    }

    /** A rate limit was reached: stop calling and wait. */
    public boolean throttled() {
        return THROTTLE.contains(code) || OTHER_BUC.contains(code);
    }

    /** 190: the access token expired or was revoked. */
    public boolean tokenInvalid() {
        return code == 190;
    }

    /** 10 and 200–299: a permission is missing; 341 application limit; 368 temporarily blocked for policy. */
    public boolean permissionOrBlock() {
        return code == 10 || (code >= 200 && code <= 299) || code == 341 || code == 368;
    }

    /** 1 and 2: a temporary problem at Meta; retry later. */
    public boolean temporary() {
        return code == 1 || code == 2;
    }

    @Override
    public String toString() {
        return "code " + code + subcode.stream().mapToObj(s -> ", subcode " + s).findFirst().orElse("");
    }
}
