package dev.scout.crawler.engine;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HostGateTest {
    @Test
    void aSaturatedHostLeavesRoomForOthers() {
        HostGate gate = new HostGate(2);

        assertThat(gate.tryEnter("slow.example:443")).isTrue();
        assertThat(gate.tryEnter("slow.example:443")).isTrue();
        assertThat(gate.tryEnter("slow.example:443")).isFalse();
        assertThat(gate.tryEnter("fast.example:443")).isTrue();

        gate.leave("slow.example:443");
        assertThat(gate.tryEnter("slow.example:443")).isTrue();
    }
}
