package org.herald.channel;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.HashMap;
import java.util.Map;

/**
 * Builds a channel's typed configuration the way Quarkus does (same defaults, same conversions),
 * for tests that do not boot Quarkus.
 */
public final class ConfigMappings {

    private ConfigMappings() {
    }

    public static <T> T of(Class<T> mapping, Map<String, String> values) {
        Map<String, String> all = new HashMap<>();
        all.put("herald.data-dir", "target/unit-test-data");
        all.putAll(values);
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .addDefaultInterceptors()
                .withMapping(mapping)
                .withSources(new PropertiesConfigSource(all, "test", 500))
                .build();
        return config.getConfigMapping(mapping);
    }
}
