package dev.skeeter.ui.localbroker;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The local broker's users: anonymous or password file, and a row to add a user. FX thread only. */
final class LocalBrokerUsersView {
    private LocalBrokerUsersView() {
    }

    static Node create(LocalBrokerUsersViewModel model) {
        CheckBox require = new CheckBox("Require a user name and password");
        require.setId("broker-require-login");
        require.selectedProperty().bindBidirectional(model.requireLoginProperty());
        TextField user = new TextField();
        user.setId("broker-new-user");
        user.setPromptText("user");
        user.setPrefColumnCount(10);
        user.textProperty().bindBidirectional(model.usernameProperty());
        PasswordField password = new PasswordField();
        password.setId("broker-new-password");
        password.setPromptText("password");
        password.setPrefColumnCount(10);
        password.textProperty().bindBidirectional(model.passwordProperty());
        Button add = new Button("Add user");
        add.setId("broker-add-user");
        add.setOnAction(e -> model.addUser());
        Label users = new Label();
        users.setId("broker-users");
        users.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> model.users().isEmpty()
                ? "No users in " + model.passwordFile() : "Users: " + String.join(", ", model.users()),
                model.users()));
        Label message = new Label();
        message.setId("broker-users-message");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        message.managedProperty().bind(message.textProperty().isNotEmpty());
        HBox row = new HBox(8, require, user, password, add);
        row.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(4, row, users, message);
        box.setPadding(new javafx.geometry.Insets(4, 10, 4, 10)); // aligned with the lists below
        return box;
    }
}
