#pragma once
/// @file preferences_dialog.h
/// Edit > Preferences: the workbench's language (the system's, or one of the catalogues').

#include <QDialog>

class QComboBox;
class QLabel;

namespace poisonlab::gui {

class PreferencesDialog : public QDialog {
  Q_OBJECT
 public:
  /// `current`: the language code in use now ("en", "de", "zh_CN").
  explicit PreferencesDialog(const QString& current, QWidget* parent = nullptr);
  /// The choice: "" = follow the system, else a language code.
  QString chosenLanguage() const;
  /// Stores the choice in QSettings (kLanguageSetting).
  void save() const;

 private:
  void updateNote();
  QComboBox* language_ = nullptr;
  QLabel* note_ = nullptr;
  QString current_;
};

}  // namespace poisonlab::gui
