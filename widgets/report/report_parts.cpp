#include "report/report_parts.h"

#include <QAbstractTextDocumentLayout>
#include <QFileInfo>
#include <QPageLayout>
#include <QPageSize>
#include <QPdfWriter>
#include <QTextDocument>
#include <QSet>
#include <QUrl>
#include <QXmlStreamReader>
#include <QXmlStreamWriter>
#include <QPainter>
#include <QTableWidget>

#include <algorithm>
#include <cmath>

#include "core/data/dataset.h"
#include "core/util/error.h"
#include "core/util/rng.h"
#include "core/version.h"
#include "plot/plot_export.h"
#include "qcustomplot.h"
#include "report/run_report.h"
#include "state/sample_image.h"
#include "state/session.h"
#include "state/ui_format.h"

namespace poisonlab::gui::report {

// Widths in CSS pixels (96 per inch): what an A4 page holds inside the PDF's margins.

/// A fixed pseudo-random rank of a sample index.
std::uint64_t tieOrder(std::int64_t index) { return Rng(std::uint64_t(index)).next(); }

/// A score short enough for a thumbnail's caption: "2,760", "24.9", "0.387".
QString compactScore(double v) {
  const double a = std::abs(v);
  return QStringLiteral("%L1").arg(v, 0, 'f', a >= 100 ? 0 : a >= 1 ? 1 : 3);
}

QString slug(const QString& text) {
  QString out;
  for (const QChar c : text) {
    const char16_t u = c.unicode();
    const bool keep = (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') ||
                      u == '_' || u == '-';
    if (keep)
      out += QChar(u >= 'A' && u <= 'Z' ? u - 'A' + 'a' : u);
    else if (!out.isEmpty() && !out.endsWith(QLatin1Char('-')))
      out += QLatin1Char('-');
  }
  while (out.endsWith(QLatin1Char('-'))) out.chop(1);
  return out.isEmpty() ? QStringLiteral("section") : out;
}

QString esc(const QString& s) { return s.toHtmlEscaped(); }
QString esc(const std::string& s) { return QString::fromStdString(s).toHtmlEscaped(); }
QString percent(double v) { return uiPercent(v); }

/// A widget drawn at kScale times its size (integer scaling keeps pixel pictures crisp).
QImage renderWidget(QWidget* w, QSize size) {
  w->resize(size);
  QImage image(size * kScale, QImage::Format_RGB32);
  image.fill(Qt::white);
  QPainter p(&image);
  p.scale(kScale, kScale);
  w->render(&p, QPoint(), QRegion(), QWidget::DrawChildren);
  return image;
}

/// A plot through its own export, for `width` x `height` on the page (at kScale times that);
/// `zoom` > 1 lays it out that much larger first, so its text takes a smaller share of it (the
/// window's plots are laid out for more room than half a page).
QImage renderPlot(QCustomPlot* plot, int width, int height, double zoom) {
  return plot->toPixmap(int(width * zoom), int(height * zoom), kScale / zoom).toImage();
}

/// A plot half a page wide: its legend below the axes (inside, it would cover half the data).
QImage renderHalfPlot(QCustomPlot* plot) {
  if (plot->legend && plot->legend->visible()) legendBelow(plot, 3);
  return renderPlot(plot, kHalf, kPlotHeight, kHalfZoom);
}

/// A table widget's header and cells as an HTML table (what the window shows, cell for cell).
QString tableHtml(const QTableWidget* t, const QList<int>& skipColumns, const QString& cssClass) {
  QString h =
      QStringLiteral("<table class=\"%1\" cellspacing=\"0\" cellpadding=\"3\"><tr>").arg(cssClass);
  for (int c = 0; c < t->columnCount(); ++c) {
    if (skipColumns.contains(c)) continue;
    const auto* item = t->horizontalHeaderItem(c);
    h += QStringLiteral("<th>%1</th>").arg(item ? esc(item->text()) : QString());
  }
  h += QStringLiteral("</tr>");
  for (int r = 0; r < t->rowCount(); ++r) {
    h += QStringLiteral("<tr>");
    for (int c = 0; c < t->columnCount(); ++c) {
      if (skipColumns.contains(c)) continue;
      const auto* item = t->item(r, c);
      const bool bold = item && item->font().bold();
      const QString text = item ? esc(item->text()) : QString();
      h += bold ? QStringLiteral("<td><b>%1</b></td>").arg(text)
                : QStringLiteral("<td>%1</td>").arg(text);
    }
    h += QStringLiteral("</tr>");
  }
  return h + QStringLiteral("</table>");
}

/// Rows of "label: value" as a two-column table.
QString factsHtml(const QList<QPair<QString, QString>>& rows) {
  QString h = QStringLiteral("<table class=\"facts\" cellspacing=\"0\" cellpadding=\"2\">");
  for (const auto& [k, v] : rows)
    h += QStringLiteral("<tr><td class=\"key\">%1</td><td>%2</td></tr>").arg(esc(k), v);
  return h + QStringLiteral("</table>");
}

QString duration(double seconds) {
  if (!(seconds > 0)) return RunReport::tr("n/a");
  const int s = int(std::lround(seconds));
  if (s < 60) return RunReport::tr("%1 s").arg(s);
  if (s < 3600) return RunReport::tr("%1 min %2 s").arg(s / 60).arg(s % 60);
  return RunReport::tr("%1 h %2 min").arg(s / 3600).arg((s % 3600) / 60);
}

/// A training image as a thumbnail (kThumbSide, drawn at kScale) in a frame of `frame`; with
/// `mark`, the trigger's square outlined as the inspector does.
QImage thumbnail(const std::uint8_t* chw, const QColor& frame,
                 const std::optional<TriggerSpec>& mark) {
  QImage img = toQImage(chw)
                   .scaled(kThumbSide * kScale, kThumbSide * kScale, Qt::IgnoreAspectRatio,
                           Qt::FastTransformation)
                   .convertToFormat(QImage::Format_RGB32);
  QPainter p(&img);
  p.setBrush(Qt::NoBrush);
  if (mark)
    paintTriggerOverlay(p, QRectF(img.rect()), triggerOverlay(*mark),
                        QPen(QColor(0, 230, 64), kScale), 2 * kScale);
  p.setPen(QPen(frame, 3 * kScale));
  p.drawRect(QRectF(img.rect()).adjusted(1.5 * kScale, 1.5 * kScale, -1.5 * kScale, -1.5 * kScale));
  return img;
}

/// "PoisonLab report: <run folder's name>".
QString reportTitle(const Session& s) {
  const QString run = QFileInfo(s.runDir()).fileName();
  return RunReport::tr("PoisonLab report: %1")
      .arg(run.isEmpty() ? RunReport::tr("unsaved run") : run);
}

QString styleSheet() {
  return QStringLiteral(
      "body { font-family: 'DejaVu Sans', 'Noto Sans CJK SC', sans-serif; font-size: 10pt; "
      "max-width: 680px; margin: auto; color: #202020; }\n"
      "h1 { font-size: 18pt; }\n"
      "h2 { font-size: 14pt; color: #00466e; border-bottom: 1px solid #00466e; }\n"
      "h3 { font-size: 11pt; }\n"
      "table.grid { border-collapse: collapse; margin: 4px 0; }\n"
      "table.grid th { background-color: #e8eef3; text-align: left; font-size: 9pt; "
      "border: 1px solid #b8c4ce; }\n"
      "table.grid td { border: 1px solid #d0d8de; font-size: 9pt; }\n"
      "table.compact th, table.compact td { font-size: 7.5pt; }\n"
      "table.facts td.key { color: #505050; padding-right: 12px; white-space: nowrap; }\n"
      "table.headline td { text-align: center; }\n"
      ".big { font-size: 20pt; font-weight: bold; color: #00466e; white-space: nowrap; }\n"
      ".small { font-size: 8pt; color: #505050; }\n"
      ".tiny { font-size: 6.5pt; color: #404040; }\n"
      ".warn { color: #a03000; font-weight: bold; }\n");
}

QString closedMarkup(const QString& body, const QMap<QString, QImage>& images) {
  static const QSet<QString> elements{"h1", "h2",   "h3", "p",   "table", "tr", "td",
                                      "th", "span", "br", "img", "b",     "i"};
  static const QSet<QString> voids{"br", "img"};
  static const QSet<QString> attributes{"id",    "style", "class", "cellspacing", "cellpadding",
                                        "align", "src",   "width", "height",      "alt"};
  QXmlStreamReader in(QStringLiteral("<closed-markup>") + body +
                      QStringLiteral("</closed-markup>"));
  QString out;
  QXmlStreamWriter w(&out);
  int skip = 0;  // depth inside an element that is dropped with its content
  while (!in.atEnd()) {
    in.readNext();
    if (skip > 0) {
      skip += in.isStartElement() ? 1 : in.isEndElement() ? -1 : 0;
      continue;
    }
    const QString name = in.name().toString();
    if (in.isStartElement()) {
      if (name == QLatin1String("closed-markup")) continue;
      const QXmlStreamAttributes a = in.attributes();
      const QString src = a.value(QLatin1String("src")).toString();
      const bool ownPicture = src.startsWith(QLatin1String("img:")) && images.contains(src.mid(4));
      if (!elements.contains(name) || (name == QLatin1String("img") && !ownPicture)) {
        skip = 1;
        continue;
      }
      w.writeStartElement(name);
      for (const QXmlStreamAttribute& attr : a) {
        const QString key = attr.name().toString();
        if (!attributes.contains(key) ||
            (key == QLatin1String("src") && name != QLatin1String("img")) ||
            attr.value().contains(QLatin1String("url("), Qt::CaseInsensitive))
          continue;
        w.writeAttribute(key, attr.value().toString());
      }
      // Non-void elements stay open and closed (<td></td>, not <td/>, which Qt's HTML reader
      // takes as an open cell).
      if (!voids.contains(name)) w.writeCharacters(QString());
    } else if (in.isEndElement()) {
      if (name != QLatin1String("closed-markup")) w.writeEndElement();
    } else if (in.isCharacters()) {
      w.writeCharacters(in.text().toString());
    }
  }
  if (in.hasError())
    throw Error("the report's markup is not well-formed (" + in.errorString().toStdString() +
                "); nothing was laid out");
  return out;
}

namespace {

/// A text document that loads nothing by itself: its resources are the ones added to it.
/// QTextDocument::loadResource would read any file an <img src> or CSS url() names (a local
/// picture into the PDF, /dev/zero until memory runs out).
class ClosedDocument : public QTextDocument {
 public:
  using QTextDocument::QTextDocument;

 protected:
  QVariant loadResource(int, const QUrl&) override { return {}; }
};

}  // namespace

int printA4(QIODevice& out, const QString& title, const QString& body,
            const QMap<QString, QImage>& images) {
  QPdfWriter pdf(&out);
  pdf.setTitle(title);
  pdf.setCreator(QStringLiteral("PoisonLab %1").arg(QString::fromLatin1(kPoisonLabVersion)));
  pdf.setPageSize(QPageSize(QPageSize::A4));
  pdf.setPageMargins(QMarginsF(15, 14, 15, 12), QPageLayout::Millimeter);
  pdf.setResolution(300);

  ClosedDocument doc;
  // Laid out for the PDF's resolution: fonts in points, pictures at their CSS size (96 per inch).
  doc.documentLayout()->setPaintDevice(&pdf);
  doc.setDefaultStyleSheet(styleSheet());
  QFont font = doc.defaultFont();
  font.setPointSizeF(10);
  doc.setDefaultFont(font);
  for (auto it = images.begin(); it != images.end(); ++it)
    doc.addResource(QTextDocument::ImageResource, QUrl(QStringLiteral("img:") + it.key()),
                    QVariant(it.value()));
  // Only the report's own markup and pictures reach the layout: Qt's image handler reads any
  // file an <img src> names (and /dev/zero until memory runs out), past loadResource.
  doc.setHtml(QStringLiteral("<html><head><title>%1</title></head><body>%2</body></html>")
                  .arg(title.toHtmlEscaped(), closedMarkup(body, images)));

  QFont footerFont = font;
  footerFont.setPointSizeF(8);
  const QFontMetricsF fm(footerFont, &pdf);
  const QRectF area(0, 0, pdf.width(), pdf.height());
  const double footer = fm.height() * 2.5;
  const QSizeF page(area.width(), area.height() - footer);
  doc.setPageSize(page);
  const int pages = doc.pageCount();
  QPainter painter;
  if (!painter.begin(&pdf)) throw Error("cannot start the PDF");
  for (int i = 0; i < pages; ++i) {
    if (i > 0) pdf.newPage();
    painter.save();
    painter.translate(0, -i * page.height());
    doc.drawContents(&painter, QRectF(QPointF(0, i * page.height()), page));
    painter.restore();
    painter.setFont(footerFont);
    painter.setPen(QColor(96, 96, 96));
    const QRectF line(0, area.height() - fm.height(), area.width(), fm.height());
    painter.drawText(line, Qt::AlignLeft | Qt::AlignVCenter, title);
    painter.drawText(line, Qt::AlignRight | Qt::AlignVCenter,
                     RunReport::tr("page %1 of %2").arg(i + 1).arg(pages));
  }
  painter.end();
  return pages;
}

}  // namespace poisonlab::gui::report
