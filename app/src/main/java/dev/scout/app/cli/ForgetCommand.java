package dev.scout.app.cli;

import dev.scout.app.ExitCodes;
import dev.scout.app.UsageException;
import dev.scout.model.InvalidSeedException;
import dev.scout.model.ProfileRef;
import dev.scout.model.SeedParser;
import dev.scout.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

/** {@code scout forget}: removes a profile and everything Scout stored about it (a creator may ask). */
@Command(name = "forget", mixinStandardHelpOptions = true,
        description = "Removes a profile and everything stored about it: frontier entry, snapshots, posts, scores in every run.")
public final class ForgetCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "PROFILE", description = "A profile id (mastodon:user@host), handle or profile URL.")
    String profile;

    @Mixin
    StoreSource source;

    @Override
    public Integer call() {
        ProfileRef ref = parse(profile);
        try (Store store = source.openForChanges()) {
            long removed = store.forget(ref);
            System.out.println(removed == 0
                    ? "The store knew nothing about " + ref.id() + "; nothing removed."
                    : "Removed " + ref.id() + " (" + removed + " rows). Re-run exports to drop it from earlier files too.");
            return ExitCodes.OK;
        }
    }

    static ProfileRef parse(String text) {
        try {
            return ProfileRef.parseId(text);
        } catch (IllegalArgumentException notAnId) {
            try {
                return new SeedParser(true).parse(text);
            } catch (InvalidSeedException e) {
                throw new UsageException(e.getMessage(), e);
            }
        }
    }
}
