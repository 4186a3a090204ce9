#pragma once
// A run on paper, for an advisor who will not open the program: one self-contained document
// (HTML with its pictures embedded, or PDF) with the attack (trigger enlarged, poison spec),
// the training (recipe, curves, confusion matrices), clean accuracy and ASR (stamped and
// mirrored), each detector (metrics, score histogram, cluster plot, ROC and precision-recall,
// the most suspicious samples as thumbnails) and the unlearning results with the sweep plot.
// The plots are the workbench's own views, drawn offscreen through QCustomPlot's export, so
// the report shows what the window shows; the PDF is Qt's (QTextDocument on a QPdfWriter), one
// section per page. Built on the GUI thread (it draws widgets); the CLI's `report` does the
// same with an offscreen QApplication.

#include <QCoreApplication>
#include <QImage>
#include <QList>
#include <QMap>
#include <QString>

class QIODevice;

namespace poisonlab::gui {

class Session;

class RunReport {
  Q_DECLARE_TR_FUNCTIONS(poisonlab::gui::RunReport)

 public:
  enum class Format { Html, Pdf };
  struct Section {
    QString id;     ///< "summary", "attack", "training", "detector-<name>", "unlearning", ...
    QString title;  ///< its heading
  };

  /// Draws the report of what `session` holds: its data and run folder, the training record,
  /// every detector result and every model version (the session itself is left untouched: the
  /// views are drawn on a copy, so the window's selection and filters stay out of it).
  explicit RunReport(const Session& session);

  /// The sections in order; in the PDF each starts a page.
  const QList<Section>& sections() const { return sections_; }
  /// The document as self-contained XHTML (every picture a data: URI).
  QString html() const;
  /// The pictures by name (PNG in the HTML).
  const QMap<QString, QImage>& images() const { return images_; }
  /// Writes the document to `path` atomically (a temporary file, then a rename); throws Error
  /// naming the file. Returns the number of pages (1 for HTML).
  int write(const QString& path, Format format) const;

  /// "html" or "pdf" (case-insensitive); throws Error naming `field` otherwise.
  static Format parseFormat(const QString& text, const QString& field = QStringLiteral("format"));
  /// The format a file name's extension says (.pdf: PDF, anything else: HTML).
  static Format formatOfPath(const QString& path);
  /// RUN/report.html or RUN/report.pdf.
  static QString defaultPath(const QString& runDir, Format format);

 private:
  QString body(const QString& imagePrefix) const;
  /// Lays the document out on A4 pages with a footer (title, page N of M); returns the pages.
  int printPdf(QIODevice& out) const;

  QString title_;
  QString html_;  ///< the body, pictures as "img:NAME"
  QList<Section> sections_;
  QMap<QString, QImage> images_;
};

}  // namespace poisonlab::gui
