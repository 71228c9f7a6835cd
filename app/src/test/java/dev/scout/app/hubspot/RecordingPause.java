package dev.scout.app.hubspot;

import dev.scout.model.testing.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A {@link Pause} that records each wait and advances a {@link MutableClock} instead of waiting. */
final class RecordingPause implements Pause {

    private final MutableClock clock;
    private final List<Duration> pauses = new ArrayList<>();

    RecordingPause(MutableClock clock) {
        this.clock = clock;
    }

    @Override
    public void pause(Duration duration) {
        pauses.add(duration);
        clock.advance(duration);
    }

    List<Duration> pauses() {
        return pauses;
    }

    Duration total() {
        return pauses.stream().reduce(Duration.ZERO, Duration::plus);
    }
}
