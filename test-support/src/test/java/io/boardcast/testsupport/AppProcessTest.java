package io.boardcast.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AppProcessTest {

    @Test
    void readsTheHeapInUseFromJcmdOfJdk17AndOfJdk25() {
        assertThat(AppProcess.heapUsedKb("""
                garbage-first heap   total 393216K, used 11884K [0x0000000687400000, 0x0000000800000000)
                 region size 4096K, 3 young (12288K), 1 survivors (4096K)""")).isEqualTo(11884);
        assertThat(AppProcess.heapUsedKb("""
                garbage-first heap   total reserved 6172672K, committed 393216K, used 11884K [0x0000000687400000, 0x0000000800000000)
                 region size 4096K, 3 young (12288K), 1 survivors (4096K)""")).isEqualTo(11884);
        assertThat(AppProcess.heapUsedKb("no such thing")).isEqualTo(-1);
    }
}
