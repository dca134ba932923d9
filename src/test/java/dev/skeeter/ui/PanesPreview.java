package dev.skeeter.ui;

import dev.skeeter.client.payload.PayloadFormat;
import dev.skeeter.ui.subscribe.MessageRow;
import dev.skeeter.ui.testsupport.PaneFixture;
import dev.skeeter.ui.testsupport.PanesHarness;
import dev.skeeter.ui.theme.Look;
import dev.skeeter.ui.theme.Theme;
import dev.skeeter.ui.theme.ThemeManager;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import javax.imageio.ImageIO;

/**
 * A development window with both panes over the embedded broker and messages flowing (about 300 a second, after
 * 1,500 at start), for looking and screenshots: {@code -Dpreview.tab=subscribe|publish}, {@code -Dpreview.theme=light|dark},
 * {@code -Dskeeter.look=primer|modena}. Not a test.
 */
public final class PanesPreview {
    private static final String[] ROOMS = {"kitchen", "hall", "office", "bedroom", "garage", "attic"};

    public static void main(String[] args) throws Exception {
        String tab = System.getProperty("preview.tab", "subscribe");
        Platform.startup(() -> { });
        PaneFixture fixture = PaneFixture.start();
        Path state = Files.createTempDirectory("skeeter-preview").resolve("state.json");
        PanesHarness harness = PanesHarness.start(fixture, state);
        Platform.runLater(() -> {
            var vm = harness.subscribeVm;
            for (String filter : new String[] {"home/+/temperature", "home/#", "cam/#", "plc/#"}) {
                vm.filterTextProperty().set(filter);
                vm.filterQosProperty().set(filter.startsWith("cam") ? 1 : 0);
                vm.addSubscription();
            }
            var pub = harness.publishVm;
            pub.topicProperty().set("home/kitchen/light");
            pub.payloadProperty().set("ON");
            pub.saveCurrent("Kitchen light on");
            pub.topicProperty().set("plc/line1/command");
            pub.formatProperty().set(PayloadFormat.HEX);
            pub.payloadProperty().set("01 06 00 10 00 ff");
            pub.saveCurrent("PLC reset");
            pub.publish();
            pub.payloadProperty().set("");
            pub.topicProperty().set("home/hall/thermostat/set");
            pub.formatProperty().set(PayloadFormat.JSON);
            pub.payloadProperty().set("{\"target\": 21.5, \"mode\": \"heat\", \"schedule\": [6, 22]}");
            pub.publish();
            pub.saveCurrent("Thermostat day");
            pub.qosProperty().set(1);

            Stage stage = new Stage();
            stage.setTitle("Skeeter panes preview");
            javafx.scene.Scene scene = harness.scene(1280, 800);
            Theme theme = "dark".equals(System.getProperty("preview.theme")) ? Theme.DARK : Theme.LIGHT;
            new ThemeManager(Look.fromSystemProperty(), theme).register(scene);
            stage.setScene(scene);
            harness.tabs.getSelectionModel().select("publish".equals(tab) ? 1 : 0);
            stage.show();
        });
        byte[] image = snapshotPng();
        Random random = new Random(7);
        AtomicLong n = new AtomicLong();
        ScheduledExecutorService feed = Executors.newSingleThreadScheduledExecutor();
        Runnable one = () -> publishOne(fixture, random, n.getAndIncrement(), image);
        feed.execute(() -> {
            for (int i = 0; i < 1_500; i++) {
                one.run();
            }
        });
        feed.scheduleAtFixedRate(() -> {
            for (int i = 0; i < 3; i++) {
                one.run();
            }
        }, 1_000, 10, TimeUnit.MILLISECONDS);
        feed.schedule(() -> Platform.runLater(() -> selectJsonRow(harness)), 2_500, TimeUnit.MILLISECONDS);
    }

    private static void selectJsonRow(PanesHarness harness) {
        @SuppressWarnings("unchecked")
        TableView<MessageRow> table = (TableView<MessageRow>) harness.tabs.getScene().lookup("#messages");
        var items = table.getItems();
        for (int i = items.size() - 12; i >= 0; i--) {
            if (items.get(i).topic().endsWith("temperature")) {
                table.getSelectionModel().select(i);
                table.scrollTo(Math.max(0, i - 8));
                return;
            }
        }
    }

    private static void publishOne(PaneFixture fixture, Random random, long i, byte[] image) {
        String room = ROOMS[random.nextInt(ROOMS.length)];
        int kind = (int) (i % 10);
        if (kind < 5) {
            String json = String.format(Locale.ROOT,
                    "{\"value\":%.1f,\"unit\":\"C\",\"battery\":%d,\"seq\":%d,\"sensor\":{\"id\":\"th-%s\",\"fw\":\"1.4.2\"}}",
                    18 + random.nextDouble() * 6, 60 + random.nextInt(40), i, room);
            fixture.broker().publish("home/" + room + "/temperature", json.getBytes(StandardCharsets.UTF_8), 0,
                    false);
        } else if (kind < 8) {
            fixture.broker().publish("home/" + room + "/light", (random.nextBoolean() ? "ON" : "OFF")
                    .getBytes(StandardCharsets.UTF_8), 0, i % 50 == 0);
        } else if (kind == 8) {
            byte[] raw = new byte[24];
            random.nextBytes(raw);
            fixture.broker().publish("plc/line" + (1 + random.nextInt(3)) + "/raw", raw, 0, false);
        } else if (i % 100 == 9) {
            fixture.broker().publish("cam/door/snapshot", image, 1, true);
        } else {
            fixture.broker().publish("home/" + room + "/motion", ("{\"motion\":" + random.nextBoolean() + "}")
                    .getBytes(StandardCharsets.UTF_8), 0, false);
        }
    }

    private static byte[] snapshotPng() throws Exception {
        BufferedImage img = new BufferedImage(160, 90, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(0x2f6fdf));
        g.fillRect(0, 0, 160, 90);
        g.setColor(Color.WHITE);
        g.fillOval(55, 20, 50, 50);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    private PanesPreview() {
    }
}
