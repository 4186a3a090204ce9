// poisonlab: the workbench. A thin main: parse options, show the window.
#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QTimer>

#include <cstdio>

#include "core/version.h"
#include "state/i18n.h"
#include "main_window.h"

int main(int argc, char** argv) {
  QApplication app(argc, argv);
  QApplication::setOrganizationName(QStringLiteral("PoisonLab"));
  QApplication::setApplicationName(QStringLiteral("PoisonLab"));
  QApplication::setApplicationVersion(QString::fromLatin1(poisonlab::kPoisonLabVersion));
  QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/poisonlab.svg")));
  // The language before any text is made: --language CODE, else the preferences, else the
  // system's locale.
  QString language;
  for (int i = 1; i + 1 < argc; ++i)
    if (QString::fromLocal8Bit(argv[i]) == QLatin1String("--language"))
      language = QString::fromLocal8Bit(argv[i + 1]);
  poisonlab::gui::installTranslations(app, poisonlab::gui::chosenLocale(language));

  QCommandLineParser parser;
  parser.setApplicationDescription(QApplication::translate("main", "Backdoor poisoning workbench"));
  parser.addHelpOption();
  parser.addVersionOption();
  QCommandLineOption data(QStringLiteral("data"),
                          QApplication::translate("main", "CIFAR-10 folder or archive."),
                          QStringLiteral("path"));
  QCommandLineOption run(QStringLiteral("run"),
                         QApplication::translate("main", "Run folder to open."),
                         QStringLiteral("dir"));
  QCommandLineOption view(
      QStringLiteral("view"),
      QApplication::translate("main",
                              "View to show first: samples, spectral, clusters, "
                              "influence, label-errors, detectors, unlearning, runs or flip."),
      QStringLiteral("name"));
  QCommandLineOption grid(
      QStringLiteral("grid"),
      QApplication::translate("main",
                              "A what-if grid's results (grid-results.json or its folder) to "
                              "add to the run comparison."),
      QStringLiteral("path"));
  QCommandLineOption languageOption(
      QStringLiteral("language"),
      QApplication::translate("main",
                              "Language of the window: en, de or zh_CN (default: the "
                              "preferences, else the system's)."),
      QStringLiteral("code"));
  parser.addOption(languageOption);
  parser.addOption(grid);
  parser.addOption(data);
  parser.addOption(run);
  parser.addOption(view);
  parser.process(app);
  if (parser.isSet(languageOption) &&
      !poisonlab::gui::availableLanguages().contains(parser.value(languageOption))) {
    fprintf(stderr, "poisonlab: --language: unknown language '%s' (en, de or zh_CN)\n",
            qPrintable(parser.value(languageOption)));
    return 2;
  }

  poisonlab::gui::MainWindow window;
  if (parser.isSet(view) && !window.showView(parser.value(view))) {
    fprintf(stderr, "poisonlab: --view: unknown view '%s'\n", qPrintable(parser.value(view)));
    return 2;
  }
  window.show();
  QTimer::singleShot(0, &window, [&] {
    if (parser.isSet(run))
      window.openRun(parser.value(run));
    else
      window.startWithData(parser.value(data));
    if (parser.isSet(grid)) window.openGridTable(parser.value(grid));
  });
  return app.exec();
}
