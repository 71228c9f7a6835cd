package dev.scout.simnet.instagram;

/**
 * What the simulated Instagram Graph host saw.
 *
 * @param calls               Graph calls (robots.txt excluded)
 * @param discoveryCalls      Business Discovery calls
 * @param profilesLookedUp    distinct usernames asked of Business Discovery
 * @param highestUsagePct     the highest {@code X-App-Usage} percentage reported
 * @param overLimit           calls made after the hourly budget was spent (answered with code 4)
 * @param tokenInUrl          calls that carried {@code access_token} in the URL (refused; Scout must never do it)
 * @param unauthenticated     calls without a valid {@code Authorization: Bearer} token
 */
public record GraphStats(long calls, long discoveryCalls, long profilesLookedUp, int highestUsagePct, long overLimit,
                         long tokenInUrl, long unauthenticated) {

    /** Business Discovery calls per distinct profile; 0 when none was looked up. */
    public double requestsPerProfile() {
        return profilesLookedUp == 0 ? 0 : (double) discoveryCalls / profilesLookedUp;
    }
}
