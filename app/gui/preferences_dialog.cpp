#include "preferences_dialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QSettings>
#include <QVBoxLayout>

#include "state/i18n.h"

namespace poisonlab::gui {

PreferencesDialog::PreferencesDialog(const QString& current, QWidget* parent)
    : QDialog(parent), current_(current) {
  setWindowTitle(tr("Preferences"));
  setObjectName(QStringLiteral("preferencesDialog"));
  language_ = new QComboBox(this);
  language_->setObjectName(QStringLiteral("languageCombo"));
  // The C/POSIX locale names no language: the window then shows its source, English.
  QString system = QLocale::system().nativeLanguageName();
  if (system.isEmpty() || QLocale::system().language() == QLocale::C) system = languageName("en");
  language_->addItem(tr("As the system (%1)").arg(system), QString());
  for (const QString& code : availableLanguages()) language_->addItem(languageName(code), code);
  const QString stored = QSettings().value(QLatin1String(kLanguageSetting)).toString();
  language_->setCurrentIndex(std::max(0, language_->findData(stored)));
  note_ = new QLabel(this);
  note_->setTextFormat(Qt::PlainText);  // plain: it may show the user's names and paths
  note_->setWordWrap(true);
  auto* form = new QFormLayout;
  form->addRow(tr("Language"), language_);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
  connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  connect(language_, &QComboBox::currentIndexChanged, this, [this] { updateNote(); });
  auto* layout = new QVBoxLayout(this);
  layout->addLayout(form);
  layout->addWidget(note_);
  layout->addWidget(buttons);
  updateNote();
}

QString PreferencesDialog::chosenLanguage() const { return language_->currentData().toString(); }

void PreferencesDialog::save() const {
  QSettings().setValue(QLatin1String(kLanguageSetting), chosenLanguage());
}

void PreferencesDialog::updateNote() {
  QString code = chosenLanguage();
  if (code.isEmpty()) {
    // What the system's locale would give: a catalogue's language, or English.
    code = QStringLiteral("en");
    for (const QString& c : availableLanguages())
      if (QLocale::system().name().startsWith(c.left(2))) code = c;
  }
  note_->setText(code == current_ ? QString()
                                  : tr("The language changes the next time PoisonLab starts."));
}

}  // namespace poisonlab::gui
