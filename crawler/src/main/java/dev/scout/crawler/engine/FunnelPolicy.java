package dev.scout.crawler.engine;

import dev.scout.model.Account;
import dev.scout.model.ProfileSnapshot;

import java.util.Objects;

/**
 * Decides how many requests a profile deserves, stage by stage, so requests are spent only where they can change
 * the verdict. Supplied by the app and backed by the scorer. Implementations must be thread-safe and fast (no I/O).
 */
public interface FunnelPolicy {

    /** Whether to read recent posts of a looked-up profile (e.g. followers inside the wanted range). */
    Decision wantsPosts(Account account);

    /** Whether to sample followers for the audience-quality score (the profile passed niche, engagement, sponsorship). */
    boolean wantsFollowerSample(ProfileSnapshot snapshot);

    /** Whether this profile is a strong candidate whose followers should feed discovery. */
    boolean expandFrom(ProfileSnapshot snapshot);

    /** A yes, or a no with the reason shown to the user for the skipped profile. */
    record Decision(boolean wanted, String reason) {
        public Decision {
            Objects.requireNonNull(reason, "reason");
        }

        public static Decision yes() {
            return new Decision(true, "");
        }

        public static Decision no(String reason) {
            return new Decision(false, reason);
        }
    }
}
