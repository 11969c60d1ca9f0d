// The desktop program's answer to a PostgreSQL server that wants a password: a dialog that hides
// what is typed (Prompter::askPassword, given to Database::Options::password by RegionOpener).
#include "frame/prompter.h"
#include "modal_answer.h"

#include <QInputDialog>
#include <QLineEdit>
#include <QTest>
#include <catch2/catch.hpp>

using namespace balcony;

TEST_CASE("The password dialog hides what is typed and gives it back once, and cancelling gives nothing",
          "[password]") {
    gui::DialogPrompter prompter;
    const QString server = QStringLiteral("postgresql://pm@db.example.org/southeast");
    {
        QString label;
        QLineEdit::EchoMode echo = QLineEdit::Normal;
        test::ModalAnswer answer([&](QDialog& dialog) {
            auto* input = qobject_cast<QInputDialog*>(&dialog);
            REQUIRE(input != nullptr);
            label = input->labelText();
            echo = input->textEchoMode();
            auto* field = input->findChild<QLineEdit*>();
            REQUIRE(field != nullptr);
            QTest::keyClicks(field, QStringLiteral("s3cret"));
            input->accept();
        });
        const auto typed = prompter.askPassword(server);
        REQUIRE(answer.answered());
        CHECK(echo == QLineEdit::Password);
        CHECK(label.contains(server));
        CHECK(label.contains(QStringLiteral("~/.pgpass")));
        REQUIRE(typed.has_value());
        CHECK(*typed == QStringLiteral("s3cret"));
    }
    {
        test::ModalAnswer answer([](QDialog& dialog) { dialog.reject(); });
        CHECK_FALSE(prompter.askPassword(server).has_value());
        CHECK(answer.answered());
    }
}
