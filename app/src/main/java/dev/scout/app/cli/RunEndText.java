package dev.scout.app.cli;

import dev.scout.app.console.TerminalText;
import dev.scout.store.RunInfo;

import java.util.List;
import java.util.OptionalLong;

/**
 * How {@code scout status} words the end of a run. A run still marked running is live only when a run holds the
 * store's lock now, and then only the newest such row; any other is the leftover of a killed or crashed process.
 */
final class RunEndText {
    private static final int REASON_WIDTH = 160;

    private final OptionalLong liveRun;

    /** @param runs the runs shown, newest first; @param storeInUse whether a run holds the store's lock now */
    RunEndText(List<RunInfo> runs, boolean storeInUse) {
        this.liveRun = storeInUse ? runs.stream().filter(r -> r.status() == RunInfo.RunStatus.RUNNING)
                .mapToLong(RunInfo::id).findFirst() : OptionalLong.empty();
    }

    String describe(RunInfo r) {
        String at = r.finishedAt().map(f -> " at " + f).orElse("");
        String why = r.reason().isEmpty() ? "" : ": " + TerminalText.safe(r.reason(), REASON_WIDTH);
        return switch (r.status()) {
            case RUNNING -> liveRun.isPresent() && liveRun.getAsLong() == r.id()
                    ? "running now"
                    : "did not finish (the process was killed or crashed; the same command resumes it)";
            case COMPLETED -> "completed" + at;
            case FAILED -> "failed" + at + why;
            case INTERRUPTED -> "interrupted" + at + why;
            case USAGE_ERROR -> "usage error" + at + why;
        };
    }
}
