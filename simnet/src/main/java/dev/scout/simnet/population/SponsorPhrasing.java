package dev.scout.simnet.population;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * Wraps a niche post into a partnership post the way creators actually disclose (or half-disclose) them:
 * explicit tags, platform-style "Paid partnership with", discount codes, affiliate links, and the ambiguous
 * "#collab", "#gifted" and "thanks to @brand" (scoring reference §3.2).
 */
final class SponsorPhrasing {

    private static final int STYLES = 13;

    private SponsorPhrasing() {
    }

    /**
     * Builds the segments of a sponsored post.
     *
     * @param body       the niche text (a sentence, without hashtags)
     * @param brandIndex the partner brand's account index
     * @param brandName  the brand's display name, used for discount codes
     */
    static List<Segment> wrap(RandomGenerator rng, List<Segment> body, int brandIndex, String brandName) {
        List<Segment> out = new ArrayList<>();
        String code = brandName.replaceAll("[^A-Za-z]", "").toUpperCase(Locale.ROOT) + (10 + rng.nextInt(4) * 5);
        Segment.Mention brand = new Segment.Mention(brandIndex);
        switch (rng.nextInt(STYLES)) {
            case 0 -> { out.add(new Segment.Hashtag("ad")); out.add(new Segment.Text(" ")); out.addAll(body);
                out.add(new Segment.Text(" With ")); out.add(brand); out.add(new Segment.Text("."));
            }
            case 1 -> { out.add(new Segment.Text("Paid partnership with ")); out.add(brand); out.add(new Segment.Text(". "));
                out.addAll(body);
            }
            case 2 -> { out.addAll(body); out.add(new Segment.Text(" Use code " + code + " at ")); out.add(brand);
                out.add(new Segment.Text(" for 15% off."));
            }
            case 3 -> { out.addAll(body); out.add(new Segment.Text(" The pan I use (via ")); out.add(brand);
                out.add(new Segment.Text("): ")); out.add(new Segment.Link("https://amzn.to/3" + token(rng, 6)));
            }
            case 4 -> { out.addAll(body); out.add(new Segment.Text(" Everything I used from ")); out.add(brand);
                out.add(new Segment.Text(": "));
                out.add(new Segment.Link("https://www.amazon.com/dp/B0" + token(rng, 8).toUpperCase(Locale.ROOT)
                        + "?tag=scoutsim-20"));
            }
            case 5 -> { out.addAll(body); out.add(new Segment.Text(" Shop my ")); out.add(brand);
                out.add(new Segment.Text(" picks: ")); out.add(new Segment.Link("https://rstyle.me/+" + token(rng, 10)));
            }
            case 6 -> { out.addAll(body); out.add(new Segment.Text(" Kit from ")); out.add(brand); out.add(new Segment.Text(": "));
                out.add(new Segment.Link("https://www.shareasale.com/r.cfm?b=" + (100000 + rng.nextInt(900000))
                        + "&u=" + (1000000 + rng.nextInt(9000000)) + "&m=" + (10000 + rng.nextInt(90000))));
            }
            case 7 -> { out.addAll(body); out.add(new Segment.Text(" ")); out.add(new Segment.Hashtag("collab"));
                out.add(new Segment.Text(" with ")); out.add(brand);
            }
            case 8 -> { out.addAll(body); out.add(new Segment.Text(" ")); out.add(new Segment.Hashtag("gifted"));
                out.add(new Segment.Text(" by ")); out.add(brand);
            }
            case 9 -> { out.addAll(body); out.add(new Segment.Text(" Thanks to ")); out.add(brand);
                out.add(new Segment.Text(" for sending this over!"));
            }
            case 10 -> { out.add(new Segment.Text("Ad: ")); out.addAll(body); out.add(new Segment.Text(" Made with ")); out.add(brand);
            }
            case 11 -> { out.addAll(body); out.add(new Segment.Text(" ")); out.add(new Segment.Hashtag("sponsored"));
                out.add(new Segment.Text(" by ")); out.add(brand);
            }
            default -> { out.addAll(body); out.add(new Segment.Text(" ")); out.add(new Segment.Hashtag("Werbung"));
                out.add(new Segment.Text(" ")); out.add(brand);
            }
        }
        return out;
    }

    private static String token(RandomGenerator rng, int length) {
        String alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(alphabet.charAt(rng.nextInt(alphabet.length())));
        }
        return sb.toString();
    }
}
