#pragma once
// The report's parts (widgets/run_report.cpp's own, not a public API): page geometry, pictures
// drawn from widgets and plots, HTML tables, the style sheet.

#include <QColor>
#include <QImage>
#include <QList>
#include <QMap>
#include <QPair>
#include <QSize>
#include <QString>

#include <cstdint>
#include <optional>
#include <string>

#include "core/attack/trigger.h"

class QCustomPlot;
class QIODevice;
class QTableWidget;
class QWidget;

namespace poisonlab::gui {

class Session;

namespace report {

constexpr int kFull = 620;
constexpr int kHalf = 304;
constexpr int kPlotHeight = 190;
/// Pictures are drawn at this multiple of their size on the page, so print stays sharp.
constexpr double kScale = 3;
/// The most suspicious samples shown per detector.
constexpr int kThumbnails = 16;
constexpr int kThumbsPerRow = 8;
constexpr int kThumbSide = 60;
/// The zoom of the plots drawn half a page wide.
constexpr double kHalfZoom = 1.3;

/// A fixed pseudo-random rank of a sample index (equal scores in a fixed random order).
std::uint64_t tieOrder(std::int64_t index);
/// A score short enough for a thumbnail's caption: "2,760", "24.9", "0.387".
QString compactScore(double v);
/// `text` as an HTML id or picture name: ASCII letters, digits, '-' and '_' (lower-case; every
/// other run of characters one '-'), never empty ("section" for nothing left).
QString slug(const QString& text);
/// Text for HTML content and double-quoted attributes (&, <, >, " escaped).
QString esc(const QString& s);
QString esc(const std::string& s);
QString percent(double v);
/// A widget drawn at kScale times its size (integer scaling keeps pixel pictures crisp).
QImage renderWidget(QWidget* w, QSize size);
/// A plot through its own export, for `width` x `height` on the page (at kScale times that);
/// `zoom` > 1 lays it out that much larger first, so its text takes a smaller share of it.
QImage renderPlot(QCustomPlot* plot, int width, int height = kPlotHeight, double zoom = 1);
/// A plot half a page wide: its legend below the axes (inside, it would cover half the data).
QImage renderHalfPlot(QCustomPlot* plot);
/// A table widget's header and cells as an HTML table (what the window shows, cell for cell).
QString tableHtml(const QTableWidget* t, const QList<int>& skipColumns = {},
                  const QString& cssClass = QStringLiteral("grid"));
/// Rows of "label: value" (value already HTML) as a two-column table.
QString factsHtml(const QList<QPair<QString, QString>>& rows);
/// "42 s", "3 min 5 s", "1 h 2 min" (translated); "n/a" for none.
QString duration(double seconds);
/// A training image as a thumbnail (kThumbSide, drawn at kScale) in a frame of `frame`; with
/// `mark`, the trigger's square outlined as the inspector does.
QImage thumbnail(const std::uint8_t* chw, const QColor& frame,
                 const std::optional<TriggerSpec>& mark = std::nullopt);
/// "PoisonLab report: <run folder's name>".
QString reportTitle(const Session& s);
/// Lays `body` (XHTML, pictures as "img:NAME" from `images`) out on A4 pages at 300 dpi with a
/// footer (title, "page N of M") and writes it as PDF to `out`; returns the pages. The layout
/// loads no resource but `images`: an <img> or CSS url() naming a file, "/dev/zero" or any
/// other URL draws nothing (Qt's default would read local files into the PDF).
int printA4(QIODevice& out, const QString& title, const QString& body,
            const QMap<QString, QImage>& images);
/// `body` (the report's XHTML) with only what the report itself writes: its elements and
/// attributes, pictures only as one of `images` ("img:NAME"), no attribute that names a url();
/// anything else is dropped with its content. Throws Error when `body` is not well-formed.
/// printA4 lays out only this.
QString closedMarkup(const QString& body, const QMap<QString, QImage>& images);
/// The report's CSS (the subset QTextDocument and browsers share).
QString styleSheet();

}  // namespace report
}  // namespace poisonlab::gui
