package dev.skeeter.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.skeeter.ui.subscribe.MessageRow;
import dev.skeeter.ui.testsupport.PaneFixture;
import dev.skeeter.ui.testsupport.PanesHarness;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TreeView;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Both panes headless (Monocle) over a real connection to the embedded broker, driven like a user would. */
class PanesFxTest {
    static {
        // TestFX sleeps 25 ms per typed character and moves the mouse in up to 200 steps: slow for no benefit here.
        // Only effective when this class is the first to load TestFX's robots in the JVM; harmless otherwise.
        System.setProperty("testfx.robot.write_sleep", "2");
        System.setProperty("testfx.robot.move_max_count", "10");
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    @TempDir
    Path dir;
    private PaneFixture fixture;
    private PanesHarness harness;
    private final FxRobot robot = new FxRobot();

    @BeforeEach
    void setUp() throws Exception {
        FxToolkit.registerPrimaryStage();
        fixture = PaneFixture.start();
        harness = PanesHarness.start(fixture, dir.resolve("state.json"));
        FxToolkit.setupStage(stage -> {
            stage.setScene(harness.scene(1280, 800));
            // the primary stage is shared: a test that resized it must not shrink the next one
            stage.setWidth(1280);
            stage.setHeight(800);
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void tearDown() throws Exception {
        FxToolkit.cleanupStages();
        harness.close();
        fixture.close();
    }

    private static <T> T fx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(5, TimeUnit.SECONDS);
    }

    private void until(Callable<Boolean> condition) {
        await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(20)).until(() -> fx(condition));
    }

    @SuppressWarnings("unchecked")
    private TableView<MessageRow> messages() {
        return (TableView<MessageRow>) robot.lookup("#messages").query();
    }

    private void subscribe(String filter) throws Exception {
        subscribe(filter, 0);
    }

    private void subscribe(String filter, int qos) throws Exception {
        robot.clickOn("#tab-subscribe");
        fx(() -> {
            harness.subscribeVm.filterQosProperty().set(qos);
            return null;
        });
        robot.clickOn("#subscribe-filter").write(filter);
        robot.clickOn("#subscribe-button");
        until(() -> harness.subscribeVm.subscriptions().stream()
                .anyMatch(s -> s.filter().equals(filter) && s.statusProperty().get().equals("QoS " + qos + " granted")));
    }

    /** Clicks the table cell showing {@code topic}, once the table has rendered it. */
    private void clickRow(String topic) {
        until(() -> robot.lookup(topic).tryQuery().isPresent());
        robot.clickOn(topic);
    }

    private void publishInternally(String topic, byte[] payload) {
        fixture.broker().publish(topic, payload, 1, false);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aMessagePublishedFromThePublishPaneShowsInSubscribeWithItsColourAndFlags() throws Exception {
        robot.clickOn("#tab-publish");
        robot.clickOn("#publish-topic").write("lab/one").type(KeyCode.ESCAPE);
        robot.clickOn("#publish-qos-1").clickOn("#publish-retain");
        robot.clickOn("#publish-payload").write("hello");
        robot.clickOn("#publish-button");
        until(() -> !harness.publishVm.published().isEmpty()
                && harness.publishVm.published().get(0).resultProperty().get().equals("ok"));

        subscribe("lab/#", 1);
        until(() -> harness.subscribeVm.table().rows().size() == 1); // the retained copy

        robot.clickOn("#tab-publish").clickOn("#publish-retain");
        robot.clickOn("#publish-payload").press(KeyCode.CONTROL).press(KeyCode.ENTER)
                .release(KeyCode.ENTER).release(KeyCode.CONTROL);
        robot.clickOn("#tab-subscribe");
        until(() -> harness.subscribeVm.table().rows().size() == 2);

        List<MessageRow> rows = fx(() -> List.copyOf(harness.subscribeVm.table().rows()));
        assertThat(rows).extracting(r -> r.message().retained()).containsExactly(true, false);
        assertThat(rows).extracting(r -> r.message().qos()).containsExactly(1, 1);
        String colour = fx(() -> harness.subscribeVm.subscriptions().get(0).colourProperty().get());
        List<Color> swatches = fx(() -> robot.lookup("#messages .row-colour").queryAll().stream()
                .filter(Node::isVisible)
                .map(n -> (Color) ((Region) n).getBackground().getFills().get(0).getFill()).toList());
        assertThat(swatches).hasSize(2).allMatch(c -> c.equals(Color.web(colour)));
        assertThat(robot.lookup("#subscription-count").queryAs(Label.class).getText()).isEqualTo("2");

        robot.clickOn(robot.lookup("#messages .table-row-cell")
                .match(n -> n.isVisible() && ((javafx.scene.control.TableRow<?>) n).getIndex() == 0).queryAs(Node.class));
        until(() -> robot.lookup("#detail-flags").queryAs(Label.class).getText().equals("QoS 1 · retained"));
        assertThat(robot.lookup("#detail-topic").queryTextInputControl().getText()).isEqualTo("lab/one");
        assertThat(robot.lookup("#detail-matched").queryAs(Label.class).getText()).isEqualTo("lab/#");
    }

    @Test
    void eachViewerShowsAFittingPayload() throws Exception {
        subscribe("v/#");
        BufferedImage image = new BufferedImage(4, 3, BufferedImage.TYPE_INT_RGB);
        image.setRGB(1, 1, 0xff0000);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        byte[] binary = new byte[300];
        for (int i = 0; i < binary.length; i++) {
            binary[i] = (byte) i;
        }
        publishInternally("v/text", utf8("plain words"));
        publishInternally("v/json", utf8("{\"sensor\":\"hall\",\"values\":[1,2,3]}"));
        publishInternally("v/bin", binary);
        publishInternally("v/img", png.toByteArray());
        until(() -> harness.subscribeVm.table().rows().size() == 4);

        clickRow("v/text");
        until(() -> selectedViewer().equals("viewer-text")
                && robot.lookup("#detail-text").queryAs(TextArea.class).getText().equals("plain words"));

        clickRow("v/json");
        until(() -> selectedViewer().equals("viewer-json")
                && robot.lookup("#detail-json").queryAs(TextArea.class).getText().contains("\"values\": ["));
        @SuppressWarnings("unchecked")
        TreeView<String> tree = robot.lookup("#detail-json-tree").queryAs(TreeView.class);
        assertThat(fx(() -> tree.getRoot().getChildren().get(0).getValue())).isEqualTo("sensor: \"hall\"");
        assertThat(fx(() -> tree.getRoot().getChildren().get(1).getValue())).isEqualTo("values  [3]");

        clickRow("v/bin");
        until(() -> selectedViewer().equals("viewer-hexdump")
                && robot.lookup("#detail-hexdump").queryAs(TextArea.class).getText()
                        .startsWith("00000000  00 01 02 03"));
        robot.clickOn("#viewer-base64");
        until(() -> robot.lookup("#detail-base64").queryAs(TextArea.class).getText().startsWith("AAECAwQF"));

        clickRow("v/img");
        until(() -> selectedViewer().equals("viewer-image")
                && robot.lookup("#detail-image").queryAs(ImageView.class).getImage() != null);
        assertThat(fx(() -> robot.lookup("#detail-image").queryAs(ImageView.class).getImage().getWidth()))
                .isEqualTo(4.0);
        assertThat(robot.lookup("#detail-note").queryAs(Label.class).getText()).contains("PNG image");
    }

    private String selectedViewer() {
        return robot.lookup("#detail-viewers").queryAs(TabPane.class).getSelectionModel().getSelectedItem().getId();
    }

    @Test
    void searchFilterPauseAndClearWorkFromTheToolbar() throws Exception {
        subscribe("s/#");
        publishInternally("s/a", utf8("alpha"));
        publishInternally("s/b", utf8("beta"));
        until(() -> harness.subscribeVm.table().rows().size() == 2);

        robot.clickOn("#messages").press(KeyCode.CONTROL).press(KeyCode.F).release(KeyCode.F).release(KeyCode.CONTROL);
        assertThat(fx(() -> robot.lookup("#search").queryAs(Node.class).isFocused())).isTrue();
        robot.write("beta");
        until(() -> messages().getItems().size() == 1);
        assertThat(fx(() -> messages().getItems().get(0).topic())).isEqualTo("s/b");
        robot.doubleClickOn("#search").write("s/+");
        until(() -> messages().getItems().size() == 2);
        robot.clickOn("#search").type(KeyCode.ESCAPE);

        robot.clickOn("#pause");
        until(() -> robot.lookup("#paused-indicator").queryAs(Label.class).isVisible());
        publishInternally("s/c", utf8("gamma"));
        until(() -> robot.lookup("#counters").queryAs(Label.class).getText().contains("1 while paused"));
        assertThat(fx(() -> messages().getItems().size())).isEqualTo(2);
        robot.clickOn("#pause");
        publishInternally("s/d", utf8("delta"));
        until(() -> messages().getItems().size() == 3);

        robot.clickOn("#clear");
        until(() -> messages().getItems().isEmpty());
        assertThat(robot.lookup("#counters").queryAs(Label.class).getText()).startsWith("4 received · 0 shown");
    }

    @Test
    void exportWritesWhatTheTableHolds() throws Exception {
        subscribe("e/#");
        for (int i = 0; i < 5; i++) {
            publishInternally("e/" + i, utf8("payload " + i));
        }
        until(() -> harness.subscribeVm.table().rows().size() == 5);
        harness.saveAnswer = dir.resolve("all.jsonl");
        robot.clickOn("#export").clickOn("Shown messages as JSON lines");
        await().atMost(TIMEOUT).until(() -> Files.exists(harness.saveAnswer)
                && Files.readAllLines(harness.saveAnswer).size() == 5);
        assertThat(Files.readAllLines(harness.saveAnswer).get(4)).contains("\"topic\":\"e/4\"", "payload 4");

        clickRow("e/1");
        robot.press(KeyCode.SHIFT).clickOn("e/2").release(KeyCode.SHIFT);
        harness.saveAnswer = dir.resolve("two.csv");
        robot.clickOn("#export").clickOn("Selected messages as CSV");
        await().atMost(TIMEOUT).until(() -> Files.exists(harness.saveAnswer)
                && Files.readAllLines(harness.saveAnswer).size() == 3);
        assertThat(Files.readString(harness.saveAnswer)).contains(",e/1,", ",e/2,").doesNotContain(",e/3,");
    }

    @Test
    void theEmptyTableHasItsRowsBuiltBeforeTheFirstMessageButShowsNone() throws Exception {
        // The warm-up (TableWarmUp) builds and paints a screenful of rows with stand-ins, so a flood's first
        // batch does not pay for it; the stand-ins never stay in the table.
        until(() -> robot.lookup("#messages .table-row-cell").queryAll().size() >= 10);
        @SuppressWarnings("unchecked")
        TableView<MessageRow> table = robot.lookup("#messages").queryAs(TableView.class);
        assertThat(fx(() -> table.getItems().size())).isZero();
        assertThat(fx(() -> table.getItems() == harness.subscribeVm.table().visibleRows())).isTrue();
        assertThat(fx(() -> robot.lookup("#messages .table-row-cell").queryAll().stream()
                .filter(Node::isVisible).map(n -> ((javafx.scene.control.TableRow<?>) n).getItem())
                .filter(java.util.Objects::nonNull).count())).isZero();
    }

    @Test
    void theSubscribeToolbarWrapsInsteadOfBeingCutOffInANarrowWindow() throws Exception {
        // 1024 wide minus the shell's profile list: what the pane gets at 1024x640
        robot.clickOn("#tab-subscribe");
        fx(() -> {
            var window = harness.tabs.getScene().getWindow();
            window.setWidth(860);
            window.setHeight(500);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        double sceneWidth = fx(() -> harness.tabs.getScene().getWidth());
        assertThat(sceneWidth).isLessThan(900);
        for (String id : List.of("#search", "#search-scope", "#pause", "#follow", "#clear", "#export", "#max-rows")) {
            Node node = robot.lookup(id).query();
            double right = fx(() -> node.localToScene(node.getLayoutBounds()).getMaxX());
            assertThat(right).as(id + " right edge").isLessThanOrEqualTo(sceneWidth);
            assertThat(fx(node::isVisible)).isTrue();
        }
        double searchY = fx(() -> robot.lookup("#search").query().localToScene(0, 0).getY());
        double pauseY = fx(() -> robot.lookup("#pause").query().localToScene(0, 0).getY());
        assertThat(pauseY).as("the actions wrapped under the search").isGreaterThan(searchY);
    }

    @Test
    void aSavedMessageIsPublishedWithOneClickAndCanBeEdited() throws Exception {
        robot.clickOn("#tab-publish");
        robot.clickOn("#publish-topic").write("saved/t").type(KeyCode.ESCAPE);
        robot.clickOn("#publish-payload").write("stored payload");
        robot.clickOn("#save-name").write("my message");
        robot.clickOn("#save-message");
        @SuppressWarnings("unchecked")
        ListView<Object> saved = robot.lookup("#saved-messages").queryAs(ListView.class);
        until(() -> saved.getItems().size() == 1);

        robot.clickOn("#saved-publish");
        until(() -> harness.publishVm.published().size() == 1
                && harness.publishVm.published().get(0).resultProperty().get().equals("ok"));
        assertThat(fx(() -> harness.publishVm.published().get(0).topic())).isEqualTo("saved/t");

        robot.clickOn("#publish-payload").press(KeyCode.CONTROL).press(KeyCode.A).release(KeyCode.A)
                .release(KeyCode.CONTROL).write("changed");
        robot.clickOn("#saved-edit");
        until(() -> harness.publishVm.payloadProperty().get().equals("stored payload"));
    }

    @Test
    void invalidFiltersAndWildcardTopicsAreRefusedInTheForms() throws Exception {
        robot.clickOn("#subscribe-filter").write("a/#/b");
        robot.clickOn("#subscribe-button");
        until(() -> robot.lookup("#subscribe-error").queryAs(Label.class).isVisible());
        assertThat(robot.lookup("#subscribe-error").queryAs(Label.class).getText()).contains("#");
        assertThat(harness.subscribeVm.subscriptions()).isEmpty();

        robot.clickOn("#tab-publish");
        robot.clickOn("#publish-topic").write("a/+").type(KeyCode.ESCAPE);
        until(() -> robot.lookup("#publish-topic-error").queryAs(Label.class).isVisible());
        assertThat(robot.lookup("#publish-button").queryAs(Node.class).isDisabled()).isTrue();
        robot.clickOn("#publish-payload").press(KeyCode.CONTROL).press(KeyCode.ENTER)
                .release(KeyCode.ENTER).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(harness.publishVm.published()).isEmpty();
    }

    @Test
    void aTenMegabytePayloadOpensWithoutFreezingAndSaysItIsCut() throws Exception {
        subscribe("big/#");
        byte[] big = new byte[10 * 1024 * 1024];
        java.util.Arrays.fill(big, (byte) 'x');
        publishInternally("big/text", big);
        until(() -> harness.subscribeVm.table().rows().size() == 1);

        AtomicLong worstLateness = new AtomicLong();
        var probes = java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
        probes.scheduleAtFixedRate(() -> {
            long posted = System.nanoTime();
            javafx.application.Platform.runLater(() ->
                    worstLateness.accumulateAndGet(System.nanoTime() - posted, Math::max));
        }, 0, 10, TimeUnit.MILLISECONDS);
        try {
            clickRow("big/text");
            until(() -> robot.lookup("#detail-note").queryAs(Label.class).getText().contains("of 10.0 MB"));
            robot.clickOn("#viewer-hexdump");
            until(() -> robot.lookup("#detail-note").queryAs(Label.class).getText().contains("of 10.0 MB")
                    && !robot.lookup("#detail-hexdump").queryAs(TextArea.class).getText().isEmpty());
        } finally {
            probes.shutdownNow();
        }
        assertThat(fx(() -> robot.lookup("#detail-text").queryAs(TextArea.class).getLength()))
                .isLessThanOrEqualTo(128 * 1024);
        assertThat(robot.lookup("#detail-note").queryAs(Label.class).getStyleClass()).contains("truncated");
        // Generous bound for a loaded CI machine; putting 10 MB into a TextArea would stall for many seconds.
        assertThat(worstLateness.get()).isLessThan(TimeUnit.SECONDS.toNanos(2));
    }

    @Test
    void theTableFollowsTheNewestUntilTheUserSelectsARow() throws Exception {
        subscribe("f/#");
        for (int i = 0; i < 60; i++) {
            publishInternally("f/" + i, utf8("m" + i));
        }
        until(() -> harness.subscribeVm.table().rows().size() == 60);
        until(() -> robot.lookup("#messages .table-row-cell").queryAll().stream()
                .anyMatch(n -> n.isVisible() && ((javafx.scene.control.TableRow<?>) n).getItem() != null
                        && ((MessageRow) ((javafx.scene.control.TableRow<?>) n).getItem()).topic().equals("f/59")));
        assertThat(robot.lookup("#follow").queryAs(javafx.scene.control.ToggleButton.class).isSelected()).isTrue();

        // not the newest row: it sits at the viewport's bottom edge, where a click can land on the scroll bar
        clickRow("f/55");
        until(() -> !harness.subscribeVm.followNewestProperty().get());
        publishInternally("f/60", utf8("m60"));
        until(() -> harness.subscribeVm.table().rows().size() == 61);
        assertThat(fx(() -> messages().getSelectionModel().getSelectedItem().topic())).isEqualTo("f/55");

        robot.clickOn("#follow");
        until(() -> harness.subscribeVm.followNewestProperty().get() && messages().getSelectionModel().isEmpty());
    }

    @Test
    void aTopicPickedFromTheHistoryStaysInTheFormAfterPublishing() throws Exception {
        robot.clickOn("#tab-publish");
        robot.clickOn("#publish-topic").write("hist/one").type(KeyCode.ESCAPE);
        robot.clickOn("#publish-button");
        until(() -> harness.publishVm.published().size() == 1);
        fx(() -> {
            harness.publishVm.topicProperty().set("");
            return null;
        });
        robot.clickOn("#topic-history");
        robot.clickOn(robot.lookup(".context-menu").lookup((Node n) -> n instanceof Label label
                && "hist/one".equals(label.getText())).queryAs(Node.class));
        until(() -> harness.publishVm.topicProperty().get().equals("hist/one"));
        robot.clickOn("#publish-button");
        until(() -> harness.publishVm.published().size() == 2);
        assertThat(fx(() -> harness.publishVm.topicProperty().get())).isEqualTo("hist/one");
        assertThat(robot.lookup("#publish-topic").queryTextInputControl().getText()).isEqualTo("hist/one");
    }
}
