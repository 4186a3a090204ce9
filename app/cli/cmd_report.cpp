// report: a run as one HTML or PDF document, drawn by the workbench's own views offscreen
// (built only with the GUI; see CMakeLists.txt).
// commands.h first: it declares emit(), which Qt's keyword macro would swallow.
#include "commands.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>

#include <memory>
#include <sstream>

#include "core/util/error.h"
#include "state/i18n.h"
#include "state/run_contents.h"
#include "report/run_report.h"
#include "state/session.h"

#undef emit  // Qt's signal keyword; here the CLI's emit() prints the result

namespace poisonlab::cli {

int cmdReport(int argc, char** argv) {
  Args a(commandDoc("report"));
  a.parse(argc, argv, 2);
  const std::string run = a.required("run");
  using gui::RunReport;
  const QString out0 = QString::fromStdString(a.value("out"));
  const RunReport::Format format =
      a.has("format")  ? RunReport::parseFormat(QString::fromStdString(a.value("format")),
                                                QStringLiteral("--format"))
      : out0.isEmpty() ? RunReport::Format::Html
                       : RunReport::formatOfPath(out0);
  const QString out =
      out0.isEmpty() ? RunReport::defaultPath(QString::fromStdString(run), format) : out0;

  // English unless asked: a script's report should not change with the machine's locale.
  const QString language = QString::fromStdString(a.value("language", "en"));
  if (!gui::availableLanguages().contains(language))
    throw Error("--language: '" + language.toStdString() + "' is not one of " +
                gui::availableLanguages().join(", ").toStdString());

  auto data = std::make_shared<const PoisonedDataset>(openRunWithProgress(a, run));
  const gui::RunContents contents = gui::readRunContents(run, *data);

  // The views are drawn offscreen: no display is needed (or used) unless one is asked for.
  if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
  static int qtArgc = 1;
  static char* qtArgv[] = {argv[0], nullptr};
  QApplication app(qtArgc, qtArgv);
  gui::installTranslations(app, QLocale(language));

  gui::Session session;
  gui::showRun(&session, data->clean, data, QDir(QString::fromStdString(run)).absolutePath(),
               contents);
  if (!QDir().mkpath(QFileInfo(out).absolutePath()))
    throw Error(out.toStdString() + ": cannot create its folder");
  QElapsedTimer clock;
  clock.start();
  const RunReport report(session);
  const double drawing = clock.nsecsElapsed() / 1e9;
  clock.restart();
  const int pages = report.write(out, format);
  const double writing = clock.nsecsElapsed() / 1e9;

  nlohmann::json j{{"report", QFileInfo(out).absoluteFilePath().toStdString()},
                   {"format", format == RunReport::Format::Pdf ? "pdf" : "html"},
                   {"pages", pages},
                   {"images", report.images().size()},
                   {"seconds_drawing", drawing},
                   {"seconds_writing", writing}};
  std::ostringstream h;
  h << "wrote " << out.toStdString();
  if (format == RunReport::Format::Pdf) h << " (" << pages << " pages)";
  h << ": ";
  auto& sections = j["sections"] = nlohmann::json::array();
  for (int i = 0; i < report.sections().size(); ++i) {
    const auto& s = report.sections()[i];
    sections.push_back(s.id.toStdString());
    h << (i ? ", " : "") << s.title.toStdString();
  }
  h << "\n";
  auto& problems = j["problems"] = nlohmann::json::array();
  for (const QString& p : contents.problems) {
    problems.push_back(p.toStdString());
    h << "not in the report: " << p.toStdString() << "\n";
  }
  emit(a, j, h.str());
  return 0;
}

}  // namespace poisonlab::cli
