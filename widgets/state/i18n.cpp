#include "state/i18n.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QSettings>
#include <QTranslator>

namespace poisonlab::gui {

QStringList availableLanguages() {
  return {QStringLiteral("en"), QStringLiteral("de"), QStringLiteral("zh_CN")};
}

QString languageName(const QString& code) {
  if (code == QLatin1String("en")) return QStringLiteral("English");
  const QLocale l(code);
  QString name = l.nativeLanguageName();
  if (code == QLatin1String("zh_CN")) name = QStringLiteral("简体中文");
  return name.isEmpty() ? code : name.left(1).toUpper() + name.mid(1);
}

QLocale chosenLocale(const QString& override) {
  QString code = override;
  if (code.isEmpty()) code = QSettings().value(QLatin1String(kLanguageSetting)).toString();
  if (code.isEmpty()) return QLocale::system();
  // English keeps the system's number format only where the system speaks English.
  if (code == QLatin1String("en")) return QLocale(QLocale::English, QLocale::UnitedStates);
  return QLocale(code);
}

QString installTranslations(QCoreApplication& app, const QLocale& locale) {
  QLocale::setDefault(locale);
  auto* own = new QTranslator(&app);
  QString code = QStringLiteral("en");
  if (own->load(locale, QStringLiteral("poisonlab"), QStringLiteral("_"),
                QStringLiteral(":/i18n"))) {
    QCoreApplication::installTranslator(own);
    code = own->language();
  } else {
    delete own;
  }
  // Qt's own strings (the buttons of message boxes and file dialogs), where Debian's
  // qt6-translations-l10n is installed.
  auto* qt = new QTranslator(&app);
  if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
               QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
    QCoreApplication::installTranslator(qt);
  else
    delete qt;
  app.setProperty("poisonlab.language", code);
  return code;
}

}  // namespace poisonlab::gui
