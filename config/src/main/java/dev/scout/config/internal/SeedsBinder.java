package dev.scout.config.internal;

import dev.scout.config.PlatformsConfig;
import dev.scout.model.InvalidSeedException;
import dev.scout.model.ProfileRef;
import dev.scout.model.SeedParser;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reads {@code seeds} with {@link SeedParser}; a seed on a disabled platform is a problem too. */
final class SeedsBinder {
    private static final String FORMS =
            " (use https://host/@user, mastodon:user@host, bluesky:HANDLE, youtube:UC…, instagram:HANDLE,"
                    + " threads:HANDLE or an https:// profile page)";
    private SeedsBinder() {
    }

    static List<ProfileRef> bind(Section root, PlatformsConfig platforms) {
        SeedParser parser = new SeedParser(platforms.web().allowRestrictedSites());
        Set<ProfileRef> seeds = new LinkedHashSet<>();
        for (Section.Element e : root.list("seeds")) {
            Optional<String> text = root.scalars().text(e.path(), e.node(), false);
            if (text.isEmpty()) {
                continue;
            }
            try {
                ProfileRef ref = parser.parse(text.get());
                if (!platforms.enabled(ref.platform())) {
                    String key = ref.platform().key();
                    root.problems().add(e.path(), Render.text(text.get()), "is a " + key + " profile but platforms."
                            + key + ".enabled is false (enable the platform or remove the seed)");
                } else {
                    seeds.add(ref);
                }
            } catch (InvalidSeedException ex) {
                root.problems().add(e.path(), Render.text(text.get()), ex.problem() + FORMS);
            } catch (IllegalArgumentException ex) {
                // SeedParser promises InvalidSeedException; a bare one from a record check still deserves a clear line.
                root.problems().add(e.path(), Render.text(text.get()),
                        "is not a valid profile reference (" + Render.clean(String.valueOf(ex.getMessage())) + ")" + FORMS);
            }
        }
        return new ArrayList<>(seeds);
    }
}
