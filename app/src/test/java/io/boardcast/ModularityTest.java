package io.boardcast;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

/** The feature packages are modules that only use what they declare, and never each other in a circle. */
class ModularityTest {

    private final ApplicationModules modules = ApplicationModules.of(BoardcastApplication.class);

    @Test
    void modulesKeepTheirBoundariesAndHaveNoCycles() {
        modules.verify();
    }

    @Test
    void realtimeKnowsNoFeatureModule() {
        ApplicationModule realtime = modules.getModuleByName("realtime").orElseThrow();
        assertThat(realtime.getDirectDependencies(modules).uniqueModules().map(module -> module.getIdentifier().toString()))
                .containsOnly("web");
    }
}
