#include "report/run_report.h"

#include <QBuffer>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QPainter>
#include <QSaveFile>
#include <QSet>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <optional>

#include "core/run/run_folder.h"
#include "core/run/train_report.h"
#include "core/util/error.h"
#include "core/version.h"
#include "plot/cluster_plot.h"
#include "plot/detector_curves.h"
#include "plot/pixel_view.h"
#include "plot/plot_export.h"
#include "plot/score_histogram.h"
#include "plot/training_plots.h"
#include "plot/unlearning_plots.h"
#include "qcustomplot.h"
#include "report/report_builder.h"
#include "report/report_parts.h"
#include "state/sample_image.h"
#include "state/session.h"
#include "state/ui_describe.h"
#include "state/ui_format.h"

namespace poisonlab::gui {

using namespace report;

RunReport::RunReport(const Session& session) {
  title_ = reportTitle(session);
  html_ = report::Builder(session, images_, sections_).build();
}

QString RunReport::body(const QString& imagePrefix) const {
  QString b = html_;
  return b.replace(QStringLiteral("src=\"img:"), QStringLiteral("src=\"") + imagePrefix);
}

QString RunReport::html() const {
  QString doc = QStringLiteral(
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html>\n"
                    "<html xmlns=\"http://www.w3.org/1999/xhtml\">\n<head>\n"
                    "<meta charset=\"utf-8\"/>\n"
                    // Defence in depth: the file loads nothing and runs nothing, whatever a
                    // browser makes of it (its pictures are data: URIs, its style inline).
                    "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                    "img-src data:; style-src 'unsafe-inline'\"/>\n"
                    "<title>%1</title>\n<style>\n%2</style>\n"
                    "</head>\n<body>\n")
                    .arg(title_.toHtmlEscaped(), styleSheet());
  QString b = body(QStringLiteral("img:"));
  // Every picture inline, so the one file is the whole report.
  for (auto it = images_.begin(); it != images_.end(); ++it) {
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    it.value().save(&buffer, "PNG");
    b.replace(QStringLiteral("src=\"img:%1\"").arg(it.key()),
              QStringLiteral("src=\"data:image/png;base64,%1\"")
                  .arg(QString::fromLatin1(png.toBase64())));
  }
  return doc + b + QStringLiteral("</body>\n</html>\n");
}

int RunReport::printPdf(QIODevice& out) const {
  return printA4(out, title_, body(QStringLiteral("img:")), images_);
}

int RunReport::write(const QString& path, Format format) const {
  QSaveFile file(path);
  if (!file.open(QIODevice::WriteOnly))
    throw Error(path.toStdString() + ": cannot write: " + file.errorString().toStdString());
  int pages = 1;
  if (format == Format::Html)
    file.write(html().toUtf8());
  else
    pages = printPdf(file);
  if (!file.commit())
    throw Error(path.toStdString() + ": cannot write: " + file.errorString().toStdString());
  return pages;
}

RunReport::Format RunReport::parseFormat(const QString& text, const QString& field) {
  const QString t = text.trimmed().toLower();
  if (t == QLatin1String("html")) return Format::Html;
  if (t == QLatin1String("pdf")) return Format::Pdf;
  throw Error(field.toStdString() + ": '" + text.toStdString() + "' is not html or pdf");
}

RunReport::Format RunReport::formatOfPath(const QString& path) {
  return path.endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive) ? Format::Pdf : Format::Html;
}

QString RunReport::defaultPath(const QString& runDir, Format format) {
  return QDir(runDir).filePath(format == Format::Pdf ? QStringLiteral("report.pdf")
                                                     : QStringLiteral("report.html"));
}

}  // namespace poisonlab::gui
