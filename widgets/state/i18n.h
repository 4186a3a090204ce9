#pragma once
/// @file i18n.h
/// The workbench's languages: English (the source), German and Simplified Chinese, from the Qt
/// Linguist catalogues in translations/ (compiled into the program). The language follows the
/// system locale unless the preferences (QSettings "ui/language") or --language name one.

#include <QLocale>
#include <QString>
#include <QStringList>

class QCoreApplication;

namespace poisonlab::gui {

/// The setting that overrides the system locale ("" = follow the system).
inline constexpr const char* kLanguageSetting = "ui/language";

/// Language codes with a catalogue, and English: "en", "de", "zh_CN".
QStringList availableLanguages();
/// The language's own name ("Deutsch", "简体中文", "English").
QString languageName(const QString& code);
/// The locale the workbench uses: `override` when not empty, else the setting, else the system's.
QLocale chosenLocale(const QString& override = {});
/// Installs the workbench's catalogue and Qt's own (standard dialogs) for `locale` on `app`,
/// and makes it the default locale (numbers with %L). Returns the catalogue's language code
/// ("en" when none matched: the source strings are English), also kept as the application's
/// property "poisonlab.language".
QString installTranslations(QCoreApplication& app, const QLocale& locale);

}  // namespace poisonlab::gui
