package dev.scout.app.console;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import java.io.PrintStream;
import java.time.temporal.ChronoUnit;

/** A terminal progress bar with rate and ETA. */
final class BarProgress implements Progress {
    private final ProgressBar bar;

    BarProgress(String task, PrintStream out) {
        this.bar = new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(1)
                .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK)
                .setConsumer(new ConsoleProgressBarConsumer(out))
                .setUnit(" profiles", 1)
                .showSpeed()
                .setSpeedUnit(ChronoUnit.SECONDS)
                .setUpdateIntervalMillis(200)
                .build();
    }

    @Override
    public synchronized void total(long total) {
        if (total > bar.getMax()) {
            bar.maxHint(total);
        }
    }

    @Override
    public synchronized void advance(long n, String status) {
        bar.stepBy(n);
        bar.setExtraMessage(status);
    }

    @Override
    public synchronized void close() {
        bar.close();
    }
}
