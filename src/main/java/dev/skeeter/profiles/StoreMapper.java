package dev.skeeter.profiles;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** The one Jackson configuration for Skeeter's own files. */
final class StoreMapper {
    private StoreMapper() {
    }

    static ObjectMapper create() {
        return JsonMapper.builder()
                // Older apps must read files with fields a newer minor version added.
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                // Convenience predicates such as Profile.isLocalBroker() or LastWill.isSet() are not data.
                .visibility(PropertyAccessor.IS_GETTER, Visibility.NONE)
                .enable(SerializationFeature.INDENT_OUTPUT)
                .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                .build();
    }
}
