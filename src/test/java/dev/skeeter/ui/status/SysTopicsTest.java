package dev.skeeter.ui.status;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SysTopicsTest {
    @Test
    void mosquittoAndOurBrokerAreRecognisedByTheirOwnNames() {
        assertThat(SysTopics.evidence("$SYS/broker/publish/messages/received", "3")).isEqualTo(SysSchema.MOSQUITTO);
        assertThat(SysTopics.evidence("$SYS/broker/retained messages/count", "3")).isEqualTo(SysSchema.MOSQUITTO);
        assertThat(SysTopics.evidence("$SYS/broker/load/bytes/received/1min", "3")).isEqualTo(SysSchema.MOSQUITTO);
        assertThat(SysTopics.evidence("$SYS/broker/version", "skeeter version 0.2")).isEqualTo(SysSchema.MOSQUITTO);
        assertThat(SysTopics.evidence("$SYS/broker/clients/connected", "3")).isEqualTo(SysSchema.UNKNOWN);
    }

    @Test
    void hivemqIsRecognisedByItsTotalsAndEmqxByItsNodes() {
        assertThat(SysTopics.evidence("$SYS/broker/messages/publish/received", "3")).isEqualTo(SysSchema.HIVEMQ);
        assertThat(SysTopics.evidence("$SYS/broker/load/bytes/received", "3")).isEqualTo(SysSchema.HIVEMQ);
        assertThat(SysTopics.evidence("$SYS/brokers/emqx@10.0.0.1/uptime", "3")).isEqualTo(SysSchema.EMQX);
        assertThat(SysTopics.evidence("$SYS/brokers", "emqx@a")).isEqualTo(SysSchema.UNKNOWN);
    }

    @Test
    void theSameLoadTopicIsPerMinuteInMosquittoAndPerSecondInHivemq() {
        String topic = "$SYS/broker/load/publish/received/1min";
        assertThat(SysTopics.read(SysSchema.MOSQUITTO, topic).form()).isEqualTo(SysTopics.Form.LOAD_PER_MINUTE);
        assertThat(SysTopics.read(SysSchema.HIVEMQ, topic).form()).isEqualTo(SysTopics.Form.LOAD_PER_SECOND);
        assertThat(SysTopics.read(SysSchema.HIVEMQ, "$SYS/broker/load/bytes/received").metric())
                .isEqualTo(Metric.BYTES_RECEIVED);
    }

    @Test
    void emqxNamesWithDotsOrSlashesAndTheNodeAreRead() {
        SysTopics.Reading dotted = SysTopics.read(SysSchema.EMQX, "$SYS/brokers/emqx@127.0.0.1/stats/connections.count");
        assertThat(dotted).isEqualTo(new SysTopics.Reading("emqx@127.0.0.1", Metric.CLIENTS_CONNECTED,
                SysTopics.Form.NUMBER));
        assertThat(SysTopics.read(SysSchema.EMQX, "$SYS/brokers/n1/stats/connections/count").metric())
                .isEqualTo(Metric.CLIENTS_CONNECTED);
        assertThat(SysTopics.read(SysSchema.EMQX, "$SYS/brokers/n1/metrics/messages.received").metric())
                .isEqualTo(Metric.PUBLISH_RECEIVED);
        assertThat(SysTopics.read(SysSchema.EMQX, "$SYS/brokers/n1/uptime").form())
                .isEqualTo(SysTopics.Form.UPTIME_MILLIS);
        assertThat(SysTopics.read(SysSchema.EMQX, "$SYS/brokers/n1/clients/c1/connected")).isNull();
    }

    @Test
    void numbersAreReadFromPlainAndMosquittoPayloads() {
        assertThat(SysTopics.number("123 seconds")).isEqualTo(123);
        assertThat(SysTopics.number(" 1.5E-3")).isEqualTo(0.0015);
        assertThat(SysTopics.number("mosquitto version 2.0.18")).isNaN();
        assertThat(SysTopics.number("")).isNaN();
    }
}
